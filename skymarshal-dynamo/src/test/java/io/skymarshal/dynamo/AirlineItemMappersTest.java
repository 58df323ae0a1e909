package io.skymarshal.dynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skymarshal.airline.AirlineDataset;
import io.skymarshal.airline.CargoShipment;
import io.skymarshal.airline.CrewMember;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class AirlineItemMappersTest {
  private final AirlineDataset d = AirlineFixture.dataset();

  private static <K, V> void roundTrips(ItemMapper<K, V> mapper, List<V> values, Function<V, K> keyOf) {
    assertThat(values).isNotEmpty();
    for (V v : values) {
      Map<String, AttributeValue> item = mapper.toItem(v);
      assertThat(mapper.fromItem(item)).isEqualTo(v);
      // the key is exactly the key attributes of the item
      Map<String, AttributeValue> key = mapper.toKey(keyOf.apply(v));
      assertThat(key.keySet()).containsExactlyInAnyOrderElementsOf(mapper.keyAttributes());
      key.forEach((name, value) -> assertThat(item).containsEntry(name, value));
    }
  }

  @Test
  void everyMapper_roundTripsEveryRecordOfTheFixture() {
    roundTrips(AirlineItemMappers.flights(), d.flights(), f -> f.key());
    roundTrips(AirlineItemMappers.aircraft(), d.aircraft(), a -> a.registration());
    roundTrips(AirlineItemMappers.airports(), d.airports(), a -> a.iata());
    roundTrips(AirlineItemMappers.crewMembers(), d.crewMembers(), CrewMember::id);
    roundTrips(AirlineItemMappers.reserveCrew(), d.reserveCrews(), r -> r.base());
    roundTrips(AirlineItemMappers.passengers(), d.passengers(), p -> p.id());
    roundTrips(AirlineItemMappers.bookings(), d.bookings(), b -> b.id());
    roundTrips(AirlineItemMappers.cargoShipments(), d.cargo(), CargoShipment::awb);
    roundTrips(AirlineItemMappers.costParameters(), d.costParameters(), c -> c.id());
  }

  @Test
  void emptySets_areLeftOutBecauseDynamoDbRejectsEmptySets() {
    CrewMember noQualifications = d.crewMembers().get(2);
    assertThat(noQualifications.qualifications()).isEmpty();
    assertThat(AirlineItemMappers.crewMembers().toItem(noQualifications)).doesNotContainKey("qualifications");
    assertThat(AirlineItemMappers.crewMembers().toItem(d.crewMembers().get(0)).get("qualifications").ss())
        .containsExactly("A380", "B789");
  }

  @Test
  void decimals_areStoredAsExactStringsSoTheirScaleSurvives() {
    CargoShipment c = d.cargo().get(2);
    AttributeValue v = AirlineItemMappers.cargoShipments().toItem(c).get("declared_value_usd");
    assertThat(v.s()).isEqualTo("1.50");
    assertThat(AirlineItemMappers.cargoShipments().toItem(c).get("weight_kg").n()).isEqualTo("80.25");
  }

  @Test
  void fromItem_whenAnAttributeIsMissing_failsNamingIt() {
    Map<String, AttributeValue> item = new HashMap<>(AirlineItemMappers.flights().toItem(d.flights().get(0)));
    item.remove("origin");
    assertThatThrownBy(() -> AirlineItemMappers.flights().fromItem(item))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'origin'");
    Map<String, AttributeValue> wrongType = new HashMap<>(AirlineItemMappers.passengers().toItem(d.passengers().get(0)));
    wrongType.put("vip", AttributeValue.fromS("yes"));
    assertThatThrownBy(() -> AirlineItemMappers.passengers().fromItem(wrongType))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'vip'");
  }

  @Test
  void absentOptionalFields_areLeftOutAndReadBackAsAbsent() {
    var pointToPoint = d.bookings().get(0);
    assertThat(pointToPoint.connectingFlight()).isNull();
    assertThat(AirlineItemMappers.bookings().toItem(pointToPoint)).doesNotContainKeys("connecting_flight", "connection_type");
    var noCurfew = d.airports().get(0);
    assertThat(AirlineItemMappers.airports().toItem(noCurfew)).doesNotContainKey("curfew");
  }
}
