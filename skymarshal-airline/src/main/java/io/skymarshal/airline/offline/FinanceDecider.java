package io.skymarshal.airline.offline;

import io.skymarshal.airline.rules.Eu261;
import io.skymarshal.prompt.XmlElement;
import java.time.Duration;

/**
 * finance: the cost of each option from the cost parameters: delay minutes, passenger care
 * beyond 2 h, EU 261 compensation when owed, the swap's fixed cost, a cancellation's fixed,
 * reprotection and hotel costs, and reserve call-outs for a crew change a peer asks for.
 * Recommends the cheapest option its SAFETY peers leave open.
 */
final class FinanceDecider {
  private final Eu261 eu261;

  FinanceDecider(Eu261 eu261) {
    this.eu261 = eu261;
  }

  Reply decide(PromptView v) {
    XmlElement cost = v.data().child("cost");
    Reply reply = new Reply(Plans.CANCEL, 0.8);
    if (cost == null) {
      reply.confidence = 0.3;
      reply.reasoning = "No cost parameters were read: options cannot be costed.";
      return reply;
    }
    XmlElement paxData = v.data().child("pax");
    // the booked count is the record; the document's count is only reported beside it
    int pax = paxData == null || paxData.attr("n") == null ? 0 : (int) PromptView.number(paxData, "n", 0);
    reply.figure("pax", pax);
    if (paxData != null && paxData.attr("doc") != null && !paxData.attr("doc").equals(paxData.attr("n"))) {
      reply.figure("paxDocument", paxData.attr("doc"));
    }
    if (paxData == null || paxData.attr("n") == null) {
      reply.figure("paxSource", "bookings not read");
    }
    XmlElement route = v.data().child("route");
    double eurUsd = route == null ? 0 : PromptView.number(route, "eur", 0) * PromptView.number(cost, "usdEur", 1);
    int crewChange = v.agents().stream().filter(p -> p.figures().containsKey("replace"))
        .mapToInt(p -> p.figures().get("replace").split(",").length).sum();
    Plans.Choice best = null;
    double bestCost = Double.MAX_VALUE;
    StringBuilder why = new StringBuilder();
    for (Plans.Choice c : Plans.choices(v)) {
      double usd;
      if (!c.operates()) {
        usd = PromptView.number(cost, "cancel", 0) + pax * (PromptView.number(cost, "reprot", 0)
            + PromptView.number(cost, "hotel", 0)) + pax * eurUsd;
      } else if (c.action().equals(Plans.SWAP)) {
        usd = PromptView.number(cost, "swap", 0) + delayCost(cost, c.delay(), pax, eurUsd);
      } else {
        usd = delayCost(cost, c.delay(), pax, eurUsd) + crewChange * PromptView.number(cost, "callout", 0);
      }
      reply.figure("costUsd." + c.action(), Math.round(usd));
      if (!Plans.viable(c, v)) {
        why.append(c.action()).append(" ruled out by safety; ");
      } else if (usd < bestCost) {
        best = c;
        bestCost = usd;
      }
    }
    reply.action = best == null ? Plans.CANCEL : best.action();
    boolean owed = best != null && best.operates() && eu261.owedForDelay(best.delay());
    reply.reasoning = why.toString() + reply.action + " is cheapest at USD " + Math.round(bestCost)
        + (owed ? "; EU 261 is owed from a 3 h arrival delay, a shorter delay would save USD " + Math.round(pax * eurUsd)
        : "") + ".";
    if (v.dataIncomplete()) {
      reply.confidence = 0.45;
    }
    return reply;
  }

  private double delayCost(XmlElement cost, Duration delay, int pax, double eurUsd) {
    double minutes = delay.toMinutes();
    double careHours = Math.max(0, minutes / 60.0 - 2);
    double comp = eu261.owedForDelay(delay) ? pax * eurUsd : 0;
    return PromptView.number(cost, "delayMin", 0) * minutes + pax * PromptView.number(cost, "careHr", 0) * careHours + comp;
  }
}
