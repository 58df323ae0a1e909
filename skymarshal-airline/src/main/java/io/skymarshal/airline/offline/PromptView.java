package io.skymarshal.airline.offline;

import io.skymarshal.airline.agent.ConstraintXml;
import io.skymarshal.core.BindingConstraint;
import io.skymarshal.prompt.PromptParseException;
import io.skymarshal.prompt.PromptValues;
import io.skymarshal.prompt.XmlElement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The offline model's reading of one prompt: the parsed XML with typed access to the parts every
 * decision needs. Values come only from the prompt, never from a data store. Missing values
 * fail with a {@link PromptParseException} naming them.
 */
final class PromptView {
  private final XmlElement root;
  private final XmlElement disruption;
  private final XmlElement flight;

  PromptView(XmlElement root) {
    this.root = root;
    this.disruption = required(root, "disruption");
    this.flight = required(disruption, "flt");
  }

  XmlElement root() {
    return root;
  }

  /** The agent's {@code <data>}, or an empty element (the arbitrator has none). */
  XmlElement data() {
    XmlElement d = root.child("data");
    return d == null ? XmlElement.builder("data").build() : d;
  }

  String flightNumber() {
    return attr(flight, "no");
  }

  /**
   * The planned aircraft: the disruption's, else the one in the data ({@code <ac reg>}) or the
   * one maintenance reported (figure {@code reg}); null if none is known.
   */
  String registration() {
    if (flight.attr("reg") != null) {
      return flight.attr("reg");
    }
    XmlElement ac = planned();
    if (ac != null && ac.attr("reg") != null) {
      return ac.attr("reg");
    }
    XmlElement rot = data().child("rot");
    if (rot != null && rot.attr("reg") != null) {
      return rot.attr("reg");
    }
    return agents().stream().filter(p -> "maintenance".equals(p.name())).map(p -> p.figures().get("reg"))
        .filter(r -> r != null && !r.isBlank()).findFirst().orElse(null);
  }

  Instant scheduledDeparture() {
    return time(flight, "dep");
  }

  Instant scheduledArrival() {
    return time(flight, "arr");
  }

  /** The expected delay of the disruption. */
  Duration delay() {
    return Duration.ofMinutes(number(disruption, "delay").longValue());
  }

  String type() {
    return disruption.attr("type") == null ? "" : disruption.attr("type").toLowerCase(Locale.ROOT);
  }

  /** Passengers on the flight from the disruption's impact; 0 when not known. */
  int passengers() {
    XmlElement i = disruption.child("impact");
    return i == null || i.attr("pax") == null ? 0 : Integer.parseInt(i.attr("pax"));
  }

  /** The first fact whose name ends with {@code suffix} (facts are named by dotted path), or null. */
  String fact(String suffix) {
    for (XmlElement f : disruption.children("fact")) {
      String k = f.attr("k");
      if (k != null && (k.equals(suffix) || k.endsWith("." + suffix))) {
        return f.attr("v");
      }
    }
    return null;
  }

  /**
   * Whether the data notes keys it could not read, or did not find where an item was expected:
   * a base without reserve crew, or a flight without bookings or cargo, is a fact, not a gap.
   */
  boolean dataIncomplete() {
    XmlElement d = data();
    return !d.children("unread").isEmpty() || d.children("notfound").stream()
        .anyMatch(n -> !NONE_WHEN_ABSENT.contains(n.attr("t")));
  }

  private static final java.util.Set<String> NONE_WHEN_ABSENT = java.util.Set.of("reserve_crew", "bookings", "cargo");

  /** The peers' (Phase 2) or revised (arbitration) recommendations, in prompt order. */
  List<Peer> agents() {
    XmlElement holder = root.child("context") != null ? root.child("context") : root.child("recs");
    if (holder == null) {
      return List.of();
    }
    List<Peer> out = new ArrayList<>();
    for (XmlElement a : holder.children("agent")) {
      List<BindingConstraint> cs = new ArrayList<>();
      for (XmlElement c : a.children("c")) {
        cs.addAll(ConstraintXml.fromXml(c));
      }
      Map<String, String> figs = new LinkedHashMap<>();
      a.children("f").forEach(f -> figs.put(f.attr("k"), f.attr("v")));
      out.add(new Peer(a.attr("name"), a.attr("tier"), a.attr("act"), Double.parseDouble(attr(a, "conf")), cs, figs));
    }
    return out;
  }

  /**
   * The SAFETY constraints known to this prompt: in arbitration the {@code <safety>} set the engine
   * checks; otherwise the agent's own {@code <bound>} ones and those of its SAFETY peers.
   */
  List<BindingConstraint> safetyConstraints() {
    List<BindingConstraint> out = new ArrayList<>();
    XmlElement safety = root.child("safety");
    if (safety != null) {
      safety.children("c").forEach(c -> out.addAll(ConstraintXml.fromXml(c)));
      return out;
    }
    out.addAll(boundConstraints());
    agents().stream().filter(p -> "SAFETY".equals(p.tier())).forEach(p -> out.addAll(p.constraints()));
    return out;
  }

  /** The planned aircraft's record in the data ({@code <ac>} without a role), or null. */
  XmlElement planned() {
    return data().children("ac").stream().filter(a -> a.attr("role") == null).findFirst().orElse(null);
  }

  /** The constraints the agent computed in code ({@code <bound>}); empty when there are none. */
  List<BindingConstraint> boundConstraints() {
    XmlElement b = data().child("bound");
    List<BindingConstraint> out = new ArrayList<>();
    if (b != null) {
      b.children("c").forEach(c -> out.addAll(ConstraintXml.fromXml(c)));
    }
    return out;
  }

  /** Why the data does not allow a clearance ({@code <bound why>}), or null when it does or says nothing. */
  String notClearedBecause() {
    XmlElement b = data().child("bound");
    if (b == null || "1".equals(b.attr("clr"))) {
      return null;
    }
    return b.attr("clr") + (b.attr("why") == null ? "" : ": " + b.attr("why"));
  }

  /** One recommendation as the prompt shows it. */
  record Peer(String name, String tier, String action, double confidence, List<BindingConstraint> constraints,
      Map<String, String> figures) {}

  static XmlElement required(XmlElement parent, String name) {
    XmlElement c = parent.child(name);
    if (c == null) {
      throw new PromptParseException("<" + parent.name() + "> has no <" + name + ">");
    }
    return c;
  }

  static String attr(XmlElement e, String name) {
    String v = e.attr(name);
    if (v == null) {
      throw new PromptParseException("<" + e.name() + "> has no attribute " + name);
    }
    return v;
  }

  static Instant time(XmlElement e, String name) {
    return PromptValues.parseTime(attr(e, name));
  }

  static Double number(XmlElement e, String name) {
    try {
      return Double.valueOf(attr(e, name));
    } catch (NumberFormatException ex) {
      throw new PromptParseException("<" + e.name() + "> attribute " + name + " is not a number: " + e.attr(name));
    }
  }

  /** {@code name} as a number, or {@code fallback} when absent. */
  static double number(XmlElement e, String name, double fallback) {
    return e.attr(name) == null ? fallback : number(e, name);
  }
}
