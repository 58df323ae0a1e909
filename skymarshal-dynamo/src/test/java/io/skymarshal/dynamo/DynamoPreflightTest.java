package io.skymarshal.dynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skymarshal.preflight.PreflightCheck;
import io.skymarshal.preflight.PreflightCheck.Kind;
import io.skymarshal.preflight.PreflightCheck.Problem;
import io.skymarshal.preflight.PreflightCheck.Status;
import io.skymarshal.preflight.PreflightReport;
import io.skymarshal.testkit.dynamo.DynamoTestClients;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** The DynamoDB preflight through the real SDK client against dynalite. */
class DynamoPreflightTest {
  private static final AtomicInteger SEQ = new AtomicInteger();

  private static AirlineTableLayout freshLayout() {
    return AirlineTableLayout.withPrefix("preflight" + ProcessHandle.current().pid() + "_" + SEQ.incrementAndGet() + "_");
  }

  private static DynamoDbAsyncClient client() {
    return DynamoTestClients.async(TestTables.plain().server().endpoint());
  }

  private static PreflightCheck check(PreflightReport report, Kind kind, String subject) {
    return report.checks().stream().filter(c -> c.kind() == kind && c.subject().equals(subject)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " check of " + subject + " in\n" + report.table()));
  }

  @Test
  void run_whenTheLoaderCreatedTheTables_passesEveryCheck() {
    AirlineTableLayout layout = freshLayout();
    try (DynamoDbAsyncClient c = client()) {
      AirlineLoader loader = AirlineLoader.builder(c).layout(layout).build();
      loader.createTables();
      try {
        PreflightReport report = DynamoPreflight.builder(c).layout(layout).build().run();

        assertThat(report.passed()).as(report.table()).isTrue();
        assertThat(report.checks()).hasSize(3 + layout.tableNames().size())
            .allMatch(ch -> ch.status() == Status.PASSED && ch.service().equals("dynamodb"));
        assertThat(report.checks()).filteredOn(ch -> ch.kind() == Kind.TABLE).extracting(PreflightCheck::subject)
            .containsExactlyElementsOf(layout.tableNames());
        assertThat(check(report, Kind.REGION, "us-east-1").detail()).contains("known to the AWS SDK");
        assertThat(check(report, Kind.CREDENTIALS, "StaticCredentialsProvider").detail())
            .doesNotContain("skymarshal-test");
        assertThat(check(report, Kind.TABLE, layout.flights()).detail())
            .isEqualTo("ACTIVE; key flight_number HASH, flight_date RANGE; index aircraft-day-index");
        assertThat(check(report, Kind.TABLE, layout.bookings()).detail()).contains("flight-index");
      } finally {
        loader.deleteTables();
      }
    }
  }

  @Test
  void run_whenTablesAreMissingOrKeyedOtherwise_failsEachSayingWhatToDo() {
    AirlineTableLayout layout = freshLayout();
    try (DynamoDbAsyncClient c = client()) {
      c.createTable(layout.createTableRequests().get(0)).join();
      // cargo keyed by "id" and without its flight index: made by something else than the layout
      c.createTable(b -> b.tableName(layout.cargo())
          .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
          .attributeDefinitions(AttributeDefinition.builder().attributeName("id").attributeType(ScalarAttributeType.S)
              .build())
          .billingMode(BillingMode.PAY_PER_REQUEST)).join();
      TestTables.plain().awaitActive(layout.flights());
      TestTables.plain().awaitActive(layout.cargo());
      try {
        PreflightReport report = DynamoPreflight.builder(c).layout(layout).build().run();

        assertThat(report.passed()).isFalse();
        assertThat(check(report, Kind.TABLE, layout.flights()).status()).isEqualTo(Status.PASSED);
        PreflightCheck cargo = check(report, Kind.TABLE, layout.cargo());
        assertThat(cargo.problem()).isEqualTo(Problem.WRONG_SCHEMA);
        assertThat(cargo.detail()).contains("key is (id HASH) but the layout's is (awb HASH)")
            .contains("index flight-index is missing");
        assertThat(cargo.remedy()).contains("delete it and create it again");
        PreflightCheck bookings = check(report, Kind.TABLE, layout.bookings());
        assertThat(bookings.problem()).isEqualTo(Problem.NOT_FOUND);
        assertThat(bookings.detail()).isEqualTo("no table " + layout.bookings() + " in region us-east-1 at "
            + TestTables.plain().server().endpoint());
        assertThat(bookings.remedy()).contains("LoadAirline --prefix " + layout.prefix());
        assertThat(report.failures()).hasSize(layout.tableNames().size() - 1);
      } finally {
        c.deleteTable(b -> b.tableName(layout.flights())).join();
        c.deleteTable(b -> b.tableName(layout.cargo())).join();
      }
    }
  }

  @Test
  void run_whenTheEndpointRefusesConnections_failsTheEndpointOnceAndTriesNoOtherTable() throws IOException {
    URI closed = io.skymarshal.testkit.net.RefusedPort.httpUri();
    try (DynamoDbAsyncClient c = DynamoTestClients.async(closed)) {
      // a refusal is immediate; the long bound only keeps a loaded machine's slow client start from
      // turning it into "no answer" (seen with several builds sharing two cores)
      PreflightReport report = DynamoPreflight.builder(c).timeout(Duration.ofSeconds(60)).build().run();

      assertThat(report.failures()).singleElement().satisfies(f -> {
        assertThat(f.kind()).isEqualTo(Kind.ENDPOINT);
        assertThat(f.problem()).isEqualTo(Problem.UNREACHABLE);
        assertThat(f.detail()).isEqualTo("cannot reach DynamoDB at " + closed + " (region us-east-1): connection refused");
        assertThat(f.remedy()).contains(closed.toString());
      });
      assertThat(report.checks()).filteredOn(ch -> ch.kind() == Kind.TABLE)
          .allMatch(ch -> ch.status() == Status.SKIPPED && ch.detail().contains("endpoint cannot be reached"));
    }
  }

  @Test
  void run_whenTheRegionIsInvented_failsTheRegionAndDescribesNothing() {
    try (DynamoDbAsyncClient c = DynamoDbAsyncClient.builder().region(Region.of("xx-fake-1"))
        .credentialsProvider(DynamoTestClients.credentials()).build()) {
      PreflightReport report = DynamoPreflight.builder(c).build().run();

      assertThat(report.failures()).singleElement().satisfies(f -> {
        assertThat(f.problem()).isEqualTo(Problem.UNKNOWN_REGION);
        assertThat(f.remedy()).contains("AWS_REGION");
      });
      assertThat(check(report, Kind.ENDPOINT, "https://dynamodb.xx-fake-1.amazonaws.com").status())
          .isEqualTo(Status.SKIPPED);
    }
  }

  @Test
  void run_whenNoCredentialsResolve_failsTheCredentialsNamingRegionAndEndpoint() {
    AwsCredentialsProvider none = () -> {
      throw SdkClientException.create("Unable to load credentials from any of the providers in the chain");
    };
    try (DynamoDbAsyncClient c = DynamoDbAsyncClient.builder().region(Region.US_WEST_2).credentialsProvider(none)
        .build()) {
      PreflightReport report = DynamoPreflight.builder(c).build().run();

      assertThat(report.failures()).singleElement().satisfies(f -> {
        assertThat(f.kind()).isEqualTo(Kind.CREDENTIALS);
        assertThat(f.problem()).isEqualTo(Problem.NO_CREDENTIALS);
        assertThat(f.detail()).contains("us-west-2").contains("https://dynamodb.us-west-2.amazonaws.com");
      });
      assertThat(report.count(Status.SKIPPED)).isEqualTo(1 + AirlineTableLayout.defaults().tableNames().size());
    }
  }

  @Test
  void withoutClient_failsTheRegionWithTheBuildersMessageAndSkipsTheRest() {
    PreflightReport report = DynamoPreflight.withoutClient(AirlineTableLayout.defaults(), "Unable to load region");

    assertThat(report.failures()).singleElement().satisfies(f -> {
      assertThat(f.problem()).isEqualTo(Problem.NO_REGION);
      assertThat(f.detail()).contains("Unable to load region");
      assertThat(f.remedy()).contains("AWS_REGION");
    });
    assertThat(report.checks()).hasSize(3 + 10);
  }

  @Test
  void builder_whenASettingIsWrongOrRepeated_failsNamingIt() {
    try (DynamoDbAsyncClient c = client()) {
      assertThatThrownBy(() -> DynamoPreflight.builder(c).timeout(Duration.ofSeconds(-1)))
          .hasMessageContaining("timeout must be > 0");
      assertThatThrownBy(() -> DynamoPreflight.builder(c).layout(AirlineTableLayout.defaults())
          .layout(AirlineTableLayout.defaults())).hasMessageContaining("layout was already set");
    }
  }
}
