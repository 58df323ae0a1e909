package io.skymarshal.airline;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ChecksProperties {

  @Property(tries = 1000)
  void isFlightNumber_agreesWithTheRegularExpression(@ForAll("codes") String s) {
    assertThat(Checks.isFlightNumber(s)).isEqualTo(s.matches("[A-Z0-9]{2}[0-9]{1,4}[A-Z]?"));
  }

  @Property(tries = 1000)
  void isIata_agreesWithTheRegularExpression(@ForAll("codes") String s) {
    assertThat(Checks.isIata(s)).isEqualTo(s.matches("[A-Z]{3}"));
  }

  @Provide
  Arbitrary<String> codes() {
    return Arbitraries.strings().withChars("AEYZ0129a-/").ofMaxLength(8);
  }
}
