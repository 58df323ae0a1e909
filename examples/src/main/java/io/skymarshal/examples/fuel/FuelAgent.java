package io.skymarshal.examples.fuel;

import io.skymarshal.airline.agent.AgentInput;
import io.skymarshal.airline.agent.AirlineAgent;
import io.skymarshal.airline.agent.BusinessActions;
import io.skymarshal.airline.agent.Reads;
import io.skymarshal.core.Disruption;
import io.skymarshal.core.Tier;
import io.skymarshal.data.DataAccess;
import io.skymarshal.data.Table;
import io.skymarshal.prompt.PromptStyle;
import io.skymarshal.prompt.XmlElement;
import java.util.List;
import java.util.Map;

/**
 * fuel (BUSINESS): what each option costs in fuel. Reads the fuel price at both ends of the
 * flight from its own table in one batched read; a key not delivered is noted in the prompt. The
 * agent kit ({@link AirlineAgent}) supplies prompts, the reply schema and parsing.
 */
public final class FuelAgent extends AirlineAgent {
  /** The agent's table: fuel prices by airport. */
  public static final Table<String, FuelPrice> FUEL_PRICES = Table.of("fuel_prices", String.class, FuelPrice.class);

  static final String SYSTEM_PROMPT = "<role>fuel</role><rules>burnKgPerMin=250; delay: +15 min taxi/hold burn per"
      + " hour; cancel: no burn; swap: same burn; tankering only where allowed</rules><reply>JSON: action one of "
      + BusinessActions.ALL + ", confidence, constraints=[], reasoning, figures fuelUsd.ACTION</reply>";

  public FuelAgent() {
    super("fuel", Tier.BUSINESS, BusinessActions.ALL, SYSTEM_PROMPT, PromptStyle.XML);
  }

  @Override
  public AgentInput gather(Disruption d, DataAccess data) {
    Reads reads = new Reads(data);
    List<String> ends = List.of(d.flight().origin(), d.flight().destination());
    Map<String, FuelPrice> prices = reads.start(FUEL_PRICES, ends).found();
    XmlElement.Builder out = XmlElement.builder("data");
    for (String iata : ends) {
      FuelPrice p = prices.get(iata);
      if (p != null) {
        out.child(XmlElement.builder("fuel").attr("apt", iata).attr("usdPerKg", p.usdPerKg())
            .attr("tanker", p.tankering() ? "1" : null));
      }
    }
    return new AgentInput(out.children(reads.notes()).build());
  }
}
