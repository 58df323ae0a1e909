package io.skymarshal.testkit.dynamo;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds Node.js and the dynalite package, installing the package with npm into the repository's
 * {@code .dynalite/} folder when it is missing and npm is there.
 *
 * <p>Lookup order for the package: the {@code skymarshal.dynalite.home} system property or the
 * {@code SKYMARSHAL_DYNALITE_HOME} environment variable (an npm prefix holding
 * {@code node_modules/dynalite}, or the package folder itself); then {@code .dynalite/} in the
 * working directory or any parent (Maven runs tests with the module as working directory).
 */
final class DynaliteInstallation {
  private static final Logger LOG = LoggerFactory.getLogger(DynaliteInstallation.class);

  static final String PACKAGE = "dynalite@" + DynaliteServer.DYNALITE_VERSION;
  static final int MIN_NODE_MAJOR = 20;
  private static final String FOLDER = ".dynalite";
  private static final Pattern NODE_VERSION = Pattern.compile("v?(\\d+)\\.");

  final Path node;
  final Path cliJs;

  private DynaliteInstallation(Path node, Path cliJs) {
    this.node = node;
    this.cliJs = cliJs;
  }

  static DynaliteInstallation locate(boolean autoInstall) {
    Path node = findNode();
    Path cli = findCli().orElse(null);
    if (cli == null && autoInstall) {
      cli = install();
    }
    if (cli == null) {
      throw new DynaliteUnavailableException("the dynalite package (" + PACKAGE + ") was not found in "
          + FOLDER + "/ of " + Path.of("").toAbsolutePath() + " or any parent, nor at -Dskymarshal.dynalite.home"
          + " / SKYMARSHAL_DYNALITE_HOME. Install it from the repository root with: npm install --prefix "
          + FOLDER + " " + PACKAGE);
    }
    return new DynaliteInstallation(node, cli);
  }

  private static Path findNode() {
    String configured = setting("skymarshal.node", "SKYMARSHAL_NODE");
    Path node = configured != null ? Path.of(configured) : onPath("node").orElse(null);
    if (node == null || !Files.isExecutable(node)) {
      throw new DynaliteUnavailableException("Node.js was not found (" + (configured != null
          ? "-Dskymarshal.node / SKYMARSHAL_NODE=" + configured + " is not executable" : "no 'node' on PATH")
          + "); dynalite " + DynaliteServer.DYNALITE_VERSION + " needs Node.js >= " + MIN_NODE_MAJOR
          + ": install it (e.g. apt-get install nodejs npm) or point -Dskymarshal.node at it");
    }
    String version = run(List.of(node.toString(), "--version"), 20).trim();
    Matcher m = NODE_VERSION.matcher(version);
    if (!m.lookingAt() || Integer.parseInt(m.group(1)) < MIN_NODE_MAJOR) {
      throw new DynaliteUnavailableException("Node.js at " + node + " is version '" + version
          + "'; dynalite " + DynaliteServer.DYNALITE_VERSION + " needs >= " + MIN_NODE_MAJOR);
    }
    return node;
  }

  private static Optional<Path> findCli() {
    String home = setting("skymarshal.dynalite.home", "SKYMARSHAL_DYNALITE_HOME");
    if (home != null) {
      Path h = Path.of(home);
      for (Path c : List.of(h.resolve("cli.js"), h.resolve("node_modules/dynalite/cli.js"))) {
        if (Files.isRegularFile(c)) {
          return Optional.of(c);
        }
      }
      throw new DynaliteUnavailableException("skymarshal.dynalite.home / SKYMARSHAL_DYNALITE_HOME=" + home
          + " holds neither cli.js nor node_modules/dynalite/cli.js");
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path c = dir.resolve(FOLDER).resolve("node_modules/dynalite/cli.js");
      if (Files.isRegularFile(c)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /** The repository root: the nearest directory up from the working directory with mvnw or .git. */
  private static Optional<Path> repositoryRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve("mvnw")) || Files.exists(dir.resolve(".git"))) {
        return Optional.of(dir);
      }
    }
    return Optional.empty();
  }

  private static Path install() {
    Path root = repositoryRoot().orElse(null);
    Path npm = onPath("npm").orElse(null);
    if (root == null || npm == null) {
      return null;
    }
    Path prefix = root.resolve(FOLDER);
    try {
      Files.createDirectories(prefix);
      // two test JVMs (e.g. a parallel build) must not run npm into the same folder at once
      try (FileChannel ch = FileChannel.open(prefix.resolve(".install.lock"),
               StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
        FileLock lock = ch.lock();
        try {
          Path cli = prefix.resolve("node_modules/dynalite/cli.js");
          if (!Files.isRegularFile(cli)) {
            LOG.info("installing {} into {}", PACKAGE, prefix);
            run(List.of(npm.toString(), "install", "--prefix", prefix.toString(), "--no-audit", "--no-fund",
                "--no-save", PACKAGE), 300);
          }
          return Files.isRegularFile(cli) ? cli : null;
        } finally {
          lock.release();
        }
      }
    } catch (IOException e) {
      throw new DynaliteUnavailableException("could not install " + PACKAGE + " into " + prefix, e);
    }
  }

  private static String setting(String property, String env) {
    String v = System.getProperty(property);
    if (v == null || v.isBlank()) {
      v = System.getenv(env);
    }
    return v == null || v.isBlank() ? null : v;
  }

  private static Optional<Path> onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    List<String> names = new ArrayList<>(List.of(name));
    if (File.separatorChar == '\\') {
      names.addAll(List.of(name + ".exe", name + ".cmd"));
    }
    for (String dir : path.split(File.pathSeparator)) {
      for (String n : names) {
        Path p = Path.of(dir, n);
        if (Files.isExecutable(p) && !Files.isDirectory(p)) {
          return Optional.of(p);
        }
      }
    }
    return Optional.empty();
  }

  private static String run(List<String> command, int timeoutSeconds) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getOutputStream().close();
      byte[] out;
      try (InputStream in = p.getInputStream()) {
        out = in.readAllBytes();
      }
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new DynaliteUnavailableException(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s");
      }
      String text = new String(out, StandardCharsets.UTF_8);
      if (p.exitValue() != 0) {
        throw new DynaliteUnavailableException(String.join(" ", command) + " failed with exit code "
            + p.exitValue() + ": " + text.strip());
      }
      return text;
    } catch (IOException e) {
      throw new DynaliteUnavailableException("could not run " + String.join(" ", command), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DynaliteUnavailableException("interrupted while running " + String.join(" ", command), e);
    }
  }
}
