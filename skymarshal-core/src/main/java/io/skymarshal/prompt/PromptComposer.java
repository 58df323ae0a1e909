package io.skymarshal.prompt;

import io.skymarshal.core.ArbitrationInput;
import io.skymarshal.core.BindingConstraint;
import io.skymarshal.core.CheckedResources;
import io.skymarshal.core.Clearance;
import io.skymarshal.core.Tier;
import io.skymarshal.core.Recommendation;
import io.skymarshal.prompt.internal.VerboseRenderer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes the user message of each phase in one {@link PromptStyle}, from the same tree for both
 * styles, so XML and VERBOSE carry the same information.
 *
 * <ul>
 *   <li>Phase 1: {@code <phase1>} holding {@code <disruption>}, the agent's {@code <data>} and {@code <task>}.
 *   <li>Phase 2 continuing the Phase-1 conversation ({@link #followUp}): {@code <phase2>} with only
 *       {@code <context>} and {@code <task>}.
 *   <li>Phase 2: {@code <phase2>}: the same plus {@code <context>} with one {@code <agent>} per
 *       peer ({@code name}, {@code tier}, action {@code act}, confidence {@code conf}, its
 *       binding constraints, figures {@code <f k v/>} and reasoning {@code <why>}); adjacent
 *       constraints that differ only in subject share one element with comma-separated subjects.
 *   <li>Arbitration: {@code <arbitration>}: {@code <disruption>}, {@code <recs>} with every
 *       revised recommendation (without constraints), {@code <safety>} with every SAFETY constraint
 *       of both phases and the {@code <checked>} aircraft and crew (exactly what the engine checks
 *       the ruling against), the {@code <options>} to score, {@code <missing>} agents, {@code <task>}.
 * </ul>
 * XML is compact ({@link PromptXml#render}); VERBOSE is prose plus indented JSON dumps with
 * descriptive names from the glossary. Immutable and thread-safe. Defaults: {@link PromptStyle#XML},
 * {@link ConstraintFormat#generic()}, an empty glossary.
 */
public final class PromptComposer {
  private static final Map<String, String> INTROS = Map.of(
      "disruption", "The following disruption has been reported and needs a decision:",
      "data", "The following operational data was retrieved from the database for your analysis:",
      "context", "The other specialist agents gave the following initial recommendations:",
      "recs", "The specialist agents gave the following revised recommendations:",
      "safety", "These are all the binding safety constraints your plan must keep, and the aircraft and crew it may use:",
      "options", "These are the options you need to score. Each option has already been checked against the"
          + " binding safety constraints, and any violations are listed with it:",
      "missing", "The following agents did not provide a recommendation, so their view is missing:");
  private static final String OPEN_INITIAL = "You are being consulted about a flight disruption. Please review the"
      + " disruption details and the operational data below carefully, apply the rules described in your"
      + " instructions, and provide your recommendation.";
  private static final String OPEN_REVISION = "This is the revision round. You have already given an initial"
      + " recommendation about the flight disruption below. The other specialist agents have now shared their"
      + " initial recommendations, which are listed below. Please review them and revise your recommendation"
      + " if needed.";
  private static final String OPEN_FOLLOW_UP = "This is the revision round. The other specialist agents have now"
      + " shared their initial recommendations about the same disruption, which are listed below. Please review them"
      + " and revise your recommendation if needed.";
  private static final String OPEN_ARBITRATION = "You are acting as the arbitrator. The specialist agents have"
      + " analysed the flight disruption below and given their revised recommendations. Please weigh them"
      + " and choose the best option.";

  private final PromptStyle style;
  private final ConstraintFormat constraintFormat;
  private final Map<String, String> glossary;
  private final VerboseRenderer verbose;

  private PromptComposer(Builder b) {
    this.style = b.style;
    this.constraintFormat = b.constraintFormat;
    this.glossary = Map.copyOf(b.glossary);
    this.verbose = new VerboseRenderer(glossary, INTROS);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** XML style, generic constraints, no glossary. */
  public static PromptComposer xml() {
    return builder().build();
  }

  public PromptStyle style() {
    return style;
  }

  /** A copy writing in {@code newStyle}. */
  public PromptComposer withStyle(PromptStyle newStyle) {
    return builder().style(newStyle).constraintFormat(constraintFormat).glossary(glossary).build();
  }

  /** The Phase-1 message. */
  public OptimizedPrompt initial(XmlElement disruption, XmlElement data, Task task) {
    XmlElement root = XmlElement.builder("phase1").child(section(disruption, "disruption"))
        .child(section(data, "data")).child(taskElement(task)).build();
    return render(OPEN_INITIAL, root, task);
  }

  /** The Phase-2 message: Phase 1 plus the peers' Phase-1 recommendations. */
  public OptimizedPrompt revision(XmlElement disruption, XmlElement data, List<Recommendation> peers, Task task) {
    XmlElement.Builder context = XmlElement.builder("context");
    peers.forEach(p -> context.child(recommendation(p)));
    XmlElement root = XmlElement.builder("phase2").child(section(disruption, "disruption"))
        .child(section(data, "data")).child(context.build()).child(taskElement(task)).build();
    return render(OPEN_REVISION, root, task);
  }

  /**
   * The Phase-2 message that continues the Phase-1 conversation ({@code AgentSpec.revisionFollowUp}):
   * {@code <phase2>} with only the peers' {@code <context>} and the {@code <task>}; the disruption
   * and the data are in the Phase-1 turn the model is shown again.
   */
  public OptimizedPrompt followUp(List<Recommendation> peers, Task task) {
    XmlElement.Builder context = XmlElement.builder("context");
    peers.forEach(p -> context.child(recommendation(p)));
    XmlElement root = XmlElement.builder("phase2").child(context.build()).child(taskElement(task)).build();
    return render(OPEN_FOLLOW_UP, root, task);
  }

  /**
   * The arbitration message.
   *
   * @param options an {@code <options>} element built by the arbitrator (one child per option)
   * @param input   what the arbitrator is given; {@code <missing>} (its agents without a
   *                recommendation) is left out when there are none
   */
  public OptimizedPrompt arbitration(XmlElement disruption, ArbitrationInput input, XmlElement options, Task task) {
    XmlElement.Builder recs = XmlElement.builder("recs");
    input.revised().forEach(r -> recs.child(recommendation(r, false)));
    XmlElement.Builder root = XmlElement.builder("arbitration").child(section(disruption, "disruption"))
        .child(recs.build()).child(safety(input)).child(section(options, "options"));
    if (!input.missing().isEmpty()) {
      root.child(XmlElement.text("missing", String.join(",", input.missingNames())));
    }
    return render(OPEN_ARBITRATION, root.child(taskElement(task)).build(), task);
  }

  /**
   * {@code <safety>}: every SAFETY constraint the engine checks the ruling against, and
   * {@code <checked ac crew>}, the aircraft and crew a plan may use.
   */
  private XmlElement safety(ArbitrationInput input) {
    XmlElement.Builder b = XmlElement.builder("safety");
    List<XmlElement> cs = new ArrayList<>(input.safetyConstraints().size());
    for (BindingConstraint c : input.safetyConstraints()) {
      cs.add(constraintFormat.toXml(c));
    }
    b.children(mergeSubjects(cs));
    CheckedResources checked = input.checked();
    b.child(XmlElement.builder("checked").attr("ac", checked.aircraft().isEmpty() ? null : String.join(",", checked.aircraft()))
        .attr("crew", checked.crew().isEmpty() ? null : String.join(",", checked.crew())));
    return b.build();
  }

  /**
   * {@code <agent name tier act conf clr>} with constraints, figures and {@code <why>}; {@code clr}
   * (SAFETY only) is {@code 1} when the agent clears the flight, else the reason it cannot.
   */
  public XmlElement recommendation(Recommendation r) {
    return recommendation(r, true);
  }

  private XmlElement recommendation(Recommendation r, boolean withConstraints) {
    Clearance clr = r.clearance();
    XmlElement.Builder b = XmlElement.builder("agent").attr("name", r.agent()).attr("tier", r.tier())
        .attr("act", r.action()).attr("conf", PromptValues.ratio(r.confidence()))
        .attr("clr", r.tier() != Tier.SAFETY ? null : clr.isCleared() ? "1" : String.valueOf(clr.reason()));
    if (withConstraints) {
      List<XmlElement> cs = new ArrayList<>(r.constraints().size());
      for (BindingConstraint c : r.constraints()) {
        cs.add(constraintFormat.toXml(c));
      }
      b.children(mergeSubjects(cs));
    }
    r.figures().forEach((k, v) -> b.child(XmlElement.builder("f").attr("k", k).attr("v", v)));
    if (!r.reasoning().isEmpty()) {
      b.child(XmlElement.text("why", r.reasoning()));
    }
    return b.build();
  }

  /**
   * Adjacent constraint elements that differ only in their subject {@code s} become one element
   * with the subjects comma-separated (an 18-strong crew's duty limits with one release time are
   * one element, not 18). Only when no subject contains a comma, so the list reads back exactly.
   */
  static List<XmlElement> mergeSubjects(List<XmlElement> elements) {
    return mergeConstraintSubjects(elements);
  }

  /**
   * Adjacent constraint elements that differ only in their subject {@code s} as one element with
   * the subjects comma-separated, as every prompt of this composer writes them.
   */
  public static List<XmlElement> mergeConstraintSubjects(List<XmlElement> elements) {
    List<XmlElement> out = new ArrayList<>(elements.size());
    int i = 0;
    while (i < elements.size()) {
      XmlElement first = elements.get(i);
      List<String> subjects = new ArrayList<>();
      int j = i;
      while (j < elements.size() && sameButSubject(first, elements.get(j))) {
        subjects.add(elements.get(j).attr("s"));
        j++;
      }
      if (j - i < 2) {
        out.add(first);
        i++;
        continue;
      }
      XmlElement.Builder merged = XmlElement.builder(first.name());
      first.attributes().forEach((k, v) -> merged.attr(k, k.equals("s") ? String.join(",", subjects) : v));
      out.add(merged.text(first.text()).children(first.children()).build());
      i = j;
    }
    return out;
  }

  private static boolean sameButSubject(XmlElement a, XmlElement b) {
    String sa = a.attr("s");
    String sb = b.attr("s");
    if (sa == null || sb == null || sa.contains(",") || sb.contains(",") || !a.name().equals(b.name())
        || !a.text().equals(b.text()) || !a.children().equals(b.children())
        || !List.copyOf(a.attributes().keySet()).equals(List.copyOf(b.attributes().keySet()))) {
      return false;
    }
    for (Map.Entry<String, String> e : a.attributes().entrySet()) {
      if (!e.getKey().equals("s") && !e.getValue().equals(b.attr(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  private OptimizedPrompt render(String opening, XmlElement root, Task task) {
    String text = style == PromptStyle.XML ? PromptXml.render(root) : verbose.render(opening, root, task.prose());
    return OptimizedPrompt.of(style, text);
  }

  private static XmlElement section(XmlElement e, String expected) {
    Objects.requireNonNull(e, expected);
    if (!e.name().equals(expected)) {
      throw new IllegalArgumentException("expected a <" + expected + "> element but got <" + e.name() + ">");
    }
    return e;
  }

  private static XmlElement taskElement(Task task) {
    return XmlElement.text("task", task.compact());
  }

  /** Builds a {@link PromptComposer}. Not thread-safe. */
  public static final class Builder {
    private final io.skymarshal.core.spi.BuilderSettings given = new io.skymarshal.core.spi.BuilderSettings();

    private PromptStyle style = PromptStyle.XML;
    private ConstraintFormat constraintFormat = ConstraintFormat.generic();
    private final Map<String, String> glossary = new LinkedHashMap<>();

    private Builder() {}

    public Builder style(PromptStyle style) {
      given.once("style");
      this.style = Objects.requireNonNull(style, "style");
      return this;
    }

    public Builder constraintFormat(ConstraintFormat constraintFormat) {
      given.once("constraintFormat");
      this.constraintFormat = Objects.requireNonNull(constraintFormat, "constraintFormat");
      return this;
    }

    /** Descriptive names for VERBOSE, by compact element or attribute name; added to those set before. */
    public Builder glossary(Map<String, String> names) {
      given.once("glossary");
      names.forEach((k, v) -> glossary.put(Objects.requireNonNull(k, "name"), Objects.requireNonNull(v, "long name")));
      return this;
    }

    public PromptComposer build() {
      return new PromptComposer(this);
    }
  }
}
