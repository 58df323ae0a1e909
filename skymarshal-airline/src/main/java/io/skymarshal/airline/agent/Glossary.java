package io.skymarshal.airline.agent;

import java.util.Map;

/**
 * Descriptive names for the compact element and attribute names of airline prompts: the field
 * names of the VERBOSE rendering, as the earlier system's JSON dumps spelled them.
 */
final class Glossary {
  static final Map<String, String> NAMES = Map.ofEntries(
      Map.entry("disruption", "disruption"), Map.entry("sev", "severity"), Map.entry("at", "detected_at"),
      Map.entry("delay", "expected_delay_minutes"), Map.entry("flt", "flight"), Map.entry("no", "flight_number"),
      Map.entry("from", "from"), Map.entry("to", "to"), Map.entry("dep", "departure_utc"),
      Map.entry("arr", "arrival_utc"), Map.entry("reg", "aircraft_registration"), Map.entry("impact", "impact"),
      Map.entry("pax", "passengers"), Map.entry("vip", "vip_passengers"), Map.entry("conn", "connecting"),
      Map.entry("cargo", "cargo_shipments"), Map.entry("crew", "crew"), Map.entry("special", "special_cargo"),
      Map.entry("desc", "description"), Map.entry("fact", "facts"), Map.entry("k", "key"), Map.entry("v", "value"),
      Map.entry("est", "current_estimate"), Map.entry("roster", "crew_roster"), Map.entry("pilots", "pilot_count"),
      Map.entry("start", "duty_start_utc"), Map.entry("end", "planned_duty_end_utc"), Map.entry("m", "crew_members"),
      Map.entry("pos", "position"), Map.entry("unq", "not_qualified_on_aircraft_type"),
      Map.entry("reserve", "reserve_crew"), Map.entry("r", "reserve_crew_members"), Map.entry("until", "until_utc"),
      Map.entry("ac", "aircraft"), Map.entry("mel", "open_mel_items"), Map.entry("cat", "category"),
      Map.entry("raised", "raised_utc"), Map.entry("due", "due_utc"), Map.entry("restr", "restriction"),
      Map.entry("wo", "open_work_orders"), Map.entry("min", "duration_minutes"),
      Map.entry("grounds", "grounds_aircraft_when_overdue"), Map.entry("apt", "airports"), Map.entry("iata", "iata_code"),
      Map.entry("zone", "time_zone"), Map.entry("curfew", "curfew_local_time"), Map.entry("slot", "slot_coordinated"),
      Map.entry("sched", "scheduled_times"), Map.entry("delayed", "delayed_times"),
      Map.entry("depL", "departure_local_time"), Map.entry("arrL", "arrival_local_time"),
      Map.entry("rot", "aircraft_rotation"), Map.entry("leg", "flights"), Map.entry("this", "is_disrupted_flight"),
      Map.entry("n", "count"), Map.entry("first", "first_class"), Map.entry("business", "business_class"),
      Map.entry("economy", "economy_class"), Map.entry("platinum", "platinum_members"),
      Map.entry("gold", "gold_members"), Map.entry("silver", "silver_members"),
      Map.entry("ssr", "special_service_requests"), Map.entry("mct", "minimum_connection_time_minutes"),
      Map.entry("route", "route"), Map.entry("km", "distance_km"), Map.entry("eur", "eu261_compensation_eur"),
      Map.entry("ship", "shipments"), Map.entry("awb", "air_waybill"), Map.entry("com", "commodity"),
      Map.entry("kg", "weight_kg"), Map.entry("shc", "special_handling_codes"), Map.entry("temp", "temperature_control"),
      Map.entry("usd", "declared_value_usd"), Map.entry("cost", "cost_parameters_usd"),
      Map.entry("delayMin", "delay_cost_per_minute"), Map.entry("careHr", "passenger_care_per_hour"),
      Map.entry("hotel", "hotel_per_passenger"), Map.entry("reprot", "reprotection_per_passenger"),
      Map.entry("cancel", "cancellation_fixed_cost"), Map.entry("swap", "aircraft_swap_fixed_cost"),
      Map.entry("callout", "reserve_crew_call_out"), Map.entry("offloadKg", "cargo_offload_per_kg"),
      Map.entry("usdEur", "usd_per_eur"), Map.entry("context", "other_agents_recommendations"),
      Map.entry("agent", "recommendations"), Map.entry("act", "action"), Map.entry("conf", "confidence"),
      Map.entry("c", "binding_constraints"), Map.entry("s", "subject"), Map.entry("latest", "latest_release_utc"),
      Map.entry("post", "post_flight_minutes"), Map.entry("buf", "buffer_minutes"), Map.entry("mv", "movement"),
      Map.entry("latestDep", "latest_departure_utc"), Map.entry("f", "figures"), Map.entry("why", "reasoning"),
      Map.entry("recs", "revised_recommendations"), Map.entry("options", "options"), Map.entry("opt", "option"),
      Map.entry("sum", "summary"), Map.entry("ok", "keeps_all_safety_constraints"),
      Map.entry("viol", "violations"), Map.entry("missing", "missing_agents"), Map.entry("unread", "unread_keys"),
      Map.entry("notfound", "keys_not_found"), Map.entry("t", "table"), Map.entry("keys", "keys"),
      Map.entry("data", "operational_data"));

  private Glossary() {}
}
