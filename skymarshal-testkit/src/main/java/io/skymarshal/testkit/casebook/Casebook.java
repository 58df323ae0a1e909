package io.skymarshal.testkit.casebook;

import io.skymarshal.testkit.airline.AirlineSamples;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The safety casebook: named scenarios, each a disruption on the EY123 sample airline with the
 * outcomes that are safe, read from JSON scenario files (format: {@code skymarshal-testkit/CASEBOOK.md}).
 * The built-in scenarios are the {@code *.json} files of the classpath folder
 * {@value #RESOURCE_FOLDER} (in every classpath entry that has it: a directory, or a jar with
 * directory entries, as Maven writes them); users add their own in a directory of their choice. Names are unique:
 * loading two scenarios of one name is an error naming both files. Run it with
 * {@link CasebookRunner}. Immutable and thread-safe.
 *
 * <pre>{@code
 * Casebook book = Casebook.builtIn().plus(Casebook.fromDirectory(Path.of("my-scenarios")));
 * CasebookReport report = new CasebookRunner().run(book);
 * }</pre>
 */
public final class Casebook {
  /** The classpath folder of the built-in scenarios. */
  public static final String RESOURCE_FOLDER = "io/skymarshal/testkit/casebook";

  private final List<Scenario> scenarios;

  private Casebook(List<Scenario> scenarios) {
    this.scenarios = List.copyOf(scenarios);
  }

  /**
   * A casebook of {@code scenarios}, in their order.
   *
   * @throws CasebookFormatException if two share a name
   */
  public static Casebook of(Collection<Scenario> scenarios) {
    Map<String, Scenario> byName = new HashMap<>();
    for (Scenario s : scenarios) {
      Scenario other = byName.putIfAbsent(s.name(), s);
      if (other != null) {
        throw new CasebookFormatException(s.source(), "name", "'" + s.name() + "' is also the name of "
            + other.source());
      }
    }
    return new Casebook(new ArrayList<>(scenarios));
  }

  /**
   * The built-in scenarios, by name.
   *
   * @throws CasebookFormatException if one of them is not a valid scenario
   */
  public static Casebook builtIn() {
    return builtIn(Casebook.class.getClassLoader());
  }

  /** The scenarios of every copy of {@value #RESOURCE_FOLDER} that {@code loader} sees, by name. */
  static Casebook builtIn(ClassLoader loader) {
    List<Scenario> out = new ArrayList<>();
    try {
      // every copy of the folder: a classpath may hold it more than once (test classes of the package)
      for (URL folder : Collections.list(loader.getResources(RESOURCE_FOLDER))) {
        if (folder.getProtocol().equals("file")) {
          out.addAll(readDirectory(Path.of(folder.toURI()), "classpath:" + RESOURCE_FOLDER + "/"));
        } else if (folder.getProtocol().equals("jar")) {
          out.addAll(readJarFolder(folder));
        } else {
          throw new IllegalStateException("cannot list " + folder + ": neither a directory nor a jar");
        }
      }
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot list the classpath folder " + RESOURCE_FOLDER, e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the classpath folder " + RESOURCE_FOLDER, e);
    }
    return of(sorted(out));
  }

  /**
   * The scenarios of the {@code *.json} files directly in {@code directory}, by name.
   *
   * @throws CasebookFormatException if a file is not a valid scenario
   * @throws UncheckedIOException    if the directory cannot be read
   */
  public static Casebook fromDirectory(Path directory) {
    Objects.requireNonNull(directory, "directory");
    if (!Files.isDirectory(directory)) {
      throw new IllegalArgumentException("scenario directory " + directory + " does not exist");
    }
    try {
      return of(sorted(readDirectory(directory, null)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read scenario directory " + directory, e);
    }
  }

  /**
   * Reads one scenario file.
   *
   * @throws CasebookFormatException naming the file and the offending field
   * @throws UncheckedIOException    if the file cannot be read
   */
  public static Scenario read(Path file) {
    try {
      return read(file.toString(), file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read scenario file " + file, e);
    }
  }

  /**
   * Reads one scenario from {@code json}, as if from a file called {@code fileName} at {@code source}.
   *
   * @throws CasebookFormatException naming {@code source} and the offending field
   */
  public static Scenario read(String source, String fileName, String json) {
    return Reader.INSTANCE.read(source, fileName, json);
  }

  /** This casebook's scenarios followed by {@code other}'s; names must stay unique. */
  public Casebook plus(Casebook other) {
    List<Scenario> all = new ArrayList<>(scenarios);
    all.addAll(other.scenarios);
    return of(all);
  }

  /** The scenarios, in order. */
  public List<Scenario> scenarios() {
    return scenarios;
  }

  /** The scenario called {@code name}, if there is one. */
  public Optional<Scenario> scenario(String name) {
    return scenarios.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  private static List<Scenario> readDirectory(Path dir, String sourcePrefix) throws IOException {
    List<Scenario> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p))
          .sorted().toList()) {
        String name = file.getFileName().toString();
        String source = sourcePrefix == null ? file.toString() : sourcePrefix + name;
        out.add(read(source, name, Files.readString(file, StandardCharsets.UTF_8)));
      }
    }
    return out;
  }

  private static List<Scenario> readJarFolder(URL folder) throws IOException {
    URLConnection connection = folder.openConnection();
    connection.setUseCaches(false);
    List<Scenario> out = new ArrayList<>();
    try (JarFile jar = ((JarURLConnection) connection).getJarFile()) {
      String prefix = RESOURCE_FOLDER + "/";
      for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
        JarEntry entry = entries.nextElement();
        String name = entry.getName();
        if (name.startsWith(prefix) && name.endsWith(".json") && name.indexOf('/', prefix.length()) < 0) {
          try (InputStream in = jar.getInputStream(entry)) {
            String fileName = name.substring(prefix.length());
            out.add(read("classpath:" + name, fileName, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
          }
        }
      }
    }
    return out;
  }

  private static List<Scenario> sorted(List<Scenario> scenarios) {
    List<Scenario> out = new ArrayList<>(scenarios);
    out.sort(Comparator.comparing(Scenario::name));
    return out;
  }

  // The sample airline is built once, on first use.
  private static final class Reader {
    static final ScenarioReader INSTANCE = new ScenarioReader(AirlineSamples.ey123Airline());
  }
}
