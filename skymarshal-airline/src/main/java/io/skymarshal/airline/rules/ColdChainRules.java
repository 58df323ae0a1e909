package io.skymarshal.airline.rules;

import io.skymarshal.airline.CargoShipment;
import io.skymarshal.airline.TemperatureClass;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How long a temperature-controlled shipment may stay outside control before it is at risk.
 * Defaults: frozen (FRO) 1 h, refrigerated 2-8 °C (REF) 2 h, cool (COL) 4 h; uncontrolled cargo
 * has no limit. Immutable, thread-safe.
 *
 * @param frozen       limit for {@link TemperatureClass#FRO}
 * @param refrigerated limit for {@link TemperatureClass#REF}
 * @param cool         limit for {@link TemperatureClass#COL}
 */
public record ColdChainRules(Duration frozen, Duration refrigerated, Duration cool) {

  private static final ColdChainRules DEFAULTS = new ColdChainRules(Duration.ofHours(1), Duration.ofHours(2),
      Duration.ofHours(4));

  public ColdChainRules {
    for (Duration d : new Duration[] {frozen, refrigerated, cool}) {
      Objects.requireNonNull(d, "cold-chain limit");
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("cold-chain limits must be positive but one was " + d);
      }
    }
  }

  /** The defaults of DOMAIN.md. */
  public static ColdChainRules defaults() {
    return DEFAULTS;
  }

  /** The time outside control a shipment of {@code temperature} tolerates; empty when uncontrolled. */
  public Optional<Duration> limit(TemperatureClass temperature) {
    return switch (temperature) {
      case FRO -> Optional.of(frozen);
      case REF -> Optional.of(refrigerated);
      case COL -> Optional.of(cool);
      case NONE -> Optional.empty();
    };
  }

  /** Whether {@code shipment} is at risk after {@code outsideControl} outside control (at the limit it is). */
  public boolean atRisk(CargoShipment shipment, Duration outsideControl) {
    return limit(shipment.temperature()).map(l -> outsideControl.compareTo(l) >= 0).orElse(false);
  }
}
