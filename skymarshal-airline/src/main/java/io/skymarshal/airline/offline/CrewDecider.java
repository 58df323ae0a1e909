package io.skymarshal.airline.offline;

import io.skymarshal.airline.constraint.CrewDutyLimit;
import io.skymarshal.airline.constraint.CrewUnavailable;
import io.skymarshal.airline.rules.CrewRules;
import io.skymarshal.prompt.PromptValues;
import io.skymarshal.prompt.XmlElement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** crew_compliance: FDP limits by pilot count, legality under the (effective) delay, reserves. */
final class CrewDecider {
  private final CrewRules rules;

  CrewDecider(CrewRules rules) {
    this.rules = rules;
  }

  Reply decide(PromptView v) {
    XmlElement roster = v.data().child("roster");
    if (roster == null) {
      Reply r = new Reply("DENIED", 0.3);
      r.reasoning = "No crew roster was read for " + v.flightNumber() + ": crew legality cannot be shown.";
      return r;
    }
    int pilots = (int) PromptView.number(roster, "pilots", 0);
    if (pilots < 1 || roster.children("m").isEmpty()) {
      Reply r = new Reply("DENIED", 0.4);
      r.reasoning = "The roster of " + v.flightNumber() + " has no pilot or no crew.";
      return r;
    }
    Duration delay = Plans.effectiveDelay(v);
    Duration limit = rules.fdpLimit(pilots);
    List<XmlElement> members = roster.children("m");
    List<XmlElement> reserves = v.data().child("reserve") == null ? List.of() : v.data().child("reserve").children("r");
    Set<String> usedReserves = new HashSet<>();
    List<String> illegal = new ArrayList<>();
    List<String> replaced = new ArrayList<>();
    List<String> with = new ArrayList<>();
    Reply reply = new Reply("APPROVED", 0.9);
    Instant latestRelease = null;
    Instant release = null;
    Set<String> unavailable = new HashSet<>();
    v.boundConstraints().forEach(c -> {
      if (c instanceof CrewUnavailable u) {
        unavailable.add(u.crewId());
        reply.constraints.add(u);
      }
    });
    for (XmlElement m : members) {
      String id = PromptView.attr(m, "id");
      Instant start = PromptValues.parseTime(m.attr("start") != null ? m.attr("start") : PromptView.attr(roster, "start"));
      Instant end = PromptValues.parseTime(m.attr("end") != null ? m.attr("end") : PromptView.attr(roster, "end"));
      Instant latest = rules.latestLegalRelease(start, pilots);
      // the duty may go on after this flight (later legs): this flight must arrive early enough
      // for the rest of the duty, so its release is moved earlier by the duty beyond post-flight
      Duration beyond = Duration.between(v.scheduledArrival(), end).minus(rules.postFlightDuty());
      Instant bound = beyond.isNegative() ? latest : latest.minus(beyond);
      reply.constraints.add(new CrewDutyLimit(id, bound, rules.postFlightDuty()));
      Instant delayedRelease = end.plus(delay);
      if (latestRelease == null || latest.isBefore(latestRelease)) {
        latestRelease = latest;
      }
      if (release == null || delayedRelease.isAfter(release)) {
        release = delayedRelease;
      }
      if (delayedRelease.isAfter(latest) || "1".equals(m.attr("unq")) || unavailable.contains(id)) {
        illegal.add(id);
        // a reserve reports for this flight, at the roster's report time moved by the delay
        Instant report = PromptValues.parseTime(PromptView.attr(roster, "start")).plus(delay);
        String reserve = findReserve(reserves, m.attr("pos"), report, delayedRelease, usedReserves);
        if (reserve != null) {
          usedReserves.add(reserve);
          replaced.add(id);
          with.add(reserve);
        }
      }
    }
    if (!illegal.isEmpty()) {
      reply.action = replaced.size() == illegal.size() ? "CREW_CHANGE" : "DENIED";
      reply.confidence = 0.85;
    }
    if (v.dataIncomplete()) {
      reply.confidence = Math.min(reply.confidence, 0.45);
    }
    boolean longHaul = rules.isLongHaul(Duration.between(v.scheduledDeparture(), v.scheduledArrival()));
    Instant start = PromptValues.parseTime(PromptView.attr(roster, "start"));
    Duration rest = rules.minimumRest(Duration.between(start, release == null ? start : release), longHaul);
    reply.figure("fdpLimitH", limit.toHours()).figure("delayMin", delay.toMinutes()).figure("illegal", illegal.size())
        .figure("reserves", reserves.size()).figure("restH", rest.toHours());
    if (!replaced.isEmpty()) {
      reply.figure("replace", String.join(",", replaced)).figure("with", String.join(",", with));
    }
    reply.reasoning = reasoning(v, pilots, limit, delay, members.size(), illegal, replaced, latestRelease, release);
    return reply;
  }

  private static String findReserve(List<XmlElement> reserves, String pos, Instant from, Instant until, Set<String> used) {
    for (XmlElement r : reserves) {
      String id = r.attr("id");
      if (id == null || used.contains(id) || "1".equals(r.attr("unq")) || pos == null || !pos.equals(r.attr("pos"))
          || r.attr("from") == null || r.attr("until") == null) {
        continue;
      }
      if (!PromptValues.parseTime(r.attr("from")).isAfter(from) && !PromptValues.parseTime(r.attr("until")).isBefore(until)) {
        return id;
      }
    }
    return null;
  }

  private static String reasoning(PromptView v, int pilots, Duration limit, Duration delay, int crew, List<String> illegal,
      List<String> replaced, Instant latest, Instant release) {
    String base = pilots + " pilots: FDP limit " + limit.toHours() + "h, earliest latest release "
        + PromptValues.time(latest) + "; with " + delay.toMinutes() + " min delay last release "
        + PromptValues.time(release) + ". ";
    if (illegal.isEmpty()) {
      return base + "All " + crew + " crew stay legal.";
    }
    if (replaced.size() == illegal.size()) {
      return base + illegal.size() + " crew exceed limits, lack the type rating or are unavailable; all replaceable"
          + " from reserve.";
    }
    return base + illegal.size() + " crew exceed limits, lack the type rating or are unavailable; only " + replaced.size()
        + " replaceable from reserve.";
  }
}
