package io.skymarshal.airline.agent;

import io.skymarshal.airline.AirlineTables;
import io.skymarshal.airline.Airport;
import io.skymarshal.airline.CostParameters;
import io.skymarshal.airline.FlightBookings;
import io.skymarshal.airline.FlightKey;
import io.skymarshal.airline.rules.Eu261;
import io.skymarshal.core.Disruption;
import io.skymarshal.core.FlightRef;
import io.skymarshal.core.Tier;
import io.skymarshal.data.DataAccess;
import io.skymarshal.prompt.XmlElement;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * finance (BUSINESS): the cost of each option. Reads the airline's cost parameters and the two
 * airports (for the EU 261 band) at once.
 */
final class FinanceAgent extends AirlineAgent {
  static final String NAME = "finance";
  private final Eu261 eu261;

  FinanceAgent(PromptOptions style, Eu261 eu261) {
    super(NAME, Tier.BUSINESS, BusinessActions.ALL, List.of(), style);
    this.eu261 = eu261;
  }

  @Override
  public AgentInput gather(Disruption disruption, DataAccess data) {
    FlightRef f = disruption.flight();
    Reads reads = new Reads(data);
    FlightKey key = Keys.flight(disruption);
    var costs = reads.start(AirlineTables.COST_PARAMETERS, List.of(CostParameters.DEFAULT_ID));
    var bookings = reads.start(AirlineTables.BOOKINGS, List.of(key));
    var airports = reads.start(AirlineTables.AIRPORTS, List.of(f.origin(), f.destination()));
    CostParameters c = costs.found().get(CostParameters.DEFAULT_ID);
    Map<String, Airport> apts = airports.found();
    XmlElement.Builder out = XmlElement.builder("data");
    if (c != null) {
      out.child(XmlElement.builder("cost").attr("delayMin", plain(c.delayCostPerMinute()))
          .attr("careHr", plain(c.passengerCarePerHour())).attr("hotel", plain(c.hotelPerPassenger()))
          .attr("reprot", plain(c.reprotectionPerPassenger())).attr("cancel", plain(c.cancellationFixed()))
          .attr("swap", plain(c.aircraftSwapFixed())).attr("callout", plain(c.reserveCrewCallOut()))
          .attr("offloadKg", plain(c.cargoOffloadPerKg())).attr("usdEur", plain(c.usdPerEur())));
    }
    out.child(Routes.route(apts.get(f.origin()), apts.get(f.destination()), eu261));
    // counts come from the data; the document's claim is shown beside it, never used instead
    FlightBookings fb = bookings.found().get(key);
    int claimed = disruption.impact().passengers();
    out.child(XmlElement.builder("pax").attr("n", fb == null ? null : fb.bookings().size())
        .attr("doc", claimed > 0 ? claimed : null));
    return new AgentInput(out.children(reads.notes()).build());
  }

  private static String plain(BigDecimal v) {
    return v.stripTrailingZeros().toPlainString();
  }
}
