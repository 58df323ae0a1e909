package io.skymarshal.examples.perf;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Headless Chromium driven as a plain process: {@code --dump-dom} loads a page, runs its scripts
 * and prints the DOM they left. The binary is {@code SKYMARSHAL_CHROMIUM} if set, else the first of
 * {@code chromium}, {@code chromium-browser}, {@code google-chrome} on the PATH.
 */
final class Chromium {
  private static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome");
  private final Path binary;

  private Chromium(Path binary) {
    this.binary = binary;
  }

  /** The browser, if one is installed. */
  static Optional<Chromium> find() {
    String set = System.getenv("SKYMARSHAL_CHROMIUM");
    if (set != null && !set.isBlank()) {
      return Optional.of(new Chromium(Path.of(set)));
    }
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String name : NAMES) {
      for (String dir : path.split(File.pathSeparator)) {
        Path p = Path.of(dir, name);
        if (Files.isExecutable(p)) {
          return Optional.of(new Chromium(p));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The DOM of {@code page} after its scripts ran. No sandbox: the page is one this build wrote,
   * and CI containers run as root, where Chromium's sandbox refuses to start.
   */
  String dumpDom(Path page, Path profile) throws IOException, InterruptedException {
    Path out = Files.createTempFile(profile, "dom", ".html");
    Process p = new ProcessBuilder(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--no-first-run", "--user-data-dir=" + profile.toAbsolutePath(), "--dump-dom", page.toUri().toString())
        .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("chromium did not finish within 120 s");
    }
    if (p.exitValue() != 0) {
      throw new IOException("chromium exited with " + p.exitValue());
    }
    return Files.readString(out, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return binary.toString();
  }
}
