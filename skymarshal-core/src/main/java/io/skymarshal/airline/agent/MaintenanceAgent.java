package io.skymarshal.airline.agent;

import io.skymarshal.airline.Aircraft;
import io.skymarshal.airline.AirlineTables;
import io.skymarshal.airline.Flight;
import io.skymarshal.airline.FlightKey;
import io.skymarshal.airline.MelItem;
import io.skymarshal.airline.WorkOrder;
import io.skymarshal.airline.rules.MelRules;
import io.skymarshal.core.Disruption;
import io.skymarshal.core.Tier;
import io.skymarshal.data.DataAccess;
import io.skymarshal.prompt.PromptStyle;
import io.skymarshal.prompt.PromptValues;
import io.skymarshal.prompt.XmlElement;
import java.util.List;

/**
 * maintenance (SAFETY): may the aircraft fly? Reads the aircraft with its open MEL items and work
 * orders in one batch (after reading the flight, when the disruption does not name the aircraft). Each MEL item carries its repair deadline ({@code due}), computed in code
 * from its category. Says AIRWORTHY, RESTRICTED or AOG with aircraft_grounded /
 * aircraft_restricted constraints.
 */
final class MaintenanceAgent extends AirlineAgent {
  static final String NAME = "maintenance";
  private final MelRules mel;

  MaintenanceAgent(PromptStyle style, MelRules mel) {
    super(NAME, Tier.SAFETY, List.of("AIRWORTHY", "RESTRICTED", "AOG"), style);
    this.mel = mel;
  }

  @Override
  public AgentInput gather(Disruption disruption, DataAccess data) {
    String reg = disruption.flight().aircraftRegistration();
    Reads reads = new Reads(data);
    XmlElement.Builder out = XmlElement.builder("data");
    if (reg == null || reg.isBlank()) {
      // the disruption does not name the aircraft: the schedule does
      FlightKey key = Keys.flight(disruption);
      Flight flight = reads.start(AirlineTables.FLIGHTS, List.of(key)).found().get(key);
      reg = flight == null ? null : flight.aircraftRegistration();
    }
    if (reg != null && !reg.isBlank()) {
      Aircraft ac = reads.start(AirlineTables.AIRCRAFT, List.of(reg)).found().get(reg);
      if (ac != null) {
        out.child(aircraft(ac));
      }
    }
    return new AgentInput(out.children(reads.notes()).build());
  }

  private XmlElement aircraft(Aircraft ac) {
    XmlElement.Builder b = XmlElement.builder("ac").attr("reg", ac.registration()).attr("type", ac.type())
        .attr("base", ac.homeBase());
    for (MelItem i : ac.openMelItems()) {
      b.child(XmlElement.builder("mel").attr("id", i.id()).attr("cat", i.category()).attr("raised", i.raised())
          .attr("due", mel.expiry(i)).attr("restr", i.restricts() ? i.restriction() : null).text(i.description()));
    }
    for (WorkOrder w : ac.openWorkOrders()) {
      b.child(XmlElement.builder("wo").attr("id", w.id()).attr("due", w.due())
          .attr("min", PromptValues.minutes(w.estimatedDuration())).attr("grounds", w.groundsAircraft() ? "1" : null)
          .text(w.description()));
    }
    return b.build();
  }
}
