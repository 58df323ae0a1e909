package io.skymarshal.examples.fuel;

import io.skymarshal.airline.offline.OfflineDecider;
import io.skymarshal.model.ModelRequest;
import io.skymarshal.prompt.XmlElement;
import java.util.Locale;

/**
 * How the offline model answers the fuel agent: the extra burn of a delay (holding and taxi at
 * 250 kg/min for a quarter of the delay) at the origin's price; a cancellation burns nothing.
 * Recommends DELAY unless the delay would burn more than USD 50,000 of fuel. Stateless.
 */
public final class FuelDecider implements OfflineDecider {
  private static final double BURN_KG_PER_MIN = 250;
  private static final long CANCEL_ABOVE_USD = 50_000;

  @Override
  public String reply(XmlElement prompt, ModelRequest request) {
    XmlElement disruption = prompt.child("disruption");
    long delay = disruption == null || disruption.attr("delay") == null ? 0 : Long.parseLong(disruption.attr("delay"));
    XmlElement data = prompt.child("data");
    double price = 0;
    if (data != null) {
      for (XmlElement f : data.children("fuel")) {
        if (disruption != null && disruption.child("flt") != null
            && f.attr("apt").equals(disruption.child("flt").attr("from"))) {
          price = Double.parseDouble(f.attr("usdPerKg"));
        }
      }
    }
    long delayUsd = Math.round(delay / 4.0 * BURN_KG_PER_MIN * price);
    // fuel alone rarely justifies a cancellation: only when the delay would burn more than this
    String action = delayUsd > CANCEL_ABOVE_USD ? "CANCEL" : "DELAY";
    return String.format(Locale.ROOT, "{\"action\":\"%s\",\"confidence\":%.2f,\"constraints\":[],\"reasoning\":"
        + "\"delay of %d min burns about USD %d more fuel at the origin's price; a cancellation burns none\","
        + "\"figures\":{\"fuelUsd.DELAY\":%d,\"fuelUsd.CANCEL\":0,\"usdPerKg\":%s}}", action, price > 0 ? 0.8 : 0.4,
        delay, delayUsd, delayUsd, price);
  }
}
