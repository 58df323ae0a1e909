package io.skymarshal.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.Test;

class ThreadSupportTest {

  @Test
  void newDefaultExecutor_usesVirtualThreadsExactlyWhenTheJvmHasThem() throws Exception {
    boolean jvmHasThem = Runtime.version().feature() >= 21;
    assertThat(ThreadSupport.virtualThreadsAvailable()).isEqualTo(jvmHasThem);
    ExecutorService pool = ThreadSupport.newDefaultExecutor();
    try {
      Thread worker = CompletableFuture.supplyAsync(Thread::currentThread, pool).get();
      assertThat(isVirtual(worker)).isEqualTo(jvmHasThem);
      assertThat(worker.isDaemon()).isTrue();
    } finally {
      pool.shutdown();
    }
  }

  private static boolean isVirtual(Thread t) throws Exception {
    try {
      Method m = Thread.class.getMethod("isVirtual");
      return (boolean) m.invoke(t);
    } catch (NoSuchMethodException e) {
      return false;
    }
  }
}
