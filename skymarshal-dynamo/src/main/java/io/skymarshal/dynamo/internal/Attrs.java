package io.skymarshal.dynamo.internal;

import io.skymarshal.airline.FlightKey;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Conversions between attribute values and Java values for the hand-written mappers. Reading a
 * missing or mistyped attribute fails with the attribute's name; empty sets are stored as absent
 * attributes (DynamoDB rejects empty sets) and read back as empty.
 */
public final class Attrs {
  private Attrs() {}

  /** Builds an item, leaving out null values. */
  public static final class Item {
    private final Map<String, AttributeValue> map = new HashMap<>();

    public Item put(String name, AttributeValue v) {
      if (v != null) {
        map.put(name, v);
      }
      return this;
    }

    public Item s(String name, Object v) {
      return put(name, v == null ? null : AttributeValue.fromS(v.toString()));
    }

    public Item n(String name, Number v) {
      if (v == null) {
        return this;
      }
      // plain digits: DynamoDB numbers take no exponent spelled the Java way, and a double's
      // shortest decimal form reads back as the same double
      BigDecimal d = v instanceof BigDecimal b ? b
          : v instanceof Double || v instanceof Float ? BigDecimal.valueOf(v.doubleValue())
          : new BigDecimal(v.toString());
      return put(name, AttributeValue.fromN(d.toPlainString()));
    }

    /** An exact decimal, as a string; see {@link Attrs#decimal}. */
    public Item decimal(String name, BigDecimal v) {
      return put(name, v == null ? null : AttributeValue.fromS(v.toPlainString()));
    }

    public Item bool(String name, boolean v) {
      return put(name, AttributeValue.fromBool(v));
    }

    public Item ss(String name, Collection<?> values) {
      if (values.isEmpty()) {
        return this;
      }
      List<String> list = new ArrayList<>();
      values.forEach(v -> list.add(v instanceof Enum<?> e ? e.name() : v.toString()));
      list.sort(null);
      return put(name, AttributeValue.fromSs(list));
    }

    public <T> Item list(String name, List<T> values, Function<T, Map<String, AttributeValue>> each) {
      List<AttributeValue> l = new ArrayList<>(values.size());
      values.forEach(v -> l.add(AttributeValue.fromM(each.apply(v))));
      return put(name, AttributeValue.fromL(l));
    }

    public Map<String, AttributeValue> build() {
      return map;
    }
  }

  public static Item item() {
    return new Item();
  }

  /** {@code EY123#2026-01-30}: a flight key in one attribute, for GSI partition keys. */
  public static String flightKey(FlightKey k) {
    return k.flightNumber() + "#" + k.date();
  }

  public static FlightKey flightKey(String s) {
    int i = s.indexOf('#');
    if (i < 0) {
      throw new IllegalArgumentException("flight key '" + s + "' is not NUMBER#DATE");
    }
    return new FlightKey(s.substring(0, i), LocalDate.parse(s.substring(i + 1)));
  }

  private static AttributeValue required(Map<String, AttributeValue> item, String name) {
    AttributeValue v = item.get(name);
    if (v == null || Boolean.TRUE.equals(v.nul())) {
      throw new IllegalArgumentException("attribute '" + name + "' is missing from the item");
    }
    return v;
  }

  public static String s(Map<String, AttributeValue> item, String name) {
    String s = required(item, name).s();
    if (s == null) {
      throw new IllegalArgumentException("attribute '" + name + "' is not a string");
    }
    return s;
  }

  /** The string, or null when the attribute is absent. */
  public static String optS(Map<String, AttributeValue> item, String name) {
    return item.containsKey(name) ? s(item, name) : null;
  }

  public static BigDecimal n(Map<String, AttributeValue> item, String name) {
    String n = required(item, name).n();
    if (n == null) {
      throw new IllegalArgumentException("attribute '" + name + "' is not a number");
    }
    return new BigDecimal(n);
  }

  /**
   * An exact decimal, stored as a string: DynamoDB normalizes numbers ({@code 1.50} to {@code 1.5}),
   * which would change a {@link BigDecimal}'s scale and so its equality.
   */
  public static BigDecimal decimal(Map<String, AttributeValue> item, String name) {
    AttributeValue v = required(item, name);
    String text = v.s() != null ? v.s() : v.n();
    if (text == null) {
      throw new IllegalArgumentException("attribute '" + name + "' is not a decimal");
    }
    return new BigDecimal(text);
  }

  public static boolean bool(Map<String, AttributeValue> item, String name) {
    Boolean b = required(item, name).bool();
    if (b == null) {
      throw new IllegalArgumentException("attribute '" + name + "' is not a boolean");
    }
    return b;
  }

  public static Instant instant(Map<String, AttributeValue> item, String name) {
    return Instant.parse(s(item, name));
  }

  public static LocalDate date(Map<String, AttributeValue> item, String name) {
    return LocalDate.parse(s(item, name));
  }

  public static Duration duration(Map<String, AttributeValue> item, String name) {
    return Duration.parse(s(item, name));
  }

  public static <E extends Enum<E>> E enumValue(Map<String, AttributeValue> item, String name, Class<E> type) {
    return Enum.valueOf(type, s(item, name));
  }

  /** A string set; empty when the attribute is absent. */
  public static Set<String> ss(Map<String, AttributeValue> item, String name) {
    AttributeValue v = item.get(name);
    return v == null ? Set.of() : Set.copyOf(v.ss());
  }

  public static <E extends Enum<E>> Set<E> enumSet(Map<String, AttributeValue> item, String name, Class<E> type) {
    EnumSet<E> set = EnumSet.noneOf(type);
    ss(item, name).forEach(s -> set.add(Enum.valueOf(type, s)));
    return set;
  }

  public static <T> List<T> list(Map<String, AttributeValue> item, String name,
      Function<Map<String, AttributeValue>, T> each) {
    List<AttributeValue> l = required(item, name).l();
    List<T> out = new ArrayList<>(l.size());
    for (AttributeValue v : l) {
      out.add(each.apply(v.m()));
    }
    return out;
  }

  public static Map<String, AttributeValue> m(Map<String, AttributeValue> item, String name) {
    return required(item, name).m();
  }
}
