package io.skymarshal.airline.offline;

import io.skymarshal.airline.TemperatureClass;
import io.skymarshal.airline.rules.ColdChainRules;
import io.skymarshal.prompt.XmlElement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * cargo: per option the temperature-controlled shipments whose time outside control reaches
 * their cold-chain limit (they are offloaded to cold store), their value and weight; a
 * cancellation reroutes every shipment. Recommends the least value at risk among the options its
 * SAFETY peers leave open.
 */
final class CargoDecider {
  private final ColdChainRules coldChain;

  CargoDecider(ColdChainRules coldChain) {
    this.coldChain = coldChain;
  }

  Reply decide(PromptView v) {
    List<XmlElement> ships = v.data().children("ship");
    Reply reply = new Reply(Plans.CANCEL, 0.8);
    Plans.Choice best = null;
    double bestHarm = Double.MAX_VALUE;
    List<String> offload = new ArrayList<>();
    StringBuilder why = new StringBuilder();
    for (Plans.Choice c : Plans.choices(v)) {
      int atRisk = 0;
      double usd = 0;
      double kg = 0;
      List<String> awbs = new ArrayList<>();
      for (XmlElement s : ships) {
        boolean risk;
        if (!c.operates()) {
          risk = true;
        } else {
          Optional<Duration> limit = s.attr("temp") == null ? Optional.empty()
              : coldChain.limit(TemperatureClass.valueOf(s.attr("temp")));
          risk = limit.isPresent() && c.delay().compareTo(limit.get()) >= 0;
        }
        if (risk) {
          atRisk++;
          usd += PromptView.number(s, "usd", 0);
          kg += PromptView.number(s, "kg", 0);
          awbs.add(s.attr("awb"));
        }
      }
      String x = c.action();
      reply.figure("atRisk." + x, atRisk).figure("atRiskUsd." + x, Math.round(usd)).figure("offloadKg." + x, Math.round(kg));
      if (!Plans.viable(c, v)) {
        why.append(x).append(" ruled out by safety; ");
      } else if (usd < bestHarm || (usd == bestHarm && best != null && !best.operates())) {
        best = c;
        bestHarm = usd;
        offload = c.operates() ? awbs : List.of();
      }
    }
    reply.action = best == null ? Plans.CANCEL : best.action();
    if (!offload.isEmpty()) {
      reply.figure("offload", String.join(",", offload));
    }
    long special = ships.stream().filter(s -> s.attr("shc") != null).count();
    reply.reasoning = why.toString() + ships.size() + " shipments (" + special + " special handling); " + reply.action + " puts "
        + reply.figures.get("atRisk." + reply.action) + " at cold-chain risk"
        + (offload.isEmpty() ? "." : ", offload " + offload.size() + " to cold store.");
    if (v.dataIncomplete()) {
      reply.confidence = 0.45;
    }
    return reply;
  }
}
