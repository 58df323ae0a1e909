package io.skymarshal.airline.offline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skymarshal.airline.constraint.CrewDutyLimit;
import io.skymarshal.airline.rules.ArbitrationWeights;
import io.skymarshal.core.BindingConstraint;
import io.skymarshal.prompt.PromptValues;
import io.skymarshal.prompt.XmlElement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The arbitrator: only options the prompt marks {@code ok="1"} (checked in code against every
 * SAFETY constraint) are candidates; among them it scores safety margin, cost, passengers and
 * network with the weights, each goal normalised across the candidates from the business
 * agents' figures (1 = best, 0.5 when a figure is missing), and rules on the best, explaining
 * why. Confidence drops for missing agents, a narrow lead, and never exceeds a SAFETY agent's
 * confidence below the escalation threshold.
 */
final class ArbitrationDecider {
  private static final double EUR_PER_PASSENGER = 400;
  private static final double CANCELLED_LEG_MINUTES = 180;
  private final ArbitrationWeights weights;

  ArbitrationDecider(ArbitrationWeights weights) {
    this.weights = weights;
  }

  /** A scored option. */
  private record Scored(XmlElement opt, double[] raw, double score) {}

  String decide(PromptView v) {
    List<PromptView.Peer> recs = v.agents();
    List<XmlElement> opts = PromptView.required(v.root(), "options").children("opt");
    // an operating option must name its aircraft to be a candidate
    List<XmlElement> ok = opts.stream().filter(o -> "1".equals(o.attr("ok"))
        && ("CANCEL".equals(o.attr("act")) || (o.attr("reg") != null && o.attr("dep") != null && o.attr("arr") != null)))
        .toList();
    if (ok.isEmpty()) {
      ok = opts.stream().filter(o -> "CANCEL".equals(o.attr("act"))).toList();
    }
    if (ok.isEmpty()) {
      throw new io.skymarshal.prompt.PromptParseException("no option keeps the safety constraints and none cancels");
    }
    List<double[]> raws = new ArrayList<>();
    for (XmlElement o : ok) {
      raws.add(raw(o, recs));
    }
    List<Scored> scored = new ArrayList<>();
    for (int i = 0; i < ok.size(); i++) {
      double[] goals = new double[4];
      // the safety margin is absolute (an applied restriction costs 0.1, a crew change 0.05);
      // the business goals are relative to the other candidates
      goals[0] = 1 - raws.get(i)[0];
      for (int g = 1; g < 4; g++) {
        goals[g] = normalised(raws, i, g);
      }
      scored.add(new Scored(ok.get(i), raws.get(i), weights.score(goals[0], goals[1], goals[2], goals[3])));
    }
    Scored best = scored.get(0);
    Scored second = null;
    for (Scored s : scored) {
      if (s.score() > best.score()) {
        best = s;
      }
    }
    for (Scored s : scored) {
      if (s != best && (second == null || s.score() > second.score())) {
        second = s;
      }
    }
    List<String> missing = v.root().child("missing") == null ? List.of()
        : Arrays.stream(v.root().child("missing").text().split(",")).filter(s -> !s.isBlank()).toList();
    double confidence = confidence(recs, missing, best, second, ok.size());
    return ruling(v, recs, opts, best, second, missing, confidence);
  }

  /** Lower-is-better raw values per goal: safety, cost, passengers, network. */
  private static double[] raw(XmlElement o, List<PromptView.Peer> recs) {
    String x = o.attr("act");
    double safety = 0;
    if (o.attr("sum") != null && o.attr("sum").contains("apply restriction")) {
      safety += 0.1;
    }
    if (o.attr("crew") != null) {
      safety += 0.05;
    }
    double cost = sum(figure(recs, "finance", "costUsd." + x), figure(recs, "cargo", "atRiskUsd." + x));
    double pax = sum(figure(recs, "guest_experience", "disruptedPax." + x),
        figure(recs, "guest_experience", "compEur." + x) / EUR_PER_PASSENGER);
    double network = sum(figure(recs, "network", "addedDelayMin." + x),
        figure(recs, "network", "cancelledLegs." + x) * CANCELLED_LEG_MINUTES);
    return new double[] {safety, cost, pax, network};
  }

  private static double sum(double a, double b) {
    if (Double.isNaN(a)) {
      return b;
    }
    return Double.isNaN(b) ? a : a + b;
  }

  private static double figure(List<PromptView.Peer> recs, String agent, String name) {
    for (PromptView.Peer p : recs) {
      if (p.name().equals(agent) && p.figures().containsKey(name)) {
        try {
          return Double.parseDouble(p.figures().get(name));
        } catch (NumberFormatException e) {
          return Double.NaN;
        }
      }
    }
    return Double.NaN;
  }

  private static double normalised(List<double[]> raws, int i, int goal) {
    double v = raws.get(i)[goal];
    if (Double.isNaN(v)) {
      return 0.5;
    }
    double min = Double.MAX_VALUE;
    double max = -Double.MAX_VALUE;
    for (double[] r : raws) {
      if (!Double.isNaN(r[goal])) {
        min = Math.min(min, r[goal]);
        max = Math.max(max, r[goal]);
      }
    }
    return max == min ? 1 : (max - v) / (max - min);
  }

  private double confidence(List<PromptView.Peer> recs, List<String> missing, Scored best, Scored second, int candidates) {
    double c = candidates == 1 ? 0.75 : 0.85;
    c -= 0.1 * missing.size();
    if (second != null && best.score() - second.score() < 0.05) {
      c -= 0.1;
    }
    for (PromptView.Peer p : recs) {
      if ("SAFETY".equals(p.tier()) && weights.escalates(p.confidence())) {
        c = Math.min(c, p.confidence());
      }
    }
    return Math.max(0.05, Math.min(0.95, c));
  }

  private String ruling(PromptView v, List<PromptView.Peer> recs, List<XmlElement> opts, Scored best, Scored second,
      List<String> missing, double confidence) {
    XmlElement o = best.opt();
    String act = o.attr("act");
    boolean operates = !"CANCEL".equals(act);
    ObjectNode r = Reply.object();
    r.put("action", act);
    r.put("operates", operates);
    if (operates) {
      r.put("departure", PromptView.time(o, "dep").toString());
      r.put("arrival", PromptView.time(o, "arr").toString());
      r.put("aircraft", PromptView.attr(o, "reg"));
    }
    List<String> crew = o.attr("crew") == null ? List.of() : List.of(o.attr("crew").split(","));
    r.set("crewReplaced", Reply.strings(crew));
    if (operates && o.attr("add") != null) {
      r.set("crewAdded", Reply.strings(List.of(o.attr("add").split(","))));
    }
    r.put("confidence", Math.round(confidence * 100) / 100.0);
    r.put("summary", o.attr("sum") == null ? act : o.attr("sum"));
    r.put("rationale", rationale(v, recs, opts, best, second, missing));
    r.set("conflictsResolved", Reply.strings(conflicts(recs, opts, act, o)));
    r.set("constraintsHonoured", Reply.strings(honoured(v)));
    return r.toString();
  }

  private static String rationale(PromptView v, List<PromptView.Peer> recs, List<XmlElement> opts, Scored best,
      Scored second, List<String> missing) {
    XmlElement o = best.opt();
    StringBuilder b = new StringBuilder("Option ").append(o.attr("id")).append(" (").append(o.attr("sum"))
        .append(") keeps all ").append(v.safetyConstraints().size()).append(" safety constraints; weighted score ")
        .append(PromptValues.ratio(best.score()));
    if (second != null) {
      b.append(" vs ").append(second.opt().attr("id")).append(' ').append(PromptValues.ratio(second.score()));
    } else {
      b.append(", the only option that does");
    }
    b.append(". ");
    String x = o.attr("act");
    boolean cancel = "CANCEL".equals(x);
    double cost = figure(recs, "finance", "costUsd." + x);
    if (!Double.isNaN(cost)) {
      b.append("Cost USD ").append(Math.round(cost)).append("; ");
    }
    double pax = figure(recs, "guest_experience", (cancel ? "disruptedPax." : "misconnectPax.") + x);
    if (!Double.isNaN(pax)) {
      b.append(Math.round(pax)).append(cancel ? " pax to reprotect; " : " pax misconnect; ");
    }
    double legs = figure(recs, "network", (cancel ? "cancelledLegs." : "addedDelayMin.") + x);
    if (!Double.isNaN(legs)) {
      b.append(cancel ? Math.round(legs) + " legs cancelled. " : "+" + Math.round(legs) + " min on later legs. ");
    }
    List<String> out = new ArrayList<>();
    for (XmlElement other : opts) {
      if ("0".equals(other.attr("ok"))) {
        XmlElement first = other.child("viol");
        String violation = first == null ? "" : first.text();
        int colon = violation.indexOf(':');
        out.add(other.attr("id") + " (" + (colon < 0 ? violation : violation.substring(0, colon)) + ")");
      }
    }
    if (!out.isEmpty()) {
      b.append("Ruled out by safety: ").append(String.join(", ", out)).append(". ");
    }
    if (!missing.isEmpty()) {
      b.append("Decided without ").append(String.join(", ", missing)).append('.');
    }
    return b.toString().strip();
  }

  private static List<String> conflicts(List<PromptView.Peer> recs, List<XmlElement> opts, String act, XmlElement chosen) {
    List<String> out = new ArrayList<>();
    for (PromptView.Peer p : recs) {
      if (!"BUSINESS".equals(p.tier()) || p.action().equals(act)) {
        continue;
      }
      boolean ruledOut = opts.stream().anyMatch(o -> p.action().equals(o.attr("act")) && "0".equals(o.attr("ok")));
      boolean offered = opts.stream().anyMatch(o -> p.action().equals(o.attr("act")));
      out.add(p.name() + " preferred " + p.action() + ": " + (ruledOut ? "it breaks a safety constraint"
          : offered ? "lower weighted score than " + chosen.attr("id") : "not an option here"));
    }
    return out;
  }

  private static List<String> honoured(PromptView v) {
    List<String> out = new ArrayList<>();
    int crew = 0;
    for (BindingConstraint c : v.safetyConstraints()) {
      if (c instanceof CrewDutyLimit) {
        crew++;
      } else {
        out.add(c.describe());
      }
    }
    if (crew > 0) {
      out.add(0, "crew_duty_limit for " + crew + " crew members");
    }
    return out;
  }

}
