package io.skymarshal.examples;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** One in-process run of a program's {@code run(args, out, err)}: its exit status and what it printed. */
public record Captured(int status, String out, String err) {

  /** A program's {@code run(args, out, err)}. */
  @FunctionalInterface
  public interface Program {
    int run(String[] args, PrintStream out, PrintStream err);
  }

  /** Runs {@code program} with {@code args}, capturing its output. */
  public static Captured run(Program program, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      status = program.run(args, o, e);
    }
    return new Captured(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** Whether a stack trace was printed anywhere. */
  public boolean printedAStackTrace() {
    return (out + err).contains("\tat ") || (out + err).contains("Exception in thread");
  }
}
