package io.skymarshal.airline.agent;

import io.skymarshal.core.BindingConstraint;
import io.skymarshal.core.CheckedResources;
import io.skymarshal.core.Clearance;
import io.skymarshal.core.SafetyAssessment;
import io.skymarshal.prompt.XmlElement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects, during a SAFETY agent's gather, what follows from its data by rule: the problems that
 * stop a clearance (the first of the most serious kind leads), the binding constraints, the
 * aircraft and crew examined. Part of the agent kit ({@link AirlineAgent}): a SAFETY agent of your
 * own builds its {@link SafetyAssessment} with it and shows it to the model with {@link #toXml}.
 * Not thread-safe: one per gather.
 */
public final class SafetyFacts {
  private final List<Clearance> problems = new ArrayList<>();
  private final List<BindingConstraint> constraints = new ArrayList<>();
  private final Set<String> aircraft = new LinkedHashSet<>();
  private final Set<String> crew = new LinkedHashSet<>();

  /** An empty collection: the data allows clearance until a problem is added. */
  public SafetyFacts() {}

  /** The flight cannot be cleared for {@code reason}; {@code missing} names the data (may be null). */
  public SafetyFacts problem(Clearance.Reason reason, String detail, String missing) {
    problems.add(Clearance.notCleared(reason, detail, missing == null ? List.of() : List.of(missing)));
    return this;
  }

  public SafetyFacts constraint(BindingConstraint c) {
    constraints.add(c);
    return this;
  }

  public SafetyFacts constraints(List<? extends BindingConstraint> cs) {
    constraints.addAll(cs);
    return this;
  }

  public SafetyFacts aircraft(String registration) {
    aircraft.add(registration);
    return this;
  }

  public SafetyFacts crew(String crewId) {
    crew.add(crewId);
    return this;
  }

  public boolean hasProblem(Clearance.Reason reason) {
    return problems.stream().anyMatch(p -> p.reason() == reason);
  }

  public SafetyAssessment build() {
    Clearance clearance = Clearance.cleared();
    for (Clearance p : problems) {
      clearance = clearance.isCleared() ? p : clearance.and(p);
    }
    return new SafetyAssessment(clearance, constraints, new CheckedResources(aircraft, crew));
  }

  /**
   * {@code <bound clr why miss>}: the assessment as the model sees it, first in {@code <data>}:
   * {@code clr} is {@code 1} when the data allows clearance, else the reason; then the constraints
   * computed in code (they bind whatever the reply says) and {@code <checked ac crew>}.
   */
  public static XmlElement toXml(SafetyAssessment a) {
    return toXml(a, false);
  }

  /**
   * As {@link #toXml(SafetyAssessment)}; with {@code ids}, each constraint element (after adjacent
   * ones differing only in subject are merged) carries an {@code id} ({@code b1}, {@code b2}, ...)
   * a reply can cite in {@code refs} instead of restating the constraints.
   */
  public static XmlElement toXml(SafetyAssessment a, boolean ids) {
    Clearance c = a.clearance();
    XmlElement.Builder b = XmlElement.builder("bound").attr("clr", c.isCleared() ? "1" : String.valueOf(c.reason()))
        .attr("why", c.isCleared() ? null : c.detail())
        .attr("miss", c.missing().isEmpty() ? null : String.join(",", c.missing()));
    List<XmlElement> cs = new ArrayList<>();
    for (BindingConstraint k : a.constraints()) {
      cs.add(ConstraintXml.INSTANCE.toXml(k));
    }
    List<XmlElement> merged = io.skymarshal.prompt.PromptComposer.mergeConstraintSubjects(cs);
    for (int i = 0; i < merged.size(); i++) {
      b.child(ids ? withId(merged.get(i), "b" + (i + 1)) : merged.get(i));
    }
    if (!a.checked().isEmpty()) {
      b.child(XmlElement.builder("checked")
          .attr("ac", a.checked().aircraft().isEmpty() ? null : String.join(",", a.checked().aircraft()))
          .attr("crew", a.checked().crew().isEmpty() ? null : String.join(",", a.checked().crew())));
    }
    return b.build();
  }

  private static XmlElement withId(XmlElement c, String id) {
    XmlElement.Builder b = XmlElement.builder(c.name()).attr("id", id);
    c.attributes().forEach(b::attr);
    return b.text(c.text()).children(c.children()).build();
  }
}
