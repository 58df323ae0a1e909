package io.skymarshal.airline.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.skymarshal.core.Disruption;
import io.skymarshal.core.FlightRef;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class FaultRulesTest {
  static final Instant DEP = Instant.parse("2026-01-30T14:00:00Z");
  static final FaultRules RULES = FaultRules.defaults();

  static Disruption.Builder disruption(String type) {
    return Disruption.builder().id("D1").detectedAt(DEP.minus(Duration.ofHours(3))).type(type)
        .flight(new FlightRef("EY123", "AUH", "LHR", DEP, DEP.plus(Duration.ofHours(7)), "A380", "A6-APA"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"aog", "AOG", "mechanical", "aircraft_technical_issue", "landing_gear_failure", "engine_failure",
      "hydraulic", "flight_control_fault", "Technical", "maintenance"})
  void grounding_whenTheTypeReportsAFault_groundsOpenEndedWithoutAnEstimate(String type) {
    Optional<FaultRules.Grounding> g = RULES.grounding(disruption(type).build());
    assertThat(g).hasValueSatisfying(x -> {
      assertThat(x.cause()).isEqualTo(FaultRules.Cause.FAULT);
      assertThat(x.release()).isEmpty();
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"bird_strike", "hard landing", "lightning_strike", "severe_turbulence", "birdstrike"})
  void grounding_whenAnEventNeedsAnInspection_groundsUntilItIsSignedOff(String type) {
    assertThat(RULES.grounding(disruption(type).build()))
        .hasValueSatisfying(x -> assertThat(x.cause()).isEqualTo(FaultRules.Cause.INSPECTION));
  }

  @ParameterizedTest
  @ValueSource(strings = {"weather", "atc", "crew", "slot_loss", "medical_emergency"})
  void grounding_whenNothingIsReportedAboutTheAircraft_isEmpty(String type) {
    assertThat(RULES.grounding(disruption(type).description("Thunderstorms with lightning, ramp closed").build())).isEmpty();
  }

  @Test
  void grounding_whenOnlyAFactOrTheDescriptionReportsIt_stillGrounds() {
    assertThat(RULES.grounding(disruption("operational").fact("issue_details.requires_maintenance", "true").build()))
        .isPresent();
    assertThat(RULES.grounding(disruption("operational").description("Bleed air leak in left pylon").build())).isPresent();
    assertThat(RULES.grounding(disruption("other").fact("issue_details.inspection_required", "TRUE").build()))
        .hasValueSatisfying(x -> assertThat(x.cause()).isEqualTo(FaultRules.Cause.INSPECTION));
  }

  @Test
  void release_isTheLatestOfDelayAndWindowFromTheLaterOfDetectionAndDeparture() {
    Disruption d = disruption("aog").estimatedDelay(Duration.ofMinutes(180))
        .fact("constraints.maintenance_window_required_minutes", "120").build();
    assertThat(RULES.grounding(d).orElseThrow().release()).contains(DEP.plus(Duration.ofMinutes(180)));

    Disruption longer = disruption("aog").estimatedDelay(Duration.ofMinutes(60))
        .fact("constraints.maintenance_window_required_minutes", "240").build();
    assertThat(RULES.grounding(longer).orElseThrow().release()).contains(DEP.plus(Duration.ofMinutes(240)));

    // detected after the scheduled departure: the repair starts no earlier than detection
    Disruption late = disruption("aog").fact("constraints.maintenance_window_required_minutes", "90").build()
        .toBuilder().detectedAt(DEP.plus(Duration.ofHours(1))).build();
    assertThat(RULES.grounding(late).orElseThrow().release()).contains(DEP.plus(Duration.ofMinutes(150)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"9223372036854775807", "-30", "soon", "1e9", "NaN", "0", ""})
  void release_whenTheOnlyEstimateIsUnusable_isOpenEnded(String window) {
    Disruption d = disruption("aog").fact("constraints.maintenance_window_required_minutes", window).build();
    assertThat(RULES.grounding(d).orElseThrow().release()).isEmpty();
  }

  /** Regression: an unreadable window beside a readable delay was ignored, and the aircraft flew after the delay. */
  @ParameterizedTest
  @ValueSource(strings = {"9223372036854775807", "NaN", "-30", "1e9", "TBD"})
  void release_whenAStatedWindowCannotBeRead_isOpenEndedEvenWithADelayEstimate(String window) {
    Disruption d = disruption("aircraft_technical_issue").estimatedDelay(Duration.ofMinutes(150))
        .fact("constraints.maintenance_window_required_minutes", window).build();
    assertThat(RULES.grounding(d).orElseThrow().release()).isEmpty();
  }

  @Test
  void release_whenAStatedWindowIsBlank_itIsNotAnEstimate() {
    Disruption d = disruption("aog").estimatedDelay(Duration.ofMinutes(150))
        .fact("constraints.maintenance_window_required_minutes", " ").build();
    assertThat(RULES.grounding(d).orElseThrow().release()).contains(DEP.plus(Duration.ofMinutes(150)));
  }

  @Test
  void release_whenAnEstimateIsBeyondSevenDays_isOpenEndedEvenWithAnotherEstimate() {
    Disruption d = disruption("aog").estimatedDelay(Duration.ofMinutes(120))
        .fact("constraints.maintenance_window_required_minutes", "20000").build();
    assertThat(RULES.grounding(d).orElseThrow().release()).isEmpty();
  }

  @Test
  void release_fromAStatedReleaseInstant() {
    Disruption d = disruption("mechanical").fact("estimated_release", "2026-01-30T19:15:00Z").build();
    assertThat(RULES.grounding(d).orElseThrow().release()).contains(Instant.parse("2026-01-30T19:15:00Z"));
  }
}
