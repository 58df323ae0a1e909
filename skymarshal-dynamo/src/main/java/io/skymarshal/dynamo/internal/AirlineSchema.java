package io.skymarshal.dynamo.internal;

import java.time.LocalDate;

/** Attribute names shared by the airline mappers and the table layout. */
public final class AirlineSchema {
  private AirlineSchema() {}

  public static final String FLIGHT_NUMBER = "flight_number";
  public static final String FLIGHT_DATE = "flight_date";
  /** {@code A6-APA#2026-01-30}: partition key of the rotation index on flights. */
  public static final String AIRCRAFT_DAY = "aircraft_day";
  /** {@code EY123#2026-01-30}: partition key of the by-flight indexes. */
  public static final String FLIGHT_KEY = "flight_key";
  /** A row's place in its flight's list, so a by-flight read returns rows in their original order. */
  public static final String SEQ = "seq";
  public static final String REGISTRATION = "registration";
  public static final String IATA = "iata";
  public static final String CREW_ID = "crew_id";
  public static final String BASE = "base";
  public static final String PASSENGER_ID = "passenger_id";
  public static final String BOOKING_ID = "booking_id";
  public static final String AWB = "awb";
  public static final String ID = "id";

  public static String aircraftDay(String registration, LocalDate date) {
    return registration + "#" + date;
  }
}
