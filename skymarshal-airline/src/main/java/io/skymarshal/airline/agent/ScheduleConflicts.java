package io.skymarshal.airline.agent;

import io.skymarshal.airline.Flight;
import io.skymarshal.core.Disruption;
import io.skymarshal.core.FlightRef;
import io.skymarshal.prompt.PromptValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where a disruption document disagrees with the schedule: route, scheduled times, aircraft
 * registration and type. The schedule is the record; a disagreement is never resolved silently,
 * it stops a SAFETY clearance. Values from the document are untrusted: each is cut short, with
 * control characters escaped, and only ever rendered escaped. Stateless.
 */
final class ScheduleConflicts {
  private static final int MAX_ECHO = 40;

  private ScheduleConflicts() {}

  /** One line per field that differs, naming both values; empty when they agree. */
  static List<String> between(Disruption d, Flight record) {
    FlightRef doc = d.flight();
    List<String> out = new ArrayList<>();
    differ(out, "origin", doc.origin(), record.origin());
    differ(out, "destination", doc.destination(), record.destination());
    differ(out, "scheduled_departure", PromptValues.time(doc.scheduledDeparture()),
        PromptValues.time(record.scheduledDeparture()));
    differ(out, "scheduled_arrival", PromptValues.time(doc.scheduledArrival()), PromptValues.time(record.scheduledArrival()));
    if (doc.aircraftRegistration() != null && record.aircraftRegistration() != null) {
      differ(out, "aircraft_registration", doc.aircraftRegistration(), record.aircraftRegistration());
    }
    if (doc.aircraftType() != null && record.aircraftType() != null) {
      differ(out, "aircraft_type", doc.aircraftType(), record.aircraftType());
    }
    return out;
  }

  private static void differ(List<String> out, String field, String document, String schedule) {
    if (!Objects.equals(document, schedule)) {
      out.add("flight." + field + ": document '" + shortened(document) + "', schedule '" + shortened(schedule) + "'");
    }
  }

  static String shortened(String s) {
    return shortened(s, MAX_ECHO);
  }

  /**
   * {@code s} cut to {@code max} characters (then "..."), with control, format and separator
   * characters and lone surrogates written {@code \}{@code uXXXX} so that a halt reason (and the
   * log line that carries it) cannot be broken or reordered by them; "none" for null.
   */
  static String shortened(String s, int max) {
    if (s == null) {
      return "none";
    }
    int n = Math.min(s.length(), max);
    StringBuilder b = new StringBuilder(n + 8);
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      int type = Character.getType(c);
      boolean lone = Character.isHighSurrogate(c) ? i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))
          : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)));
      if (lone || type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
          || type == Character.PARAGRAPH_SEPARATOR) {
        b.append(String.format("\\u%04X", (int) c));
      } else {
        b.append(c);
      }
    }
    return s.length() <= max ? b.toString() : b.append("...").toString();
  }
}
