package io.skymarshal.testkit.airline;

import static org.assertj.core.api.Assertions.assertThat;

import io.skymarshal.airline.json.DisruptionJson;
import io.skymarshal.airline.constraint.BindingConstraints;
import io.skymarshal.core.ActionPlan;
import io.skymarshal.core.BindingConstraint;
import io.skymarshal.core.Disruption;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class AirlineArbitrariesProperties {
  private static final Set<String> FLIGHTS = AirlineGenerator.defaultAirline().flights().stream()
      .map(f -> f.number() + "/" + f.date()).collect(Collectors.toSet());

  @Property(tries = 100)
  void disruptions_areAboutFlightsOfTheDefaultAirline(@ForAll("disruptions") Disruption d) {
    assertThat(FLIGHTS).contains(d.flight().flightNumber() + "/" + d.flight().date());
  }

  @Property(tries = 100)
  void hostileDisruptions_carryTheirTextThroughTheJsonFormatUnchanged(@ForAll("hostile") Disruption d) {
    Disruption back = DisruptionJson.withAirports(code -> true).read(DisruptionJson.write(d));
    assertThat(back.description()).isEqualTo(d.description());
    assertThat(back.facts()).isEqualTo(d.facts());
  }

  @Property(tries = 300)
  void constraints_roundTripThroughTheCodec(@ForAll("constraints") BindingConstraint c) {
    assertThat(BindingConstraints.fromJson(BindingConstraints.toJson(c))).isEqualTo(c);
  }

  @Property(tries = 200)
  void actionPlans_cancellationsKeepEveryConstraint(@ForAll("plans") ActionPlan plan, @ForAll("constraints") BindingConstraint c) {
    if (!plan.operates()) {
      assertThat(c.violationBy(plan)).isEmpty();
    } else {
      assertThat(plan.arrival()).isAfter(plan.departure());
    }
  }

  @Provide
  Arbitrary<Disruption> disruptions() {
    return AirlineArbitraries.disruptions();
  }

  @Provide
  Arbitrary<Disruption> hostile() {
    return AirlineArbitraries.hostileDisruptions();
  }

  @Provide
  Arbitrary<BindingConstraint> constraints() {
    return AirlineArbitraries.constraints();
  }

  @Provide
  Arbitrary<ActionPlan> plans() {
    return AirlineArbitraries.actionPlans(AirlineSamples.ey123Disruption().flight());
  }
}
