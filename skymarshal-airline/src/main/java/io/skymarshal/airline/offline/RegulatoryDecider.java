package io.skymarshal.airline.offline;

import io.skymarshal.airline.LocalTimeWindow;
import io.skymarshal.airline.constraint.Curfew;
import io.skymarshal.airline.constraint.Slot;
import io.skymarshal.airline.rules.RegulatoryRules;
import io.skymarshal.core.ActionPlan;
import io.skymarshal.prompt.XmlElement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * regulatory: curfews at both ends on the (effective) delayed times, in each airport's zone, with
 * the buffer; the origin slot kept only while the delay is within the tolerance.
 */
final class RegulatoryDecider {
  private static final Duration TIGHT_MARGIN = Duration.ofMinutes(60);
  private final RegulatoryRules rules;

  RegulatoryDecider(RegulatoryRules rules) {
    this.rules = rules;
  }

  Reply decide(PromptView v) {
    Duration delay = Plans.effectiveDelay(v);
    Instant dep = v.scheduledDeparture().plus(delay);
    Instant arr = v.scheduledArrival().plus(delay);
    ActionPlan plan = new ActionPlan("DELAY", true, dep, arr, v.registration(), Set.of(), "delayed schedule");
    List<XmlElement> apts = v.data().children("apt");
    Reply reply = new Reply("COMPLIANT", 0.9);
    List<String> notes = new ArrayList<>();
    long margin = Long.MAX_VALUE;
    boolean newSlot = false;
    for (XmlElement a : apts) {
      boolean origin = "dep".equals(a.attr("role"));
      String iata = PromptView.attr(a, "iata");
      ZoneId zone = ZoneId.of(PromptView.attr(a, "zone"));
      if (a.attr("curfew") != null) {
        String[] w = a.attr("curfew").split("-");
        Curfew c = new Curfew(iata, zone, new LocalTimeWindow(LocalTime.parse(w[0]), LocalTime.parse(w[1])),
            rules.curfewBuffer(), origin ? Curfew.Movement.DEPARTURE : Curfew.Movement.ARRIVAL);
        reply.constraints.add(c);
        Instant t = origin ? dep : arr;
        var violation = c.violationBy(plan);
        if (violation.isPresent()) {
          reply.action = "VIOLATION";
          notes.add(violation.get());
        } else {
          long m = minutesUntilForbidden(c, t);
          margin = Math.min(margin, m);
          notes.add((origin ? "departure " : "arrival ") + t.atZone(zone).toLocalTime() + " local at " + iata
              + ", " + m + " min before the " + c.window() + " curfew and its buffer");
        }
      }
      if (origin && "1".equals(a.attr("slot"))) {
        if (delay.compareTo(rules.slotTolerance()) <= 0) {
          reply.constraints.add(Slot.fromSlotTime(iata, v.scheduledDeparture(), rules.slotTolerance()));
          notes.add(iata + " slot kept");
        } else {
          newSlot = true;
          notes.add(iata + " slot lost (" + delay.toMinutes() + " min late): new slot needed");
        }
      }
    }
    if (!reply.action.equals("VIOLATION") && (newSlot || margin < TIGHT_MARGIN.toMinutes())) {
      reply.action = "RESTRICTED";
      reply.confidence = 0.85;
    }
    if (apts.size() < 2 || v.dataIncomplete()) {
      reply.confidence = Math.min(reply.confidence, 0.45);
      notes.add("airport data incomplete");
    }
    reply.figure("delayMin", delay.toMinutes());
    if (margin != Long.MAX_VALUE) {
      reply.figure("curfewMarginMin", margin);
    }
    if (newSlot) {
      reply.figure("newSlot", "required");
    }
    reply.reasoning = notes.isEmpty() ? "No curfew or slot applies." : String.join("; ", notes) + ".";
    return reply;
  }

  /** Minutes from {@code t} until the curfew (with buffer) begins; 0 if it already has. */
  private static long minutesUntilForbidden(Curfew c, Instant t) {
    for (long m = 0; m <= 24 * 60; m += 5) {
      if (c.forbids(t.plus(Duration.ofMinutes(m)))) {
        return m;
      }
    }
    return 24 * 60;
  }

}
