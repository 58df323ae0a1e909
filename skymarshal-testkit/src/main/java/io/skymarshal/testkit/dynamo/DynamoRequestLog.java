package io.skymarshal.testkit.dynamo;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;

/**
 * An SDK interceptor that records every request a client is asked to execute (one entry per
 * call of the client, before any fault injected by a later interceptor), so tests can check how
 * many requests were made and what each carried. Register it first. Thread-safe.
 */
public final class DynamoRequestLog implements ExecutionInterceptor {
  private final List<Entry> entries = new ArrayList<>();

  /** One recorded request: the operation name (e.g. {@code BatchGetItem}) and the request. */
  public record Entry(String operation, SdkRequest request) {}

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    String op = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    synchronized (entries) {
      entries.add(new Entry(op, context.request()));
    }
  }

  /** Every request recorded so far, in the order they were made. */
  public List<Entry> entries() {
    synchronized (entries) {
      return List.copyOf(entries);
    }
  }

  /** How many requests of {@code operation} (e.g. {@code GetItem}) were made. */
  public long count(String operation) {
    return entries().stream().filter(e -> operation.equals(e.operation())).count();
  }

  /** The BatchGetItem requests made, in order. */
  public List<BatchGetItemRequest> batchGets() {
    List<BatchGetItemRequest> out = new ArrayList<>();
    for (Entry e : entries()) {
      if (e.request() instanceof BatchGetItemRequest b) {
        out.add(b);
      }
    }
    return out;
  }

  /** Forgets everything recorded. */
  public void clear() {
    synchronized (entries) {
      entries.clear();
    }
  }
}
