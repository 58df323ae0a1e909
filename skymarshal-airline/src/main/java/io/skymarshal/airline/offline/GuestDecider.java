package io.skymarshal.airline.offline;

import io.skymarshal.airline.rules.Eu261;
import io.skymarshal.prompt.XmlElement;
import java.time.Duration;
import java.time.Instant;

/**
 * guest_experience: per option the passengers who miss their connection (arrival + MCT after the
 * onward departure), the EU 261 compensation owed and the passengers disrupted; recommends the
 * least harm (a disrupted passenger, plus compensation at one passenger per EUR 400) among the
 * options its SAFETY peers leave open.
 */
final class GuestDecider {
  private static final double EUR_PER_PASSENGER_EQUIVALENT = 400;
  private final Eu261 eu261;

  GuestDecider(Eu261 eu261) {
    this.eu261 = eu261;
  }

  Reply decide(PromptView v) {
    XmlElement pax = v.data().child("pax");
    // the booked count is the record; the document's count is reported, never used instead
    int n = pax == null ? 0 : (int) PromptView.number(pax, "n", 0);
    XmlElement route = v.data().child("route");
    int eur = route == null ? 0 : (int) PromptView.number(route, "eur", 0);
    Reply reply = new Reply(Plans.CANCEL, 0.8);
    if (pax == null) {
      reply.figure("paxSource", "bookings not read");
    } else if (v.passengers() > 0 && v.passengers() != n) {
      reply.figure("paxDocument", v.passengers());
    }
    Plans.Choice best = null;
    double bestHarm = Double.MAX_VALUE;
    StringBuilder why = new StringBuilder();
    for (Plans.Choice c : Plans.choices(v)) {
      int misconnect = 0;
      int disrupted;
      long comp;
      if (c.operates()) {
        Instant arrival = c.plan().arrival();
        for (XmlElement conn : v.data().children("conn")) {
          Duration mct = Duration.ofMinutes((long) PromptView.number(conn, "mct", 60));
          if (conn.attr("dep") == null || arrival.plus(mct).isAfter(PromptView.time(conn, "dep"))) {
            misconnect += (int) PromptView.number(conn, "n", 0);
          }
        }
        disrupted = misconnect;
        comp = eu261.owedForDelay(c.delay()) ? (long) n * eur : 0;
      } else {
        disrupted = n;
        comp = (long) n * eur;
      }
      String x = c.action();
      reply.figure("misconnectPax." + x, misconnect).figure("compEur." + x, comp).figure("disruptedPax." + x, disrupted);
      double harm = disrupted + comp / EUR_PER_PASSENGER_EQUIVALENT;
      if (!Plans.viable(c, v)) {
        why.append(x).append(" ruled out by safety; ");
      } else if (harm < bestHarm) {
        best = c;
        bestHarm = harm;
      }
    }
    reply.action = best == null ? Plans.CANCEL : best.action();
    int priority = pax == null ? 0 : (int) (PromptView.number(pax, "vip", 0) + PromptView.number(pax, "platinum", 0)
        + PromptView.number(pax, "gold", 0));
    reply.figure("priorityPax", priority);
    reply.reasoning = why.toString() + reply.action + " harms " + n + " passengers least: "
        + reply.figures.get("misconnectPax." + reply.action) + " misconnect, EUR "
        + reply.figures.get("compEur." + reply.action) + " EU 261; reprotect " + priority + " VIP/platinum/gold first.";
    if (pax == null || v.dataIncomplete()) {
      reply.confidence = 0.45;
    }
    return reply;
  }
}
