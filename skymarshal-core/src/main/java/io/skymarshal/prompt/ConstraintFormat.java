package io.skymarshal.prompt;

import io.skymarshal.core.BindingConstraint;

/**
 * How a {@link BindingConstraint} appears in a prompt. The {@link #generic()} form carries kind,
 * subject and {@link BindingConstraint#describe()}; an agent pack that knows its constraint types
 * supplies one that writes their typed fields as attributes. Implementations are thread-safe.
 */
@FunctionalInterface
public interface ConstraintFormat {

  /** The element for {@code constraint}; by convention called {@code c}. */
  XmlElement toXml(BindingConstraint constraint);

  /** {@code <c k="kind" s="subject">describe()</c>}. */
  static ConstraintFormat generic() {
    return c -> XmlElement.builder("c").attr("k", c.kind()).attr("s", c.subject()).text(c.describe()).build();
  }
}
