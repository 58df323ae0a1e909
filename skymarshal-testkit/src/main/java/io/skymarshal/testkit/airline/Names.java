package io.skymarshal.testkit.airline;

import java.util.List;
import java.util.Random;

/** Person names for generated crew and passengers. */
final class Names {
  private static final List<String> FIRST = List.of("Aisha", "Omar", "Fatima", "Ahmed", "Layla", "Yusuf", "Mariam",
      "Khalid", "Sara", "Hassan", "Priya", "Rahul", "Anita", "Vikram", "Emma", "James", "Olivia", "Liam", "Sophie",
      "Noah", "Chen", "Mei", "Hiroshi", "Yuki", "Min-jun", "Ji-woo", "Lucas", "Ana", "Mateo", "Elena", "Kwame",
      "Amara", "Tariq", "Noura", "Ivan", "Olga", "Lars", "Ingrid", "Pierre", "Claire");
  private static final List<String> LAST = List.of("Al Mansoori", "Al Hashimi", "Khan", "Sharma", "Patel", "Nair",
      "Smith", "Jones", "Brown", "Wilson", "Müller", "Schmidt", "Rossi", "García", "Martin", "Dubois", "Wang", "Li",
      "Tanaka", "Sato", "Kim", "Park", "Silva", "Santos", "Mensah", "Okafor", "Haddad", "Nasser", "Ivanov", "Berg",
      "O'Brien", "Murphy", "Fernando", "Perera", "Rahman", "Hossain", "Shrestha", "Mostafa", "van Dijk", "Novak");

  private Names() {}

  static String person(Random r) {
    return FIRST.get(r.nextInt(FIRST.size())) + " " + LAST.get(r.nextInt(LAST.size()));
  }
}
