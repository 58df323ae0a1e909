package io.skymarshal.airline.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.skymarshal.airline.offline.OfflineModel;
import io.skymarshal.airline.store.AirlineData;
import io.skymarshal.core.Decision;
import io.skymarshal.core.Orchestrator;
import io.skymarshal.data.BatchReader;
import io.skymarshal.data.BatchResult;
import io.skymarshal.data.DataAccess;
import io.skymarshal.data.Table;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, bug 5: the agents' in-memory reads ran on {@code supplyAsync}'s default executor (on a
 * 2-core JVM a new platform thread per read), outside the pool the orchestrator runs on. Every
 * read must run on a thread of the executor the orchestrator was given.
 */
class ReadThreadsTest {

  /** Wraps every reader of {@code data}, recording the thread each read runs on. */
  private static DataAccess recording(DataAccess data, Set<Thread> readThreads) {
    DataAccess.Builder b = DataAccess.builder();
    for (Table<?, ?> t : data.tables()) {
      wrap(b, t, data, readThreads);
    }
    return b.build();
  }

  private static <K, V> void wrap(DataAccess.Builder b, Table<K, V> t, DataAccess data, Set<Thread> readThreads) {
    BatchReader<K, V> inner = data.reader(t);
    b.table(t, new BatchReader<K, V>() {
      @Override
      public BatchResult<K, V> getAll(Collection<? extends K> keys) {
        readThreads.add(Thread.currentThread());
        return inner.getAll(keys);
      }
    });
  }

  @Test
  void run_inMemoryReads_runOnTheGivenExecutorOnly() {
    AtomicInteger created = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "given-" + created.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    Set<Thread> poolThreads = ConcurrentHashMap.newKeySet();
    Set<Thread> readThreads = ConcurrentHashMap.newKeySet();
    DataAccess data = recording(AirlineData.inMemory(SampleAirline.dataset().build()), readThreads);
    try (Orchestrator o = Orchestrator.builder().agents(AirlineAgents.all()).arbitrator(AirlineAgents.arbitrator())
        .modelClient(OfflineModel.create()).data(data).executor(r -> pool.execute(() -> {
          poolThreads.add(Thread.currentThread());
          r.run();
        })).build()) {
      List<CompletableFuture<Decision>> runs = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        runs.add(o.runAsync(SampleAirline.disruption()));
      }
      runs.forEach(f -> assertThat(f.join().status()).isEqualTo(Decision.Status.DECIDED));
    } finally {
      pool.shutdownNow();
    }

    assertThat(readThreads).isNotEmpty();
    assertThat(readThreads).allSatisfy(t -> assertThat(t.getName()).startsWith("given-"));
    assertThat(poolThreads).containsAll(readThreads);
    assertThat(created.get()).isLessThanOrEqualTo(4);
  }
}
