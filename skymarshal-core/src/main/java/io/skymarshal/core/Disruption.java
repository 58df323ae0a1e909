package io.skymarshal.core;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A flight disruption to decide about. Immutable; build with {@link #builder()}.
 * {@link #description()} and {@link #facts()} are untrusted free text: prompts escape them.
 *
 * <p>Every disruption keeps the same limits, however it is made (the builder, or a reader such
 * as the airline pack's JSON reader, which builds through it); a value outside them fails with
 * an {@link InvalidDisruptionException} naming the field, quoting at most a short escaped excerpt:
 * <ul>
 *   <li>{@code id}: at most {@value #MAX_ID_LENGTH} characters, {@code type}: at most
 *       {@value #MAX_TYPE_LENGTH}; neither blank nor with control, format or separator characters;
 *   <li>{@code severity}: {@code low}, {@code medium}, {@code high} or {@code critical};
 *   <li>the flight number: an airline designator (two letters or digits, not both digits, or
 *       three letters) with 1-4 digits and an optional letter, such as {@code EY123}; airports:
 *       three capital letters, origin and destination different; the aircraft type
 *       {@code [A-Za-z0-9][A-Za-z0-9-]{0,15}}; the registration 2-10 capital letters and digits
 *       with at most one inner hyphen, such as {@code A6-APA};
 *   <li>times (detection, scheduled departure and arrival) in [{@link #EARLIEST_TIME},
 *       {@link #LATEST_TIME}); the arrival at most {@link #MAX_BLOCK_TIME} after the departure;
 *       the estimated delay at most {@link #MAX_ESTIMATED_DELAY};
 *   <li>the description and each fact's value: at most {@value #MAX_TEXT_LENGTH} characters of
 *       any kind; a fact's name not empty and at most {@value #MAX_LABEL_LENGTH}; at most
 *       {@value #MAX_FACTS} facts; at most {@value #MAX_SPECIAL_CARGO} kinds of special cargo of
 *       at most {@value #MAX_LABEL_LENGTH} characters each;
 *   <li>all text together (id, type, description, facts' names and values, special cargo) at
 *       most {@value #MAX_TOTAL_TEXT} characters: it goes into every agent's prompt.
 * </ul>
 */
public final class Disruption {
  /** Longest id, in characters. */
  public static final int MAX_ID_LENGTH = 128;
  /** Longest type, in characters. */
  public static final int MAX_TYPE_LENGTH = 64;
  /** Longest description or fact value, in characters. */
  public static final int MAX_TEXT_LENGTH = 10_000;
  /** Longest fact name or kind of special cargo, in characters. */
  public static final int MAX_LABEL_LENGTH = 200;
  /** Most facts; more is rejected, not cut. */
  public static final int MAX_FACTS = 500;
  /** Most kinds of special cargo. */
  public static final int MAX_SPECIAL_CARGO = 50;
  /** Most characters of all text together. */
  public static final int MAX_TOTAL_TEXT = 32_000;
  /** Earliest accepted time (inclusive): 2000-01-01T00:00:00Z. */
  public static final Instant EARLIEST_TIME = Instant.parse("2000-01-01T00:00:00Z");
  /** Latest accepted time (exclusive): 2100-01-01T00:00:00Z. */
  public static final Instant LATEST_TIME = Instant.parse("2100-01-01T00:00:00Z");
  /** Longest scheduled flight, departure to arrival: 24 hours (the longest flights flown take under 19). */
  public static final Duration MAX_BLOCK_TIME = Duration.ofHours(24);
  /** Longest estimated delay: 7 days. */
  public static final Duration MAX_ESTIMATED_DELAY = Duration.ofDays(7);

  private final String id;
  private final Instant detectedAt;
  private final String type;
  private final String severity;
  private final FlightRef flight;
  private final String description;
  private final Duration estimatedDelay;
  private final Impact impact;
  private final Map<String, String> facts;

  private Disruption(Builder b) {
    this.id = b.id;
    this.detectedAt = b.detectedAt;
    this.type = b.type;
    this.severity = b.severity;
    this.flight = b.flight;
    this.description = b.description;
    this.estimatedDelay = b.estimatedDelay;
    this.impact = b.impact;
    this.facts = Collections.unmodifiableMap(new LinkedHashMap<>(b.facts));
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder().id(id).detectedAt(detectedAt).type(type).severity(severity).flight(flight)
        .description(description).estimatedDelay(estimatedDelay).impact(impact);
    b.facts.putAll(facts);
    // copied values may each be replaced once: that is what the copy is for
    b.given.forget();
    return b;
  }

  /** A unique id, e.g. {@code DISR-2026-01-30-001}; goes into the logging MDC. */
  public String id() { return id; }

  /** When the disruption was detected. */
  public Instant detectedAt() { return detectedAt; }

  /** Its kind, e.g. {@code aircraft_technical_issue}, {@code weather}, {@code crew}. */
  public String type() { return type; }

  /** {@code low}, {@code medium}, {@code high} or {@code critical}; default {@code medium}. */
  public String severity() { return severity; }

  /** The disrupted flight. */
  public FlightRef flight() { return flight; }

  /** Free-text description; untrusted. Default empty. */
  public String description() { return description; }

  /** The delay expected if nothing else is done; default zero. */
  public Duration estimatedDelay() { return estimatedDelay; }

  /** What is known of the impact; default {@link Impact#NONE}. */
  public Impact impact() { return impact; }

  /** Further facts by name (constraints, business context); untrusted; in insertion order. */
  public Map<String, String> facts() { return facts; }

  @Override
  public String toString() {
    return "Disruption{" + id + ", " + type + ", " + flight.flightNumber() + "}";
  }

  /**
   * Builds a {@link Disruption}. Not thread-safe. {@code id}, {@code detectedAt}, {@code type},
   * {@code flight} are required. Each setter checks its value against the limits at once and
   * {@link #build()} checks the total (see {@link Disruption}), failing with an
   * {@link InvalidDisruptionException} naming the field. A setting given twice fails, naming it (a value copied by
   * {@link Disruption#toBuilder()} may be replaced once); {@link #fact} replaces a fact of the same name.
   */
  public static final class Builder {
    private final io.skymarshal.core.spi.BuilderSettings given = new io.skymarshal.core.spi.BuilderSettings();

    private String id;
    private Instant detectedAt;
    private String type;
    private String severity = "medium";
    private FlightRef flight;
    private String description = "";
    private Duration estimatedDelay = Duration.ZERO;
    private Impact impact = Impact.NONE;
    private final Map<String, String> facts = new LinkedHashMap<>();

    private Builder() {}

    /** @throws InvalidDisruptionException if blank, too long or with control characters */
    public Builder id(String id) {
      given.once("id");
      this.id = DisruptionChecks.label("id", Objects.requireNonNull(id, "id"), MAX_ID_LENGTH);
      return this;
    }

    /** When it was detected. @throws InvalidDisruptionException outside [EARLIEST_TIME, LATEST_TIME) */
    public Builder detectedAt(Instant detectedAt) {
      given.once("detectedAt");
      this.detectedAt = DisruptionChecks.time("detectedAt", Objects.requireNonNull(detectedAt, "detectedAt"));
      return this;
    }

    /** Its kind. @throws InvalidDisruptionException if blank, too long or with control characters */
    public Builder type(String type) {
      given.once("type");
      this.type = DisruptionChecks.label("type", Objects.requireNonNull(type, "type"), MAX_TYPE_LENGTH);
      return this;
    }

    /** low, medium (default), high or critical. @throws InvalidDisruptionException for anything else */
    public Builder severity(String severity) {
      given.once("severity");
      this.severity = DisruptionChecks.severity(Objects.requireNonNull(severity, "severity"));
      return this;
    }

    /**
     * The disrupted flight.
     *
     * @throws InvalidDisruptionException if its number, airports, times, type or registration are
     *                                    outside the limits (see {@link Disruption})
     */
    public Builder flight(FlightRef flight) {
      given.once("flight");
      this.flight = DisruptionChecks.flight(Objects.requireNonNull(flight, "flight"));
      return this;
    }

    /** Free text, default empty. @throws InvalidDisruptionException if longer than {@value #MAX_TEXT_LENGTH} */
    public Builder description(String description) {
      given.once("description");
      this.description = DisruptionChecks.length("description", Objects.requireNonNull(description, "description"),
          MAX_TEXT_LENGTH);
      return this;
    }

    /** Default zero. @throws InvalidDisruptionException if negative or over {@link #MAX_ESTIMATED_DELAY} */
    public Builder estimatedDelay(Duration estimatedDelay) {
      given.once("estimatedDelay");
      this.estimatedDelay = DisruptionChecks.delay(Objects.requireNonNull(estimatedDelay, "estimatedDelay"));
      return this;
    }

    /** Default {@link Impact#NONE}. @throws InvalidDisruptionException if its special cargo is outside the limits */
    public Builder impact(Impact impact) {
      given.once("impact");
      this.impact = DisruptionChecks.impact(Objects.requireNonNull(impact, "impact"));
      return this;
    }

    /**
     * Adds a fact, or replaces the fact of the same name.
     *
     * @throws InvalidDisruptionException if the name or value is outside the limits, or this would
     *                                    be fact number {@value #MAX_FACTS} + 1
     */
    public Builder fact(String name, String value) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
      String field = "facts[" + name + "]";
      if (name.isEmpty()) {
        throw new InvalidDisruptionException("facts", "a fact's name must not be empty");
      }
      DisruptionChecks.length(field, name, MAX_LABEL_LENGTH);
      DisruptionChecks.length(field, value, MAX_TEXT_LENGTH);
      if (!facts.containsKey(name) && facts.size() >= MAX_FACTS) {
        throw new InvalidDisruptionException(field, "more than " + MAX_FACTS + " facts");
      }
      facts.put(name, value);
      return this;
    }

    /** Removes the fact named {@code name}, if there is one (to derive a disruption from another). */
    public Builder removeFact(String name) {
      facts.remove(Objects.requireNonNull(name, "name"));
      return this;
    }

    /**
     * @throws InvalidDisruptionException naming the first required field not set, or {@code total}
     *                                    if all text together is longer than {@value #MAX_TOTAL_TEXT}
     */
    public Disruption build() {
      required("id", id);
      required("detectedAt", detectedAt);
      required("type", type);
      required("flight", flight);
      long total = (long) id.length() + type.length() + description.length();
      for (Map.Entry<String, String> f : facts.entrySet()) {
        total += f.getKey().length() + f.getValue().length();
      }
      for (String s : impact.specialCargo()) {
        total += s.length();
      }
      if (total > MAX_TOTAL_TEXT) {
        throw new InvalidDisruptionException("total", "all text together is " + total + " characters, more than "
            + MAX_TOTAL_TEXT);
      }
      return new Disruption(this);
    }

    private static void required(String field, Object value) {
      if (value == null) {
        throw new InvalidDisruptionException(field, "is required");
      }
    }
  }
}
