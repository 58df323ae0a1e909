package io.skymarshal.testkit.baseline;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.skymarshal.core.Decision;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Saves a set of decisions as a JSON file, and reads it back, to compare later runs with
 * ({@link DecisionComparator}): record a baseline on real Bedrock once, then check a prompt or
 * model change against it. The file is {@code {"format":1,"decisions":[...]}}, each decision a
 * {@link DecisionRecord}. Stateless and thread-safe.
 *
 * <pre>{@code
 * BaselineStore.save(Path.of("baseline.json"), decisions);
 * Comparison c = DecisionComparator.standard().compare(BaselineStore.load(Path.of("baseline.json")),
 *     later.stream().map(DecisionRecord::of).toList());
 * c.mismatches().forEach(System.out::println);
 * }</pre>
 */
public final class BaselineStore {
  /** The file format this version writes and reads. */
  public static final int FORMAT = 1;
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private BaselineStore() {}

  /**
   * Writes the records of {@code decisions} to {@code file}, creating its directory.
   *
   * @throws UncheckedIOException if it cannot be written
   */
  public static void save(Path file, Collection<Decision> decisions) {
    saveRecords(file, decisions.stream().map(DecisionRecord::of).toList());
  }

  /** Writes {@code records} to {@code file}, creating its directory. */
  public static void saveRecords(Path file, Collection<DecisionRecord> records) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      JSON.writeValue(file.toFile(), Map.of("format", FORMAT, "decisions", List.copyOf(records)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write baseline " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * The records saved in {@code file}.
   *
   * @throws UncheckedIOException     if it cannot be read or is not such a file
   * @throws IllegalArgumentException if it is of another format version
   */
  public static List<DecisionRecord> load(Path file) {
    try {
      var root = JSON.readTree(file.toFile());
      int format = root.path("format").asInt(-1);
      if (format != FORMAT) {
        throw new IllegalArgumentException("baseline " + file + " has format " + format + "; this version reads "
            + FORMAT);
      }
      return JSON.convertValue(root.path("decisions"), new TypeReference<List<DecisionRecord>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read baseline " + file + ": " + e.getMessage(), e);
    }
  }
}
