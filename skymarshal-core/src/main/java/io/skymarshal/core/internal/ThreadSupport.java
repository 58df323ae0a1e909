package io.skymarshal.core.internal;

import java.lang.reflect.Method;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Chooses the engine's threads. Internal: not for use outside SkyMarshal. */
public final class ThreadSupport {

  /** Threads of the pool used where the JVM has no virtual threads (Java 17-20). */
  static final int PLATFORM_POOL_SIZE = 16;

  private static final Method VIRTUAL_EXECUTOR = findVirtualExecutorFactory();

  private ThreadSupport() {}

  /** Whether this JVM has virtual threads (Java 21+). */
  public static boolean virtualThreadsAvailable() {
    return VIRTUAL_EXECUTOR != null;
  }

  /**
   * A virtual-thread-per-task executor on Java 21+, so blocking reads cost no platform thread;
   * on Java 17 a fixed pool of {@value #PLATFORM_POOL_SIZE} daemon threads. The library compiles
   * with {@code --release 17}, hence the reflective lookup.
   */
  public static ExecutorService newDefaultExecutor() {
    if (VIRTUAL_EXECUTOR != null) {
      try {
        return (ExecutorService) VIRTUAL_EXECUTOR.invoke(null);
      } catch (ReflectiveOperationException e) {
        // fall through to the platform pool
      }
    }
    ThreadPoolExecutor pool = new ThreadPoolExecutor(PLATFORM_POOL_SIZE, PLATFORM_POOL_SIZE, 30, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), daemonThreads("skymarshal-worker-"));
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  private static Method findVirtualExecutorFactory() {
    try {
      return Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
    } catch (NoSuchMethodException e) {
      return null;
    }
  }
}
