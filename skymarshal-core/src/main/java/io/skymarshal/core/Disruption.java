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
 */
public final class Disruption {
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
    b.given.clear();
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
   * {@code flight} are required. A setting given twice fails, naming it (a value copied by
   * {@link Disruption#toBuilder()} may be replaced once); {@link #fact} replaces a fact of the same name.
   */
  public static final class Builder {
    /** Settings given on this builder: a second one fails, naming it. */
    private final java.util.Set<String> given = new java.util.HashSet<>();

    private void once(String setting) {
      if (!given.add(setting)) {
        throw new IllegalStateException(setting + " was already set on this builder");
      }
    }

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

    public Builder id(String id) {
      once("id");
      Objects.requireNonNull(id, "id");
      if (id.isBlank()) {
        throw new IllegalArgumentException("disruption id must not be blank");
      }
      this.id = id;
      return this;
    }

    public Builder detectedAt(Instant detectedAt) {
      once("detectedAt");
      this.detectedAt = Objects.requireNonNull(detectedAt, "detectedAt");
      return this;
    }

    public Builder type(String type) {
      once("type");
      this.type = Objects.requireNonNull(type, "type");
      return this;
    }

    public Builder severity(String severity) {
      once("severity");
      this.severity = Objects.requireNonNull(severity, "severity");
      return this;
    }

    public Builder flight(FlightRef flight) {
      once("flight");
      this.flight = Objects.requireNonNull(flight, "flight");
      return this;
    }

    public Builder description(String description) {
      once("description");
      this.description = Objects.requireNonNull(description, "description");
      return this;
    }

    public Builder estimatedDelay(Duration estimatedDelay) {
      once("estimatedDelay");
      Objects.requireNonNull(estimatedDelay, "estimatedDelay");
      if (estimatedDelay.isNegative()) {
        throw new IllegalArgumentException("estimatedDelay must not be negative but was " + estimatedDelay);
      }
      this.estimatedDelay = estimatedDelay;
      return this;
    }

    public Builder impact(Impact impact) {
      once("impact");
      this.impact = Objects.requireNonNull(impact, "impact");
      return this;
    }

    public Builder fact(String name, String value) {
      facts.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** Removes the fact named {@code name}, if there is one (to derive a disruption from another). */
    public Builder removeFact(String name) {
      facts.remove(Objects.requireNonNull(name, "name"));
      return this;
    }

    /** @throws IllegalStateException naming the first required field not set */
    public Disruption build() {
      if (id == null) throw new IllegalStateException("disruption id is required");
      if (detectedAt == null) throw new IllegalStateException("detectedAt is required (disruption " + id + ")");
      if (type == null) throw new IllegalStateException("type is required (disruption " + id + ")");
      if (flight == null) throw new IllegalStateException("flight is required (disruption " + id + ")");
      return new Disruption(this);
    }
  }
}
