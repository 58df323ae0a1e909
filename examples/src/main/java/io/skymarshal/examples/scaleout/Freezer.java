package io.skymarshal.examples.scaleout;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.CompletableFuture;

/**
 * Stops an instance's I/O as a process that dies stops it: once {@link #freeze()} is called, every
 * asynchronous call through a client it {@linkplain #wrap wraps} returns a future that never
 * completes, and {@code close()} does nothing. Nothing is released, deleted or renewed; what the
 * instance held is only ever freed by expiry (visibility timeouts, leases).
 */
final class Freezer {
  private volatile boolean frozen;

  /** {@code target} behind an interface proxy that obeys this freezer. */
  <T> T wrap(Class<T> type, T target) {
    InvocationHandler h = (proxy, method, args) -> {
      if (frozen && CompletableFuture.class.isAssignableFrom(method.getReturnType())) {
        return new CompletableFuture<>();
      }
      if (frozen && method.getName().equals("close")) {
        return null;
      }
      try {
        return method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    };
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, h));
  }

  void freeze() {
    frozen = true;
  }
}
