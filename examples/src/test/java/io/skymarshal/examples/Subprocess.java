package io.skymarshal.examples;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An example program started as a user starts it: in its own JVM (this test's class path), with
 * an environment the test controls. Every {@code AWS_*} and {@code SKYMARSHAL_*} variable of the
 * build is removed, there is no AWS profile file and instance metadata is off, so the SDK's
 * default chains find only what the test gives.
 */
final class Subprocess {

  /** How the program ended and what it printed. */
  record Result(int status, String out, String err) {
    String all() {
      return out + err;
    }
  }

  private Subprocess() {}

  /** Runs {@code main} with {@code args} and {@code env}, in {@code home} (which also holds its output). */
  static Result run(Class<?> main, Path home, Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    if (Runtime.version().feature() >= 23) {
      // Netty (under the AWS SDK) uses sun.misc.Unsafe; from JDK 24 the JVM warns on stderr, which
      // would mix with the program's own messages these tests read (JEP 471/498)
      command.add("--sun-misc-unsafe-memory-access=allow");
    }
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(Path.of("").toAbsolutePath().toFile());
    Map<String, String> e = pb.environment();
    e.keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("SKYMARSHAL_"));
    e.put("HOME", home.toString());
    e.put("AWS_CONFIG_FILE", home.resolve("no-config").toString());
    e.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("no-credentials").toString());
    e.put("AWS_EC2_METADATA_DISABLED", "true");
    e.putAll(env);
    Path out = Files.createTempFile(home, main.getSimpleName(), ".out");
    Path err = Files.createTempFile(home, main.getSimpleName(), ".err");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    if (!p.waitFor(180, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(main.getSimpleName() + " did not end within 180 s; it printed:\n"
          + Files.readString(out) + Files.readString(err));
    }
    return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
