package io.skymarshal.dynamo.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ArgsTest {

  @Test
  void atLeastOne_whenOneOrMore_returnsValue() {
    assertThat(Args.atLeastOne(1, "n")).isEqualTo(1);
    assertThat(Args.atLeastOne(Integer.MAX_VALUE, "n")).isEqualTo(Integer.MAX_VALUE);
  }

  @Test
  void atLeastOne_whenBelowOne_namesTheArgumentAndValue() {
    assertThatThrownBy(() -> Args.atLeastOne(0, "maxConcurrency")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxConcurrency must be >= 1 but was 0");
    assertThatThrownBy(() -> Args.atLeastOne(-5, "pageSize")).hasMessage("pageSize must be >= 1 but was -5");
  }
}
