package io.skymarshal.dynamo;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Maps all the items sharing one partition key of a table or index (e.g. every booking of a
 * flight) to one value, for {@link IndexQueryReader}. Stateless and thread-safe.
 *
 * @param <K> the key type
 * @param <V> the value gathered from the partition's items
 */
public interface GroupMapper<K, V> {

  /** The partition key attribute queried. */
  String partitionAttribute();

  /** The partition key value of {@code key}. */
  AttributeValue partitionValue(K key);

  /**
   * The value of {@code key} from its partition's items, in the order the query returned them;
   * null to report the key missing. May be called with no items.
   *
   * @throws IllegalArgumentException if an item cannot be mapped
   */
  V fromItems(K key, List<Map<String, AttributeValue>> items);
}
