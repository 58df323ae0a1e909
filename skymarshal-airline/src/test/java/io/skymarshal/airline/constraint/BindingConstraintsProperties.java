package io.skymarshal.airline.constraint;

import static org.assertj.core.api.Assertions.assertThat;

import io.skymarshal.airline.LocalTimeWindow;
import io.skymarshal.core.BindingConstraint;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class BindingConstraintsProperties {

  @Property(tries = 1000)
  void toJson_thenFromJson_givesAnEqualConstraint(@ForAll("constraints") BindingConstraint c) {
    assertThat(BindingConstraints.fromJson(BindingConstraints.toJson(c))).isEqualTo(c);
  }

  @Provide
  Arbitrary<BindingConstraint> constraints() {
    Arbitrary<Instant> instants = Arbitraries.longs().between(1_700_000_000L, 1_900_000_000L)
        .map(Instant::ofEpochSecond);
    Arbitrary<String> ids = Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(12);
    Arbitrary<LocalTime> times = Arbitraries.integers().between(0, 1439).map(m -> LocalTime.MIN.plusMinutes(m));
    Arbitrary<BindingConstraint> duty = Combinators.combine(ids, instants, Arbitraries.integers().between(0, 240))
        .as((id, t, post) -> new CrewDutyLimit(id, t, Duration.ofMinutes(post)));
    Arbitrary<BindingConstraint> grounded = Combinators.combine(ids, instants.injectNull(0.3))
        .as(AircraftGrounded::new);
    Arbitrary<BindingConstraint> restricted = Combinators.combine(ids, ids, instants.injectNull(0.3))
        .as(AircraftRestricted::new);
    Arbitrary<BindingConstraint> curfew = Combinators.combine(ids, Arbitraries.of("Europe/London", "Asia/Dubai",
            "America/Los_Angeles").map(ZoneId::of), times, Arbitraries.integers().between(1, 1439),
            Arbitraries.integers().between(0, 360), Arbitraries.of(Curfew.Movement.class))
        .as((a, z, from, len, buf, m) -> new Curfew(a, z, new LocalTimeWindow(from, from.plusMinutes(len)),
            Duration.ofMinutes(buf), m));
    Arbitrary<BindingConstraint> slot = Combinators.combine(ids, instants).as(Slot::new);
    return Arbitraries.oneOf(duty, grounded, restricted, curfew, slot);
  }
}
