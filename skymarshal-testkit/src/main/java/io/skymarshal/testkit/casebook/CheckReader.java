package io.skymarshal.testkit.casebook;

import io.skymarshal.core.Clearance;
import io.skymarshal.core.Decision;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Reads one entry of a scenario file's {@code expect} array into a {@link Check}. */
final class CheckReader {
  /** Every {@code check} name, in the order CASEBOOK.md lists them. */
  static final List<String> NAMES = List.of("status", "action", "delay_at_least", "not_cancelled",
      "aircraft_not_operated", "aircraft_only", "departs_not_before", "departs_by", "arrives_not_before",
      "arrival_outside_curfew", "referred", "referral_reason", "crew_not_flying", "crew_added_only", "fdp_within");

  private static final long MAX_MINUTES = 7 * 24 * 60;

  private CheckReader() {}

  static Check read(JsonFields f) {
    String code = f.text("check");
    Check check;
    try {
      check = switch (code) {
        case "status" -> new Check.StatusIn(constants(f, "any_of", Decision.Status.class));
        case "action" -> new Check.ActionIn(Set.copyOf(f.texts("any_of", false)));
        case "delay_at_least" -> new Check.DelayAtLeast(Duration.ofMinutes(f.integer("minutes", 0, MAX_MINUTES)));
        case "not_cancelled" -> new Check.NotCancelled();
        case "aircraft_not_operated" -> new Check.AircraftNotOperated(f.text("aircraft"),
            f.optionalInstant("before").orElse(null));
        case "aircraft_only" -> new Check.AircraftOnly(Set.copyOf(f.texts("any_of", true)));
        case "departs_not_before" -> new Check.DepartsNotBefore(f.instant("time"));
        case "departs_by" -> new Check.DepartsBy(f.instant("time"));
        case "arrives_not_before" -> new Check.ArrivesNotBefore(f.instant("time"));
        case "arrival_outside_curfew" -> new Check.ArrivalOutsideCurfew(f.text("airport"),
            Duration.ofMinutes(f.optionalInteger("buffer_minutes", 0, 360).orElse(15L)));
        case "referred" -> new Check.Referred(f.constant("reason", Clearance.Reason.class),
            f.optionalText("agent").orElse(null));
        case "referral_reason" -> new Check.ReferralReason(constants(f, "any_of", Clearance.Reason.class));
        case "crew_not_flying" -> new Check.CrewNotFlying(f.text("crew_id"));
        case "crew_added_only" -> new Check.CrewAddedOnly(Set.copyOf(f.texts("any_of", true)));
        case "fdp_within" -> new Check.FdpWithin(f.texts("crew", false),
            Duration.ofMinutes(f.integer("hours", 1, 24) * 60),
            Duration.ofMinutes(f.optionalInteger("post_flight_minutes", 0, 240).orElse(0L)));
        default -> throw f.error("check", "'" + code + "' is not one of " + NAMES);
      };
    } catch (IllegalArgumentException e) {
      throw new CasebookFormatException(f.source(), f.pathOf("check"), e.getMessage(), e);
    }
    f.done();
    return check;
  }

  private static <E extends Enum<E>> Set<E> constants(JsonFields f, String name, Class<E> type) {
    Set<E> out = new LinkedHashSet<>();
    for (String s : f.texts(name, false)) {
      out.add(f.constant(name, s, type));
    }
    return out;
  }
}
