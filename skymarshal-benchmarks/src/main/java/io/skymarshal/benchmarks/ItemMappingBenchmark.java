package io.skymarshal.benchmarks;

import io.skymarshal.airline.CrewMember;
import io.skymarshal.dynamo.AirlineItemMappers;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Mapping 250 crew members between DynamoDB attribute maps and records: SkyMarshal's hand-written
 * mapper against the SDK enhanced client's schema ({@link CrewMemberSchema}), both ways. The
 * evidence behind choosing hand mappers. Run:
 * {@code java -jar skymarshal-benchmarks/target/benchmarks.jar ItemMappingBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ItemMappingBenchmark {
  private List<CrewMember> crew;
  private List<Map<String, AttributeValue>> items;

  @Setup
  public void setUp() {
    crew = CrewFixture.crew(BatchReadBenchmark.CREW);
    items = crew.stream().map(AirlineItemMappers.crewMembers()::toItem).toList();
    for (int i = 0; i < crew.size(); i++) {
      if (!CrewMemberSchema.SCHEMA.mapToItem(items.get(i)).equals(crew.get(i))) {
        throw new IllegalStateException("the schemas disagree on " + crew.get(i));
      }
    }
  }

  @Benchmark
  public void readHandMapper(Blackhole bh) {
    for (Map<String, AttributeValue> item : items) {
      bh.consume(AirlineItemMappers.crewMembers().fromItem(item));
    }
  }

  @Benchmark
  public void readEnhancedSchema(Blackhole bh) {
    for (Map<String, AttributeValue> item : items) {
      bh.consume(CrewMemberSchema.SCHEMA.mapToItem(item));
    }
  }

  @Benchmark
  public void writeHandMapper(Blackhole bh) {
    for (CrewMember c : crew) {
      bh.consume(AirlineItemMappers.crewMembers().toItem(c));
    }
  }

  @Benchmark
  public void writeEnhancedSchema(Blackhole bh) {
    for (CrewMember c : crew) {
      bh.consume(CrewMemberSchema.SCHEMA.itemToMap(c, true));
    }
  }
}
