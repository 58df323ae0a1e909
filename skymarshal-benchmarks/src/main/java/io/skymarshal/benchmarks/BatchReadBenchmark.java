package io.skymarshal.benchmarks;

import io.skymarshal.airline.AirlineDataset;
import io.skymarshal.airline.CrewMember;
import io.skymarshal.data.BatchResult;
import io.skymarshal.dynamo.AirlineItemMappers;
import io.skymarshal.dynamo.AirlineLoader;
import io.skymarshal.dynamo.AirlineTableLayout;
import io.skymarshal.dynamo.BatchGetReader;
import io.skymarshal.testkit.dynamo.DynaliteServer;
import io.skymarshal.testkit.dynamo.DynamoTestClients;
import io.skymarshal.testkit.dynamo.LatencyProxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.ReadBatch;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * Fetching 250 crew members from DynamoDB (dynalite on loopback, behind a {@link LatencyProxy}
 * adding {@code rttMillis} to every round trip) three ways, in the same run:
 * <ul>
 *   <li>{@code batchGetReader}: SkyMarshal's {@link BatchGetReader}, 3 chunks sent concurrently;
 *   <li>{@code singleGetItemLoop}: one GetItem after another, as the plan's baseline did;
 *   <li>{@code enhancedBatchGetPages}: the SDK enhanced client's {@code batchGetItem}, the caller
 *       splitting the keys into pages of at most 100 as a user must, one page after the other.
 * </ul>
 * Each returns the 250 crew members (checked at setup). Run:
 * <pre>
 * ./mvnw -q -pl skymarshal-benchmarks -am package -DskipTests
 * java -jar skymarshal-benchmarks/target/benchmarks.jar BatchReadBenchmark
 * </pre>
 * or {@link BatchReadReport} for the ratios. Needs Node.js and dynalite like the tests.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 8, time = 2)
@Fork(1)
public class BatchReadBenchmark {
  static final int CREW = 250;

  /** Added round trip: 0 (loopback), 5 ms, 20 ms (a cross-region call). */
  @Param({"0", "5", "20"})
  public int rttMillis;

  private DynaliteServer server;
  private LatencyProxy proxy;
  private DynamoDbAsyncClient asyncClient;
  private DynamoDbClient syncClient;
  private BatchGetReader<String, CrewMember> reader;
  private DynamoDbTable<CrewMember> enhancedTable;
  private DynamoDbEnhancedClient enhanced;
  private AirlineTableLayout layout;
  private List<String> ids;

  @Setup(Level.Trial)
  public void setUp() {
    server = DynaliteServer.start();
    layout = AirlineTableLayout.withPrefix("bench_");
    List<CrewMember> crew = CrewFixture.crew(CREW);
    ids = crew.stream().map(CrewMember::id).toList();
    try (DynamoDbAsyncClient direct = DynamoTestClients.async(server.endpoint())) {
      AirlineLoader loader = AirlineLoader.builder(direct).layout(layout).build();
      loader.createTables();
      AirlineDataset.Builder data = AirlineDataset.builder();
      crew.forEach(data::crewMember);
      loader.load(data.build());
    }
    proxy = LatencyProxy.start(server.port(), Duration.ofNanos(rttMillis * 1_000_000L / 2));
    asyncClient = DynamoTestClients.async(proxy.endpoint());
    syncClient = DynamoTestClients.sync(proxy.endpoint());
    reader = BatchGetReader.builder(asyncClient, layout.crewMembers(), AirlineItemMappers.crewMembers()).build();
    enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(syncClient).build();
    enhancedTable = enhanced.table(layout.crewMembers(), CrewMemberSchema.SCHEMA);
    check("batchGetReader", batchGetReader().size());
    check("singleGetItemLoop", singleGetItemLoop().size());
    check("enhancedBatchGetPages", enhancedBatchGetPages().size());
  }

  private static void check(String method, int size) {
    if (size != CREW) {
      throw new IllegalStateException(method + " read " + size + " crew members, not " + CREW);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    syncClient.close();
    asyncClient.close();
    proxy.close();
    server.close();
  }

  @Benchmark
  public Map<String, CrewMember> batchGetReader() {
    BatchResult<String, CrewMember> r = reader.getAll(ids);
    return r.foundOrThrow();
  }

  @Benchmark
  public List<CrewMember> singleGetItemLoop() {
    List<CrewMember> out = new ArrayList<>(ids.size());
    for (String id : ids) {
      GetItemResponse r = syncClient.getItem(b -> b.tableName(layout.crewMembers())
          .key(AirlineItemMappers.crewMembers().toKey(id)));
      out.add(AirlineItemMappers.crewMembers().fromItem(r.item()));
    }
    return out;
  }

  @Benchmark
  public List<CrewMember> enhancedBatchGetPages() {
    List<CrewMember> out = new ArrayList<>(ids.size());
    for (int i = 0; i < ids.size(); i += 100) {
      ReadBatch.Builder<CrewMember> batch = ReadBatch.builder(CrewMember.class).mappedTableResource(enhancedTable);
      for (String id : ids.subList(i, Math.min(ids.size(), i + 100))) {
        batch.addGetItem(Key.builder().partitionValue(id).build());
      }
      enhanced.batchGetItem(b -> b.readBatches(batch.build())).resultsForTable(enhancedTable).forEach(out::add);
    }
    return out;
  }
}
