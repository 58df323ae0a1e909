package io.skymarshal.testkit.airline;

import io.skymarshal.airline.AirlineDataset;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Prints how long generating the default airline takes, cold (first run in a fresh JVM) and
 * then warm, as wall-clock and thread CPU time, with the dataset's size. Not a test: figures
 * depend on the machine. Run after {@code ./mvnw -q -pl skymarshal-testkit -am test-compile}:
 * <pre>
 * java -cp skymarshal-core/target/classes:skymarshal-testkit/target/classes:skymarshal-testkit/target/test-classes \
 *   io.skymarshal.testkit.airline.AirlineGeneratorTiming
 * </pre>
 */
public final class AirlineGeneratorTiming {
  private AirlineGeneratorTiming() {}

  public static void main(String[] args) {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    for (int run = 1; run <= 10; run++) {
      long cpu = mx.getCurrentThreadCpuTime();
      long wall = System.nanoTime();
      AirlineDataset d = AirlineGenerator.of(AirlineGenerator.Config.defaults()).generate();
      System.out.printf("run %2d: %6.1f ms wall, %6.1f ms cpu; %d flights, %d aircraft, %d crew, %d passengers, "
              + "%d bookings, %d shipments%n", run, (System.nanoTime() - wall) / 1e6,
          (mx.getCurrentThreadCpuTime() - cpu) / 1e6, d.flights().size(), d.aircraft().size(), d.crewMembers().size(),
          d.passengers().size(), d.bookings().size(), d.cargo().size());
    }
  }
}
