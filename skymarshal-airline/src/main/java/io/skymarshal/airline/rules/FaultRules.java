package io.skymarshal.airline.rules;

import io.skymarshal.core.Disruption;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a disruption reports about its aircraft, by the table of DOMAIN.md, in code: a technical
 * fault or required maintenance grounds the aircraft until a maintenance release; a bird strike,
 * hard landing, lightning strike or severe turbulence grounds it until an inspection is signed
 * off. Where the table is silent the rules lean to the safe side: any fault word in the type, a
 * fault word in the description, or a fact saying maintenance, a part or an inspection is needed
 * grounds the aircraft; nothing in a document can release one.
 *
 * <p>The release is estimated from the document: the scheduled departure plus the expected delay,
 * the repair or inspection time counted from the later of detection and scheduled departure, or
 * a stated release instant; the latest of those that are given. Without any, or with an estimate
 * beyond {@link #maxEstimate()} (default 7 days, a figure no one can plan on), the grounding is
 * open-ended; so is one whose stated repair time or release cannot be read (a stated value that is
 * unknown does not become "no value"). Blank values are not estimates. Immutable and thread-safe.
 */
public final class FaultRules {
  private static final FaultRules DEFAULTS = new FaultRules(Duration.ofDays(7));

  /** Words in the disruption type that report a fault on the aircraft. */
  private static final List<String> FAULT_TYPES = List.of("technical", "mechanical", "aog", "maintenance", "fault",
      "failure", "malfunction", "defect", "engine", "hydraulic", "landing gear", "gear", "flight control", "avionics",
      "brake", "tech", "unserviceable");
  /** Words in the type or description that require an inspection before the next flight. */
  private static final List<String> INSPECTION_EVENTS = List.of("bird strike", "birdstrike", "hard landing",
      "lightning strike", "struck by lightning", "severe turbulence", "tail strike", "overweight landing");
  /** Words in the type only that require an inspection (in a description they may describe weather). */
  private static final List<String> INSPECTION_TYPES = List.of("bird", "lightning", "turbulence");
  /** Words in the description that report a fault. */
  private static final List<String> FAULT_WORDS = List.of("fault", "failure", "failed", "leak", "malfunction",
      "inoperative", "defect", "unserviceable", "aog", "warning light", "not deferrable");
  /** Facts (named by the end of their dotted path) whose truth requires maintenance or inspection. */
  private static final List<String> FAULT_FACTS = List.of("requires_maintenance", "requires_part_replacement",
      "aog", "aircraft_on_ground");
  private static final List<String> INSPECTION_FACTS = List.of("inspection_required", "requires_inspection");
  /** Facts giving a repair or inspection time in minutes. */
  private static final List<String> DURATION_FACTS = List.of("maintenance_window_required_minutes",
      "estimated_repair_minutes", "repair_minutes", "repair_time_minutes", "inspection_minutes",
      "inspection_duration_minutes");
  /** Facts giving a release instant. */
  private static final List<String> RELEASE_FACTS = List.of("estimated_release", "estimated_release_time",
      "release_time", "estimated_return_to_service");

  private final Duration maxEstimate;

  /** @param maxEstimate the longest estimate still planned on; longer means open-ended */
  public FaultRules(Duration maxEstimate) {
    Objects.requireNonNull(maxEstimate, "maxEstimate");
    if (maxEstimate.isNegative() || maxEstimate.isZero()) {
      throw new IllegalArgumentException("maxEstimate must be positive but was " + maxEstimate);
    }
    this.maxEstimate = maxEstimate;
  }

  /** The defaults: estimates up to 7 days are planned on. */
  public static FaultRules defaults() {
    return DEFAULTS;
  }

  /** The longest estimate still planned on. */
  public Duration maxEstimate() {
    return maxEstimate;
  }

  /** Why the aircraft is grounded. */
  public enum Cause {
    /** A reported technical fault or required maintenance: grounded until a maintenance release. */
    FAULT,
    /** An event that requires an inspection before the next flight: grounded until it is signed off. */
    INSPECTION
  }

  /**
   * A grounding the disruption implies.
   *
   * @param cause   fault or inspection
   * @param what    what in the document reported it, short, for people
   * @param release the estimated release; empty when open-ended
   */
  public record Grounding(Cause cause, String what, Optional<Instant> release) {
    public Grounding {
      Objects.requireNonNull(cause, "cause");
      Objects.requireNonNull(what, "what");
      Objects.requireNonNull(release, "release");
    }
  }

  /** The grounding {@code d} implies for its aircraft, or empty when it reports nothing about it. */
  public Optional<Grounding> grounding(Disruption d) {
    String type = normalise(d.type());
    String description = normalise(d.description());
    Cause cause = null;
    String what = null;
    for (String w : INSPECTION_EVENTS) {
      if (type.contains(w) || description.contains(w)) {
        cause = Cause.INSPECTION;
        what = w;
        break;
      }
    }
    if (cause == null) {
      for (String w : INSPECTION_TYPES) {
        if (words(type).contains(w)) {
          cause = Cause.INSPECTION;
          what = "type " + d.type();
          break;
        }
      }
    }
    if (cause == null && (fact(d, INSPECTION_FACTS, "true"))) {
      cause = Cause.INSPECTION;
      what = "inspection required";
    }
    if (cause == null) {
      for (String w : FAULT_TYPES) {
        if (w.contains(" ") ? type.contains(w) : words(type).contains(w)) {
          cause = Cause.FAULT;
          what = "type " + d.type();
          break;
        }
      }
    }
    if (cause == null && fact(d, FAULT_FACTS, "true")) {
      cause = Cause.FAULT;
      what = "maintenance required";
    }
    if (cause == null) {
      for (String w : FAULT_WORDS) {
        if (description.contains(w)) {
          cause = Cause.FAULT;
          what = "reported " + w;
          break;
        }
      }
    }
    if (cause == null) {
      return Optional.empty();
    }
    return Optional.of(new Grounding(cause, what, release(d)));
  }

  /** The latest release the document estimates, or empty when it gives none that can be planned on. */
  Optional<Instant> release(Disruption d) {
    Instant sched = d.flight().scheduledDeparture();
    Instant start = d.detectedAt().isAfter(sched) ? d.detectedAt() : sched;
    Instant release = null;
    boolean unusable = false;
    if (!d.estimatedDelay().isZero()) {
      if (d.estimatedDelay().compareTo(maxEstimate) > 0) {
        unusable = true;
      } else {
        release = sched.plus(d.estimatedDelay());
      }
    }
    for (Map.Entry<String, String> f : d.facts().entrySet()) {
      String name = lastSegment(f.getKey());
      if (DURATION_FACTS.contains(name)) {
        if (f.getValue().isBlank()) {
          continue;
        }
        Optional<Duration> dur = minutes(f.getValue());
        // a stated repair time no one can read is not "no repair time": it is unknown
        if (dur.isEmpty() || dur.get().compareTo(maxEstimate) > 0) {
          unusable = true;
          continue;
        }
        release = later(release, start.plus(dur.get()));
      } else if (RELEASE_FACTS.contains(name)) {
        try {
          Instant t = OffsetDateTime.parse(f.getValue().strip()).toInstant();
          if (Duration.between(sched, t).compareTo(maxEstimate) > 0) {
            unusable = true;
          } else {
            release = later(release, t);
          }
        } catch (DateTimeParseException e) {
          if (!f.getValue().isBlank()) {
            unusable = true;
          }
        }
      }
    }
    // an estimate no one can plan on makes the grounding open-ended, whatever else is stated
    return unusable ? Optional.empty() : Optional.ofNullable(release);
  }

  private static Instant later(Instant a, Instant b) {
    return a == null || b.isAfter(a) ? b : a;
  }

  /** Whole minutes in {@code text}, or empty unless it is a positive number of at most 9 digits. */
  private static Optional<Duration> minutes(String text) {
    String s = text.strip();
    if (!s.matches("\\d{1,9}(\\.\\d{1,6})?")) {
      return Optional.empty();
    }
    long m = (long) Math.ceil(Double.parseDouble(s));
    return m <= 0 ? Optional.empty() : Optional.of(Duration.ofMinutes(m));
  }

  private static boolean fact(Disruption d, List<String> names, String value) {
    for (Map.Entry<String, String> f : d.facts().entrySet()) {
      if (names.contains(lastSegment(f.getKey())) && f.getValue().strip().equalsIgnoreCase(value)) {
        return true;
      }
    }
    return false;
  }

  private static String lastSegment(String dotted) {
    int i = dotted.lastIndexOf('.');
    return (i < 0 ? dotted : dotted.substring(i + 1)).toLowerCase(Locale.ROOT);
  }

  /** Lower case, every run of non-letters and non-digits one space (so "landing_gear" reads "landing gear"). */
  private static String normalise(String s) {
    return " " + s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9/]+", " ").strip() + " ";
  }

  private static List<String> words(String normalised) {
    return List.of(normalised.strip().split(" "));
  }
}
