package io.skymarshal.airline.offline;

import io.skymarshal.airline.constraint.AircraftGrounded;
import io.skymarshal.airline.constraint.AircraftRestricted;
import io.skymarshal.core.BindingConstraint;
import io.skymarshal.prompt.PromptValues;
import io.skymarshal.prompt.XmlElement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * maintenance: states the groundings and restrictions the agent computed in code ({@code <bound>}:
 * a reported fault or inspection until its release, an expired MEL item or an overdue grounding
 * work order, restricting MEL items) and says AOG, RESTRICTED or AIRWORTHY accordingly, naming a
 * spare of the same type it found serviceable (figure {@code spareReg}).
 */
final class MaintenanceDecider {

  Reply decide(PromptView v) {
    String reg = v.registration();
    String notCleared = v.notClearedBecause();
    if (reg == null || (notCleared != null && v.planned() == null)) {
      Reply reply = new Reply("AOG", 0.3);
      reply.reasoning = (reg == null ? "No aircraft is named for " + v.flightNumber() : "No record of " + reg)
          + ": airworthiness cannot be shown." + (notCleared == null ? "" : " " + notCleared);
      return reply;
    }
    List<AircraftGrounded> grounded = new ArrayList<>();
    List<AircraftRestricted> restricted = new ArrayList<>();
    for (BindingConstraint c : v.boundConstraints()) {
      if (c instanceof AircraftGrounded g && g.registration().equals(reg)) {
        grounded.add(g);
      } else if (c instanceof AircraftRestricted r && r.registration().equals(reg)) {
        restricted.add(r);
      }
    }
    Reply reply;
    if (!grounded.isEmpty()) {
      reply = new Reply("AOG", 0.9);
      boolean open = grounded.stream().anyMatch(g -> g.until() == null);
      Instant until = grounded.stream().map(AircraftGrounded::until).filter(u -> u != null).max(Instant::compareTo)
          .orElse(null);
      reply.constraints.add(new AircraftGrounded(reg, open ? null : until));
      reply.reasoning = reg + (open ? " AOG until further notice: no release can be planned on"
          : " grounded until " + PromptValues.time(until) + ", the estimated release") + ".";
      if (notCleared != null) {
        reply.reasoning += " " + notCleared + ".";
      }
      if (!open) {
        reply.figure("releaseAt", PromptValues.time(until));
      }
    } else if (!restricted.isEmpty()) {
      reply = new Reply("RESTRICTED", 0.85);
      reply.reasoning = reg + " may fly under " + restricted.size() + " open MEL restriction(s).";
    } else {
      reply = new Reply("AIRWORTHY", 0.9);
      reply.reasoning = reg + " has no expired MEL item, no overdue grounding work order and no reported fault.";
    }
    reply.constraints.addAll(restricted);
    if (v.dataIncomplete()) {
      reply.confidence = Math.min(reply.confidence, 0.45);
      reply.reasoning += " Aircraft record incomplete.";
    }
    XmlElement ac = v.planned();
    int mel = ac == null ? 0 : ac.children("mel").size();
    reply.figure("reg", reg).figure("openMel", mel).figure("grounded", grounded.size())
        .figure("restrictions", restricted.size());
    String spare = serviceableSpare(v);
    if (spare != null) {
      reply.figure("spareReg", spare);
    }
    return reply;
  }

  /** A spare of the same type in the data that no bound constraint grounds, or null. */
  private static String serviceableSpare(PromptView v) {
    for (XmlElement a : v.data().children("ac")) {
      if (!"spare".equals(a.attr("role")) || a.attr("reg") == null) {
        continue;
      }
      String reg = a.attr("reg");
      boolean grounded = v.boundConstraints().stream()
          .anyMatch(c -> c instanceof AircraftGrounded g && g.registration().equals(reg) && g.until() == null);
      if (!grounded) {
        return reg;
      }
    }
    return null;
  }
}
