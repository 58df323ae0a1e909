package io.skymarshal.airline.offline;

import io.skymarshal.airline.rules.DelayPropagation;
import io.skymarshal.prompt.XmlElement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * network: delay propagation down the aircraft's rotation, cancelled legs, onward flights at
 * risk (shortest MCT, 60 min), per option; recommends the least network harm among the options
 * its SAFETY peers leave open. A cancelled leg weighs as much as 180 minutes of added delay.
 */
final class NetworkDecider {
  private static final Duration SHORTEST_MCT = Duration.ofMinutes(60);
  private static final long CANCELLED_LEG_MINUTES = 180;
  private final DelayPropagation propagation;

  NetworkDecider(DelayPropagation propagation) {
    this.propagation = propagation;
  }

  Reply decide(PromptView v) {
    XmlElement rot = v.data().child("rot");
    int later = laterLegs(rot);
    List<XmlElement> conns = v.data().children("conn");
    Reply reply = new Reply(Plans.CANCEL, 0.8);
    String spare = Plans.spare(v);
    if (spare != null) {
      reply.figure("spareReg", spare);
    }
    Plans.Choice best = null;
    long bestHarm = Long.MAX_VALUE;
    StringBuilder why = new StringBuilder();
    for (Plans.Choice c : Plans.choices(v)) {
      long added;
      int cancelled;
      int atRisk = 0;
      if (c.operates()) {
        added = later * propagation.downstreamDelay(c.delay()).toMinutes();
        cancelled = 0;
        Instant arrival = c.plan().arrival();
        for (XmlElement conn : conns) {
          if (conn.attr("dep") != null && PromptView.time(conn, "dep").isBefore(arrival.plus(SHORTEST_MCT))) {
            atRisk += (int) PromptView.number(conn, "pax", 0);
          }
        }
      } else {
        added = 0;
        cancelled = 1 + later;
        atRisk = conns.stream().mapToInt(conn -> (int) PromptView.number(conn, "pax", 0)).sum();
      }
      String x = c.action();
      reply.figure("legsDelayed." + x, c.operates() && !c.delay().isZero() ? later : 0)
          .figure("addedDelayMin." + x, added).figure("cancelledLegs." + x, cancelled).figure("connAtRisk." + x, atRisk);
      long harm = added + cancelled * CANCELLED_LEG_MINUTES + (c.operates() ? c.delay().toMinutes() : 0);
      if (!Plans.viable(c, v)) {
        why.append(x).append(" ruled out by safety; ");
      } else if (harm < bestHarm) {
        best = c;
        bestHarm = harm;
      }
    }
    reply.action = best == null ? Plans.CANCEL : best.action();
    reply.reasoning = why.toString() + later + " later legs of " + (rot == null ? "the aircraft" : rot.attr("reg")) + "; "
        + reply.action + " least network harm (" + (best == null ? "no viable option" : bestHarm + " delay-min equivalent")
        + ").";
    if (rot == null || v.dataIncomplete()) {
      reply.confidence = 0.45;
    }
    return reply;
  }

  private static int laterLegs(XmlElement rot) {
    if (rot == null) {
      return 0;
    }
    List<XmlElement> legs = rot.children("leg");
    for (int i = 0; i < legs.size(); i++) {
      if ("1".equals(legs.get(i).attr("this"))) {
        return legs.size() - i - 1;
      }
    }
    return 0;
  }
}
