package io.skymarshal.airline.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.skymarshal.core.Disruption;

/** Field-by-field equality of disruptions, which have no equals of their own. */
final class DisruptionAssertions {
  private DisruptionAssertions() {}

  static void assertSameDisruption(Disruption actual, Disruption expected) {
    assertThat(actual.id()).isEqualTo(expected.id());
    assertThat(actual.detectedAt()).isEqualTo(expected.detectedAt());
    assertThat(actual.type()).isEqualTo(expected.type());
    assertThat(actual.severity()).isEqualTo(expected.severity());
    assertThat(actual.flight()).isEqualTo(expected.flight());
    assertThat(actual.description()).isEqualTo(expected.description());
    assertThat(actual.estimatedDelay()).isEqualTo(expected.estimatedDelay());
    assertThat(actual.impact()).isEqualTo(expected.impact());
    assertThat(actual.facts()).containsExactlyInAnyOrderEntriesOf(expected.facts());
  }
}
