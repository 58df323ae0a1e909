package io.skymarshal.examples.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The options one program takes, its usage line and help, and the parser of its arguments.
 * Options are long ({@code --runs 2} or {@code --runs=2}); {@code --help} and {@code -h} are
 * always known. Anything else on the command line, or an option given twice, is a
 * {@link UsageException} naming it. Immutable once built.
 *
 * <pre>{@code
 * CommandLine cli = CommandLine.of("QuickStart", "Decides the EY123 sample disruption offline.")
 *     .flag("--json", "print the decision and its report as JSON")
 *     .option("--disruption", "FILE", "decide this disruption document instead of the sample")
 *     .build();
 * }</pre>
 */
public final class CommandLine {

  /** One option: its name, the name of its value (null for a flag) and what it does. */
  record Option(String name, String value, String help) {}

  private final String name;
  private final String summary;
  private final Map<String, Option> options;
  private final String notes;
  private final String exitStatuses;

  private CommandLine(Builder b) {
    this.name = b.name;
    this.summary = b.summary;
    this.options = new LinkedHashMap<>(b.options);
    this.notes = b.notes;
    this.exitStatuses = b.exitStatuses;
  }

  /** A builder for the program {@code name}, described in one line by {@code summary}. */
  public static Builder of(String name, String summary) {
    return new Builder(name, summary);
  }

  /** The program's name. */
  public String name() {
    return name;
  }

  /** One line: {@code usage: AwsRun [--local] [--runs N] ...}. */
  public String usage() {
    StringBuilder sb = new StringBuilder("usage: ").append(name);
    for (Option o : options.values()) {
      sb.append(" [").append(o.name()).append(o.value() == null ? "" : " " + o.value()).append(']');
    }
    return sb.append(" [--help]").toString();
  }

  /** The usage, the summary, each option and what it does, the notes and the exit statuses. */
  public String help() {
    StringBuilder sb = new StringBuilder(usage()).append("\n\n").append(summary).append("\n\noptions:\n");
    int width = options.values().stream().mapToInt(o -> label(o).length()).max().orElse(0);
    width = Math.max(width, "--help".length());
    for (Option o : options.values()) {
      sb.append("  ").append(pad(label(o), width)).append("  ").append(o.help()).append('\n');
    }
    sb.append("  ").append(pad("--help", width)).append("  print this help and exit\n");
    if (!notes.isEmpty()) {
      sb.append('\n').append(notes.strip()).append('\n');
    }
    return sb.append('\n').append(exitStatuses).toString();
  }

  /**
   * The arguments parsed.
   *
   * @throws UsageException for an unknown option, a missing value, or an option given twice
   */
  public Arguments parse(String... args) throws UsageException {
    Map<String, String> values = new LinkedHashMap<>();
    boolean help = false;
    for (int i = 0; i < args.length; i++) {
      String arg = Objects.requireNonNull(args[i], "argument");
      if (arg.equals("--help") || arg.equals("-h")) {
        help = true;
        continue;
      }
      int eq = arg.indexOf('=');
      String key = arg.startsWith("--") && eq > 0 ? arg.substring(0, eq) : arg;
      Option o = options.get(key);
      if (o == null) {
        throw new UsageException(arg.startsWith("-") ? "unknown option '" + arg + "'"
            : "unexpected argument '" + arg + "' (" + name + " takes options only)");
      }
      String value;
      if (o.value() == null) {
        if (eq > 0) {
          throw new UsageException(o.name() + " takes no value but was given '" + arg.substring(eq + 1) + "'");
        }
        value = "";
      } else if (eq > 0) {
        value = arg.substring(eq + 1);
      } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
        value = args[++i];
      } else {
        throw new UsageException(o.name() + " needs a value: " + o.name() + " " + o.value());
      }
      if (values.put(o.name(), value) != null) {
        throw new UsageException(o.name() + " was given twice");
      }
    }
    return new Arguments(values, help);
  }

  private static String label(Option o) {
    return o.name() + (o.value() == null ? "" : " " + o.value());
  }

  private static String pad(String s, int width) {
    return s + " ".repeat(width - s.length());
  }

  /** Builds a {@link CommandLine}. Not thread-safe. */
  public static final class Builder {
    private final String name;
    private final String summary;
    private final Map<String, Option> options = new LinkedHashMap<>();
    private String notes = "";
    private String exitStatuses = ExitCode.HELP;

    private Builder(String name, String summary) {
      this.name = Objects.requireNonNull(name, "name");
      this.summary = Objects.requireNonNull(summary, "summary");
    }

    /** An option without a value, e.g. {@code --json}. */
    public Builder flag(String option, String help) {
      return add(new Option(option, null, help));
    }

    /** An option with a value, e.g. {@code --runs N}. */
    public Builder option(String option, String value, String help) {
      return add(new Option(option, Objects.requireNonNull(value, "value"), help));
    }

    /** Marks a program that decides disruptions: its help lists exit status 3, no decision. */
    public Builder deciding() {
      this.exitStatuses = ExitCode.HELP_DECIDING;
      return this;
    }

    /**
     * Replaces the exit statuses the help ends with (for a program whose 0 means more, e.g.
     * "every check passed").
     */
    public Builder exitStatuses(String text) {
      this.exitStatuses = Objects.requireNonNull(text, "exitStatuses");
      return this;
    }

    /** Lines printed after the options in the help (examples, where settings come from). */
    public Builder notes(String text) {
      this.notes = Objects.requireNonNull(text, "notes");
      return this;
    }

    private Builder add(Option o) {
      if (!o.name().startsWith("--") || o.name().length() < 3 || o.name().contains("=")) {
        throw new IllegalArgumentException("an option is --name, but was '" + o.name() + "'");
      }
      if (o.name().equals("--help") || options.putIfAbsent(o.name(), o) != null) {
        throw new IllegalArgumentException("option " + o.name() + " is already defined");
      }
      return this;
    }

    /** The command line. */
    public CommandLine build() {
      return new CommandLine(this);
    }
  }
}
