package io.skymarshal.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.skymarshal.model.ModelPrice;
import io.skymarshal.model.ModelProfile;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class RaisedLimitProperties {

  private static ModelProfile profile(int maxTokens, int maxOutputTokens) {
    return new ModelProfile("m", "m", new ModelPrice(1, 1, 0, 0), maxTokens, 0.3, 0, maxOutputTokens);
  }

  @Property
  void raisedLimit_isDoubleTheLimitAtMostTheModelsMaximum(@ForAll @IntRange(min = 1, max = 200_000) int limit,
      @ForAll @IntRange(min = 0, max = 200_000) int headroom) {
    ModelProfile p = profile(limit, limit + headroom);

    int raised = CallExecution.raisedLimit(p);

    assertThat(raised).isEqualTo(Math.min(2 * limit, limit + headroom));
    assertThat(raised > limit).as("raised only when there is room").isEqualTo(headroom > 0);
  }

  @Property
  void raisedLimit_whenTheModelsMaximumIsUnknown_staysTheLimit(@ForAll @IntRange(min = 1, max = 200_000) int limit) {
    assertThat(CallExecution.raisedLimit(profile(limit, 0))).isEqualTo(limit);
  }
}
