package io.skymarshal.dynamo;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Maps between a key and a record and DynamoDB's attribute maps for one table. Implementations
 * are stateless and thread-safe; the airline's hand-written ones are in {@link AirlineItemMappers}.
 *
 * <p>An item read back through {@link #fromItem} after {@link #toItem} equals the record written.
 *
 * @param <K> the key type
 * @param <V> the record type
 */
public interface ItemMapper<K, V> {

  /** The names of the table's key attributes: the partition key, then the sort key if any. */
  List<String> keyAttributes();

  /** The primary key of {@code key}: exactly the {@link #keyAttributes()}. */
  Map<String, AttributeValue> toKey(K key);

  /** The whole item for {@code value}, key attributes included; absent optional fields are left out. */
  Map<String, AttributeValue> toItem(V value);

  /**
   * The record held by {@code item}.
   *
   * @throws IllegalArgumentException if the item lacks an attribute the record needs or holds a bad value
   */
  V fromItem(Map<String, AttributeValue> item);
}
