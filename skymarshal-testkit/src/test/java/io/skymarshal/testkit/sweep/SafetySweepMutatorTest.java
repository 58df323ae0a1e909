package io.skymarshal.testkit.sweep;

import static io.skymarshal.testkit.sweep.SweepWorld.AIRLINE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skymarshal.airline.json.DisruptionJson;
import io.skymarshal.airline.Flight;
import io.skymarshal.core.Disruption;
import io.skymarshal.testkit.airline.DisruptionGenerator;
import io.skymarshal.testkit.sweep.GroundTruth.Reason;
import io.skymarshal.testkit.sweep.GroundTruth.Unclearable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SafetySweepMutatorTest {
  private static final DisruptionJson READER = DisruptionJson.withAirports(AIRLINE.airports());

  /** Every mutation applied to {@code n} generated disruptions of each kind. */
  private static List<Variant> variants(long seed, int perKind) {
    DisruptionGenerator gen = new DisruptionGenerator(AIRLINE, seed);
    WorldMutator m = new WorldMutator(AIRLINE, seed);
    List<Variant> out = new ArrayList<>();
    for (String mutation : WorldMutator.MUTATIONS) {
      for (DisruptionGenerator.Kind kind : DisruptionGenerator.Kind.values()) {
        for (int i = 0; i < perKind; i++) {
          out.add(m.mutate(gen.next(kind), mutation));
        }
      }
    }
    return out;
  }

  private static List<Reason> reasons(Variant v) {
    return v.truth().unclearable().stream().map(Unclearable::reason).toList();
  }

  private static Flight scheduled(Disruption d) {
    return AIRLINE.flights().stream().filter(f -> f.number().equals(d.flight().flightNumber())
        && f.date().equals(d.flight().date())).findFirst().orElseThrow();
  }

  @Test
  void everyVariant_isAValidDocument_andCarriesItsOwnGroundTruth() {
    for (Variant v : variants(11, 2)) {
      Disruption back = READER.read(DisruptionJson.write(v.disruption()));
      assertThat(DisruptionJson.write(back)).as(v.mutation()).isEqualTo(DisruptionJson.write(v.disruption()));
      assertThat(v.truth()).as(v.mutation()).isEqualTo(GroundTruth.of(v.dataset(), v.disruption()));
      if (v.mutation().equals("aircraft_record_missing")) {
        assertThat(v.dataset().integrityProblems()).as("only the removed aircraft is unknown")
            .isNotEmpty().allMatch(p -> p.endsWith("unknown aircraft " + v.disruption().flight().aircraftRegistration()));
      } else {
        assertThat(v.dataset().integrityProblems()).as(v.mutation() + " keeps every reference").isEmpty();
      }
    }
  }

  @Test
  void eachMutation_hasTheGroundTruthItIntends() {
    for (Variant v : variants(12, 2)) {
      String m = v.mutation();
      GroundTruth t = v.truth();
      Disruption d = v.disruption();
      if (m.startsWith("fault:") || m.startsWith("requires_maintenance")) {
        assertThat(t.fault()).as(m).isPresent();
        assertThat(t.unclearable()).as(m).isEmpty();
        assertThat(t.fault().get().releasedAt().isPresent()).as(m + " " + v.detail()).isEqualTo(m.endsWith("+estimate"));
        if (m.startsWith("fault:")) {
          assertThat(d.type()).isEqualTo(m.substring(6, m.indexOf('+')));
          assertThat(d.facts().keySet()).as(m).noneMatch(k -> k.endsWith("requires_maintenance")
              || k.endsWith("inspection_required"));
        } else {
          assertThat(GroundTruth.faultReport(d)).as(m).startsWith("fact ");
        }
        continue;
      }
      switch (m) {
        case "baseline", "spare_named" -> {
          assertThat(t.unclearable()).as(m).isEmpty();
          assertThat(v.dataset()).isSameAs(AIRLINE);
          if (m.equals("spare_named")) {
            assertThat(t.allowedAircraft()).as(m).hasSize(2);
          }
        }
        case "fault_detected_after_departure" -> {
          assertThat(d.detectedAt()).isAfter(d.flight().scheduledDeparture());
          var release = t.fault().orElseThrow().releasedAt().orElseThrow();
          assertThat(release).as("the window runs from detection, past the expected delay")
              .isAfter(d.flight().scheduledDeparture().plus(d.estimatedDelay()))
              .isAfter(d.flight().scheduledDeparture().plus(Duration.ofMinutes(
                  Long.parseLong(d.facts().get("constraints.maintenance_window_required_minutes")))));
        }
        case "roster_missing" -> {
          assertThat(reasons(v)).as(m).containsExactly(Reason.ROSTER_MISSING);
          assertThat(v.dataset().rosters()).hasSize(AIRLINE.rosters().size() - 1);
        }
        case "aircraft_record_missing" -> {
          assertThat(reasons(v)).as(m).containsExactly(Reason.AIRCRAFT_RECORD_MISSING);
          assertThat(t.unclearable().get(0).registration()).isEqualTo(d.flight().aircraftRegistration());
          assertThat(t.allowedAircraft()).isEmpty();
        }
        case "unknown_flight" -> {
          assertThat(reasons(v)).as(m).containsExactly(Reason.UNKNOWN_FLIGHT);
          assertThat(d.flight().aircraftRegistration()).isNotBlank();
          assertThat(t.flightKnown()).isFalse();
        }
        case "route_conflict", "registration_conflict" -> {
          assertThat(reasons(v)).as(m).containsExactly(Reason.DOCUMENT_CONFLICT);
          assertThat(t.unclearable().get(0).detail()).contains(m.startsWith("route") ? "route" : "registration");
        }
        case "no_registration" -> {
          assertThat(d.flight().aircraftRegistration()).isNull();
          assertThat(t.unclearable()).isEmpty();
          assertThat(t.allowedAircraft()).containsExactly(scheduled(d).aircraftRegistration());
        }
        case "huge_numbers" -> {
          assertThat(d.facts()).as(m).containsEntry("constraints.crew_ftl_remaining_hours", WorldMutator.HUGE);
          if (GroundTruth.faultReport(d) != null) {
            assertThat(d.facts()).containsEntry("constraints.maintenance_window_required_minutes", WorldMutator.HUGE);
            assertThat(t.fault().orElseThrow().releasedAt()).as("a huge window is never over").isEmpty();
          }
        }
        case "huge_window", "unreadable_window" -> {
          String window = d.facts().get("constraints.maintenance_window_required_minutes");
          assertThat(window).isIn(m.equals("huge_window") ? List.of(WorldMutator.HUGE) : WorldMutator.UNREADABLE_WINDOWS);
          assertThat(d.estimatedDelay()).isPositive();
          var release = t.fault().orElseThrow().releasedAt();
          assertThat(release.isEmpty() || release.get().isAfter(d.flight().scheduledDeparture().plus(Duration.ofDays(365))))
              .as(m + " " + window + ": never released (or not within a year): " + release).isTrue();
        }
        case "spare_unknown" -> {
          assertThat(d.facts()).containsEntry("constraints.alternate_aircraft_registration", WorldMutator.GHOST_SPARE);
          assertThat(t.allowedAircraft()).doesNotContain(WorldMutator.GHOST_SPARE).hasSize(1);
        }
        default -> throw new AssertionError("no expectation for mutation " + m);
      }
    }
  }

  @Test
  void everyReportedFaultType_withAndWithoutAnEstimate_isAMutation() {
    for (String type : List.of("aog", "mechanical", "landing_gear_failure", "engine_failure", "hydraulic",
        "bird_strike", "hard_landing", "lightning_strike")) {
      assertThat(WorldMutator.MUTATIONS).contains("fault:" + type + "+estimate", "fault:" + type + "+no_estimate");
    }
  }

  @Test
  void sameSeed_sameVariants_otherSeed_otherVariants() {
    List<String> a = variants(5, 1).stream().map(v -> v.detail() + DisruptionJson.write(v.disruption())).toList();
    List<String> b = variants(5, 1).stream().map(v -> v.detail() + DisruptionJson.write(v.disruption())).toList();
    List<String> c = variants(6, 1).stream().map(v -> v.detail() + DisruptionJson.write(v.disruption())).toList();
    assertThat(a).isEqualTo(b).isNotEqualTo(c);
  }

  @Test
  void mutateByIndex_cyclesThroughEveryMutation_andUnknownNamesAreRejected() {
    WorldMutator m = new WorldMutator(AIRLINE, 1);
    Disruption base = new DisruptionGenerator(AIRLINE, 1).next();
    for (int i = 0; i < WorldMutator.MUTATIONS.size() * 2; i++) {
      assertThat(m.mutate(base, i).mutation()).isEqualTo(WorldMutator.MUTATIONS.get(i % WorldMutator.MUTATIONS.size()));
    }
    assertThatThrownBy(() -> m.mutate(base, "fault:volcano+estimate")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> m.mutate(base, "teleport")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("baseline");
  }

  @Test
  void baselineTechnicalDisruption_isReleasedAtTheLaterOfDelayAndWindow() {
    Disruption d = new DisruptionGenerator(AIRLINE, 3).next(DisruptionGenerator.Kind.TECHNICAL);
    GroundTruth t = new WorldMutator(AIRLINE, 3).mutate(d, "baseline").truth();
    long window = Long.parseLong(d.facts().get("constraints.maintenance_window_required_minutes"));
    var sched = d.flight().scheduledDeparture();
    var expected = sched.plus(d.estimatedDelay()).isAfter(sched.plus(Duration.ofMinutes(window)))
        ? sched.plus(d.estimatedDelay()) : sched.plus(Duration.ofMinutes(window));
    assertThat(t.fault().orElseThrow().releasedAt()).contains(expected);
    assertThat(Map.copyOf(d.facts())).containsKey("issue_details.requires_maintenance");
  }
}
