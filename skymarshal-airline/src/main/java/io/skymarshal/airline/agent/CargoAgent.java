package io.skymarshal.airline.agent;

import io.skymarshal.airline.AirlineTables;
import io.skymarshal.airline.CargoShipment;
import io.skymarshal.airline.FlightCargo;
import io.skymarshal.airline.FlightKey;
import io.skymarshal.airline.SpecialHandling;
import io.skymarshal.airline.TemperatureClass;
import io.skymarshal.core.Disruption;
import io.skymarshal.core.Tier;
import io.skymarshal.data.DataAccess;
import io.skymarshal.prompt.PromptValues;
import io.skymarshal.prompt.XmlElement;
import java.util.List;
import java.util.stream.Collectors;

/**
 * cargo (BUSINESS): the shipments on the flight, their special handling and cold chain. Reads
 * the flight's cargo in one batch; one {@code <ship>} per shipment.
 */
final class CargoAgent extends AirlineAgent {
  static final String NAME = "cargo";

  CargoAgent(PromptOptions style) {
    super(NAME, Tier.BUSINESS, BusinessActions.ALL, List.of(), style);
  }

  @Override
  public AgentInput gather(Disruption disruption, DataAccess data) {
    FlightKey key = Keys.flight(disruption);
    Reads reads = new Reads(data);
    FlightCargo cargo = reads.start(AirlineTables.CARGO, List.of(key)).found().get(key);
    XmlElement.Builder out = XmlElement.builder("data");
    if (cargo != null) {
      for (CargoShipment s : cargo.shipments()) {
        out.child(XmlElement.builder("ship").attr("awb", s.awb()).attr("com", s.commodity())
            .attr("kg", PromptValues.decimal(s.weightKg()))
            .attr("shc", s.specialHandling().isEmpty() ? null
                : s.specialHandling().stream().sorted().map(SpecialHandling::name).collect(Collectors.joining(",")))
            .attr("temp", s.temperature() == TemperatureClass.NONE ? null : s.temperature())
            .attr("usd", s.declaredValueUsd().stripTrailingZeros().toPlainString()));
      }
    }
    return new AgentInput(out.children(reads.notes()).build());
  }
}
