package io.skymarshal.airline.offline;

import io.skymarshal.airline.constraint.AircraftGrounded;
import io.skymarshal.airline.constraint.AircraftRestricted;
import io.skymarshal.prompt.PromptValues;
import io.skymarshal.prompt.XmlElement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * maintenance: expired MEL items and overdue grounding work orders at departure (AOG until
 * further notice), a technical fault needing repair (AOG until scheduled departure plus the
 * repair time), restricting MEL items (RESTRICTED until their deadline).
 */
final class MaintenanceDecider {

  Reply decide(PromptView v) {
    XmlElement ac = v.data().child("ac");
    String reg = ac != null && ac.attr("reg") != null ? ac.attr("reg") : v.registration();
    Instant departure = v.scheduledDeparture().plus(v.delay());
    List<String> expired = new ArrayList<>();
    List<String> overdue = new ArrayList<>();
    List<XmlElement> restricting = new ArrayList<>();
    if (ac != null) {
      for (XmlElement m : ac.children("mel")) {
        if (!departure.isBefore(PromptView.time(m, "due"))) {
          expired.add(m.attr("id"));
        } else if (m.attr("restr") != null && !m.attr("restr").isBlank()) {
          restricting.add(m);
        }
      }
      for (XmlElement w : ac.children("wo")) {
        if ("1".equals(w.attr("grounds")) && departure.isAfter(PromptView.time(w, "due"))) {
          overdue.add(w.attr("id"));
        }
      }
    }
    Duration repair = repairTime(v);
    Reply reply;
    if (reg == null) {
      reply = new Reply("AOG", 0.3);
      reply.reasoning = "No aircraft is named for " + v.flightNumber() + ": airworthiness cannot be shown.";
      return reply;
    }
    if (!expired.isEmpty() || !overdue.isEmpty()) {
      reply = new Reply("AOG", 0.9);
      reply.constraints.add(new AircraftGrounded(reg, null));
      reply.reasoning = reg + " AOG until further notice: " + (expired.isEmpty() ? "" : "MEL " + expired + " expired")
          + (expired.isEmpty() || overdue.isEmpty() ? "" : ", ") + (overdue.isEmpty() ? "" : "work order " + overdue
          + " overdue") + " at departure " + PromptValues.time(departure) + ".";
    } else if (repair != null) {
      Instant until = v.scheduledDeparture().plus(repair);
      reply = new Reply("AOG", 0.85);
      reply.constraints.add(new AircraftGrounded(reg, until));
      reply.reasoning = reg + " has a technical fault needing " + repair.toMinutes() + " min of maintenance: grounded until "
          + PromptValues.time(until) + "; airworthy after the repair.";
    } else if (!restricting.isEmpty()) {
      reply = new Reply("RESTRICTED", 0.85);
      reply.reasoning = reg + " may fly under " + restricting.size() + " open MEL restriction(s).";
    } else {
      reply = new Reply("AIRWORTHY", 0.9);
      reply.reasoning = reg + " has no expired MEL item, no overdue grounding work order and no reported fault.";
    }
    if (!reply.action.equals("AOG") || reply.constraints.get(0) instanceof AircraftGrounded g && g.until() != null) {
      for (XmlElement m : restricting) {
        reply.constraints.add(new AircraftRestricted(reg, m.attr("restr"), PromptView.time(m, "due")));
      }
    }
    if (ac == null || v.dataIncomplete()) {
      reply.confidence = Math.min(reply.confidence, 0.45);
      reply.reasoning += " Aircraft record incomplete.";
    }
    reply.figure("reg", reg).figure("expired", expired.size()).figure("overdueWo", overdue.size()).figure("restrictions", restricting.size());
    if (repair != null) {
      reply.figure("repairMin", repair.toMinutes());
    }
    return reply;
  }

  /**
   * The repair a technical disruption needs: the maintenance window the facts state, else the
   * expected delay; null when the disruption is not technical or needs no maintenance.
   */
  private static Duration repairTime(PromptView v) {
    String type = v.type();
    boolean technical = type.contains("technical") || type.contains("mechanical") || type.contains("aog")
        || type.contains("maintenance") || "true".equalsIgnoreCase(v.fact("requires_maintenance"));
    if (!technical || "false".equalsIgnoreCase(v.fact("requires_maintenance"))) {
      return null;
    }
    String window = v.fact("maintenance_window_required_minutes");
    if (window != null) {
      try {
        long min = Math.round(Double.parseDouble(window.strip().toLowerCase(Locale.ROOT)));
        if (min > 0) {
          return Duration.ofMinutes(min);
        }
      } catch (NumberFormatException ignored) {
        // an unreadable fact is free text; fall back to the expected delay
      }
    }
    return v.delay().isZero() ? null : v.delay();
  }
}
