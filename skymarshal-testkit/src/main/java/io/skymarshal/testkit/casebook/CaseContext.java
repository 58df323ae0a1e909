package io.skymarshal.testkit.casebook;

import io.skymarshal.airline.AirlineDataset;
import io.skymarshal.airline.Airport;
import io.skymarshal.airline.CrewRoster;
import io.skymarshal.airline.FlightKey;
import io.skymarshal.core.Disruption;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link Check} may consult besides the decision: the disruption as decided and the
 * airline data it was decided on (the sample with the scenario's patches). Immutable.
 *
 * @param disruption the disruption
 * @param airline    the airline data
 */
public record CaseContext(Disruption disruption, AirlineDataset airline) {

  public CaseContext {
    Objects.requireNonNull(disruption, "disruption");
    Objects.requireNonNull(airline, "airline");
  }

  /** The key of the disrupted flight, as the document names it. */
  public FlightKey flightKey() {
    return new FlightKey(disruption.flight().flightNumber(), disruption.flight().date());
  }

  /** The disrupted flight's crew roster in the data, if there is one. */
  public Optional<CrewRoster> roster() {
    FlightKey key = flightKey();
    return airline.rosters().stream().filter(r -> r.flight().equals(key)).findFirst();
  }

  /** The airport {@code iata} in the data, if there is one. */
  public Optional<Airport> airport(String iata) {
    return airline.airports().stream().filter(a -> a.iata().equals(iata)).findFirst();
  }
}
