package io.skymarshal.examples.cli;

import io.skymarshal.core.SkyMarshalException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;

/**
 * Runs a program's body the way every example program runs: {@code --help} prints the help and
 * exits 0; bad arguments print what is wrong and the usage and exit 2, never a stack trace; a
 * failure the program expects (a {@link SkyMarshalException}, an I/O error) prints one message
 * and exits 1. Only a failure nobody expected, a bug, also prints its stack trace.
 *
 * <p>Each program's {@code main} is {@code System.exit(run(args, System.out, System.err))}, and
 * tests call {@code run} with their own streams.
 */
public final class Tool {

  /** A program's work once its arguments parsed; returns the exit status. */
  @FunctionalInterface
  public interface Body {
    int run(Arguments args, PrintStream out, PrintStream err) throws UsageException, IOException;
  }

  private Tool() {}

  /** Parses {@code args} with {@code cli} and runs {@code body}, as the class comment says; returns the exit status. */
  public static int run(CommandLine cli, String[] args, PrintStream out, PrintStream err, Body body) {
    try {
      Arguments parsed = cli.parse(args);
      if (parsed.helpRequested()) {
        out.print(cli.help());
        out.flush();
        return ExitCode.OK;
      }
      return body.run(parsed, out, err);
    } catch (UsageException e) {
      err.println(cli.name() + ": " + e.getMessage());
      err.println(cli.usage());
      err.println("(" + cli.name() + " --help for more)");
      return ExitCode.USAGE;
    } catch (SkyMarshalException | IOException | UncheckedIOException e) {
      err.println(cli.name() + " failed: " + message(e));
      return ExitCode.FAILED;
    } catch (RuntimeException e) {
      err.println(cli.name() + " failed unexpectedly (a bug; please report it with this trace): " + e);
      e.printStackTrace(err);
      return ExitCode.FAILED;
    } finally {
      out.flush();
      err.flush();
    }
  }

  private static String message(Exception e) {
    if (e instanceof java.nio.file.NoSuchFileException n) {
      return "no such file: " + n.getFile();
    }
    return e.getMessage() == null ? e.toString() : e.getMessage();
  }
}
