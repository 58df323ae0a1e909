package io.skymarshal.sqs;

import io.skymarshal.core.Disruption;
import io.skymarshal.core.Orchestrator;
import io.skymarshal.core.SkyMarshalException;
import io.skymarshal.core.spi.BuilderSettings;
import io.skymarshal.store.DecisionOutcome;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;

/**
 * Decides the disruptions of an SQS queue, as one of any number of instances behind it. Each
 * message's body is read into a {@link Disruption} ({@link DocumentReader}) and decided with
 * {@link Orchestrator#decide}, so a document delivered twice, or to two instances at once, is
 * arbitrated once, and a run whose instance died is taken over from its last checkpoint.
 *
 * <ul>
 *   <li>Long polling ({@link Builder#waitTime}); at most {@link Builder#maxInFlight} runs at once:
 *       the worker asks SQS only for as many messages as it has room for.
 *   <li>A message's visibility is set to {@link Builder#visibilityTimeout} on receipt and extended
 *       every third of it while its run is in flight, so a long run is not delivered elsewhere;
 *       if the instance dies, the message becomes visible again within one timeout.
 *   <li>The message is deleted only after the decision is stored (and published).
 *   <li>A body the reader rejects is not run: the typed error is logged, reported to listeners and
 *       published ({@code kind: rejected}), and the message made visible at once, so the input
 *       queue's redrive policy moves it to the dead-letter queue after {@code maxReceiveCount}
 *       deliveries. {@link #start()} refuses a queue without a redrive policy: an invalid document
 *       would otherwise come back forever.
 *   <li>A failure to decide (the store unavailable, another instance's run of the same document
 *       still in flight past the wait, an engine fault) leaves the message to be delivered again
 *       after {@link Builder#retryDelay}; a message that keeps failing reaches the dead-letter queue
 *       the same way.
 *   <li>Every decision is published to the output queue, if one is given ({@code kind: decision},
 *       with the document's id and hash and where the answer came from); a document delivered
 *       twice is published twice, with one decision: consumers key on id and hash.
 *   <li>{@link #shutdown(Duration)}: stop receiving, let runs in flight finish within the grace
 *       period, then cancel the rest (their leases released) and make their messages visible to the
 *       other instances at once.
 * </ul>
 *
 * <p>Defaults: 16 runs in flight, 20 s long polls, 120 s visibility timeout, 30 s retry delay, no
 * output queue. Thread-safe. The orchestrator must have a
 * {@linkplain Orchestrator.Builder#decisionStore decision store}; it and the SQS client stay the
 * caller's to close.
 */
public final class DisruptionWorker implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DisruptionWorker.class);
  private static final AtomicInteger WORKERS = new AtomicInteger();

  private final SqsAsyncClient sqs;
  private final String inputQueueUrl;
  private final String outputQueueUrl;
  private final Orchestrator orchestrator;
  private final DocumentReader reader;
  private final List<WorkerListener> listeners;
  private final int maxInFlight;
  private final Duration waitTime;
  private final Duration visibilityTimeout;
  private final Duration retryDelay;

  private final Semaphore slots;
  private final ExecutorService runs;
  private final ScheduledExecutorService heartbeats;
  private final Thread receiver;
  private volatile boolean receiving;
  private volatile boolean releasing;
  private volatile int maxReceiveCount = -1;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicLong received = new AtomicLong();
  private final AtomicLong arbitrated = new AtomicLong();
  private final AtomicLong answered = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();
  private final AtomicLong retried = new AtomicLong();
  private final AtomicLong released = new AtomicLong();
  private final AtomicLong deleted = new AtomicLong();
  private final AtomicLong published = new AtomicLong();

  private DisruptionWorker(Builder b) {
    this.sqs = b.sqs;
    this.inputQueueUrl = b.inputQueueUrl;
    this.outputQueueUrl = b.outputQueueUrl;
    this.orchestrator = b.orchestrator;
    this.reader = b.reader;
    this.listeners = List.copyOf(b.listeners);
    this.maxInFlight = b.maxInFlight;
    this.waitTime = b.waitTime;
    this.visibilityTimeout = b.visibilityTimeout;
    this.retryDelay = b.retryDelay;
    int n = WORKERS.incrementAndGet();
    this.slots = new Semaphore(maxInFlight);
    this.runs = Executors.newFixedThreadPool(maxInFlight, daemon("skymarshal-sqs-" + n + "-run-"));
    this.heartbeats = Executors.newSingleThreadScheduledExecutor(daemon("skymarshal-sqs-" + n + "-visibility-"));
    this.receiver = daemon("skymarshal-sqs-" + n + "-receive-").newThread(this::receiveLoop);
  }

  /** A builder; the client, input queue, orchestrator and reader are required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Checks the input queue's redrive policy and starts receiving.
   *
   * @throws SqsWorkerException if the queue cannot be read, or has no redrive policy (an invalid
   *                            document would be delivered forever)
   * @throws IllegalStateException if already started
   */
  public DisruptionWorker start() {
    if (receiver.getState() != Thread.State.NEW) {
      throw new IllegalStateException("the worker was already started");
    }
    Map<QueueAttributeName, String> attributes = call("GetQueueAttributes", sqs.getQueueAttributes(b -> b
        .queueUrl(inputQueueUrl).attributeNames(QueueAttributeName.REDRIVE_POLICY))).attributes();
    int max = OutputRecords.maxReceiveCount(attributes.get(QueueAttributeName.REDRIVE_POLICY));
    if (max < 1) {
      throw new SqsWorkerException("the input queue " + inputQueueUrl + " has no redrive policy with a"
          + " maxReceiveCount: an invalid document would be delivered forever; give it a dead-letter queue", false);
    }
    maxReceiveCount = max;
    receiving = true;
    receiver.start();
    LOG.info("receiving from {} ({} runs in flight at most, dead-letter after {} deliveries)", inputQueueUrl,
        maxInFlight, max);
    return this;
  }

  /** What the worker has done so far. */
  public WorkerStats stats() {
    return new WorkerStats(received.get(), arbitrated.get(), answered.get(), rejected.get(), retried.get(),
        released.get(), deleted.get(), published.get(), inFlight.get());
  }

  /**
   * Stops receiving, waits up to {@code grace} for the runs in flight, then cancels the others
   * (their leases are released) and makes their messages visible at once to other workers.
   * Returns whether every run finished within the grace period. Idempotent.
   */
  public boolean shutdown(Duration grace) {
    Objects.requireNonNull(grace, "grace");
    receiving = false;
    try {
      // the receive in flight is let finish (at most one long poll): a receive abandoned mid-poll
      // would still take messages off the queue, hidden for their visibility timeout
      if (receiver.getState() != Thread.State.NEW) {
        receiver.join(waitTime.toMillis() + TimeUnit.SECONDS.toMillis(30));
      }
      runs.shutdown();
      boolean finished = runs.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
      if (!finished) {
        releasing = true;
        runs.shutdownNow(); // interrupts decide: the run is cancelled and its lease released
        runs.awaitTermination(30, TimeUnit.SECONDS);
      }
      return finished;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      releasing = true;
      runs.shutdownNow();
      return false;
    } finally {
      heartbeats.shutdownNow();
      LOG.info("stopped: {}", stats());
    }
  }

  /** {@link #shutdown(Duration)} with a 30 s grace period. */
  @Override
  public void close() {
    shutdown(Duration.ofSeconds(30));
  }

  private void receiveLoop() {
    while (receiving) {
      int room;
      try {
        if (!slots.tryAcquire(100, TimeUnit.MILLISECONDS)) {
          continue; // look at `receiving` again
        }
        room = 1;
        while (room < 10 && slots.tryAcquire()) {
          room++;
        }
      } catch (InterruptedException e) {
        return;
      }
      List<Message> messages;
      try {
        int n = room;
        CompletableFuture<ReceiveMessageResponse> f = sqs.receiveMessage(b -> b.queueUrl(inputQueueUrl)
            .maxNumberOfMessages(n).waitTimeSeconds((int) waitTime.toSeconds())
            .visibilityTimeout((int) visibilityTimeout.toSeconds())
            .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT));
        messages = f.get().messages();
      } catch (InterruptedException e) {
        slots.release(room);
        return;
      } catch (ExecutionException | RuntimeException e) {
        slots.release(room);
        if (!receiving) {
          return;
        }
        LOG.warn("receive from {} failed ({}); trying again in 1 s", inputQueueUrl, unwrap(e).toString());
        try {
          Thread.sleep(1000);
        } catch (InterruptedException ie) {
          return;
        }
        continue;
      }
      slots.release(room - messages.size());
      if (!receiving) {
        slots.release(messages.size());
        messages.forEach(m -> changeVisibility(m, Duration.ZERO)); // received while stopping: give back
        return;
      }
      for (Message m : messages) {
        received.incrementAndGet();
        inFlight.incrementAndGet();
        try {
          runs.execute(() -> {
            try {
              handle(m);
            } finally {
              inFlight.decrementAndGet();
              slots.release();
            }
          });
        } catch (java.util.concurrent.RejectedExecutionException e) {
          // shutting down: it was never started, so give it back at once
          inFlight.decrementAndGet();
          slots.release();
          changeVisibility(m, Duration.ZERO);
        }
      }
    }
  }

  private void handle(Message m) {
    int receiveCount = receiveCount(m);
    Disruption disruption;
    try {
      disruption = reader.read(m.body());
    } catch (RuntimeException e) {
      reject(m, receiveCount, e);
      return;
    }
    long every = Math.max(1, visibilityTimeout.toMillis() / 3);
    ScheduledFuture<?> heartbeat = heartbeats.scheduleWithFixedDelay(() -> changeVisibility(m, visibilityTimeout),
        every, every, TimeUnit.MILLISECONDS);
    try {
      DecisionOutcome outcome = orchestrator.decide(disruption);
      heartbeat.cancel(false);
      (outcome.source() == DecisionOutcome.Source.ARBITRATED ? arbitrated : answered).incrementAndGet();
      if (outputQueueUrl != null) {
        call("SendMessage", sqs.sendMessage(b -> b.queueUrl(outputQueueUrl)
            .messageBody(OutputRecords.decision(m.messageId(), outcome))));
        published.incrementAndGet();
      }
      call("DeleteMessage", sqs.deleteMessage(b -> b.queueUrl(inputQueueUrl).receiptHandle(m.receiptHandle())));
      deleted.incrementAndGet();
      listeners.forEach(l -> quietly(() -> l.onDecided(m.messageId(), outcome)));
    } catch (SkyMarshalException e) {
      heartbeat.cancel(false);
      if (releasing || Thread.currentThread().isInterrupted()) {
        // the SDK refuses to start a request on an interrupted thread: set the flag aside to give
        // the message back, then restore it
        boolean interrupted = Thread.interrupted();
        try {
          released.incrementAndGet();
          LOG.info("message {} ({}) released at shutdown: {}", m.messageId(), disruption.id(), e.getMessage());
          changeVisibility(m, Duration.ZERO);
          listeners.forEach(l -> quietly(() -> l.onReleased(m.messageId())));
        } finally {
          if (interrupted) {
            Thread.currentThread().interrupt();
          }
        }
        return;
      }
      retried.incrementAndGet();
      LOG.warn("message {} ({}): not decided, delivered again in {} s: {}", m.messageId(), disruption.id(),
          retryDelay.toSeconds(), e.toString());
      changeVisibility(m, retryDelay);
      listeners.forEach(l -> quietly(() -> l.onRetry(m.messageId(), e)));
    } finally {
      heartbeat.cancel(false);
    }
  }

  private void reject(Message m, int receiveCount, RuntimeException e) {
    rejected.incrementAndGet();
    RejectedDocument r = new RejectedDocument(m.messageId(), receiveCount, maxReceiveCount,
        e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
    LOG.warn("message {} is not a valid document (delivery {} of {}{}): {}: {}", m.messageId(), receiveCount,
        maxReceiveCount, r.lastDelivery() ? ", next stop the dead-letter queue" : "", r.errorType(), r.error());
    listeners.forEach(l -> quietly(() -> l.onRejected(r)));
    if (outputQueueUrl != null) {
      try {
        call("SendMessage", sqs.sendMessage(b -> b.queueUrl(outputQueueUrl).messageBody(OutputRecords.rejected(r))));
        published.incrementAndGet();
      } catch (SqsWorkerException x) {
        LOG.warn("rejection of {} not published: {}", m.messageId(), x.getMessage());
      }
    }
    // no point in waiting for a document that will not change: back to the queue now, which counts
    // the delivery and moves it to the dead-letter queue at maxReceiveCount
    changeVisibility(m, Duration.ZERO);
  }

  private void changeVisibility(Message m, Duration d) {
    try {
      call("ChangeMessageVisibility", sqs.changeMessageVisibility(b -> b.queueUrl(inputQueueUrl)
          .receiptHandle(m.receiptHandle()).visibilityTimeout((int) d.toSeconds())));
    } catch (SqsWorkerException e) {
      // it becomes visible when its current timeout ends
      LOG.warn("visibility of {} not changed to {} s: {}", m.messageId(), d.toSeconds(), e.getMessage());
    }
  }

  private static int receiveCount(Message m) {
    try {
      return Integer.parseInt(m.attributes().getOrDefault(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "1"));
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  private static void quietly(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      LOG.warn("a worker listener threw: {}", e.toString());
    }
  }

  /** Waits for an SQS call; its failure becomes an {@link SqsWorkerException} naming the operation. */
  private <T> T call(String operation, CompletableFuture<T> f) {
    try {
      return f.join();
    } catch (CompletionException | java.util.concurrent.CancellationException e) {
      Throwable c = unwrap(e);
      boolean retryable = c instanceof AwsServiceException a ? a.isThrottlingException() || a.statusCode() >= 500
          : c instanceof SdkClientException || c instanceof IOException;
      throw new SqsWorkerException(operation + " on SQS failed: " + c, retryable, c);
    }
  }

  private static Throwable unwrap(Throwable t) {
    Throwable c = t;
    while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
      c = c.getCause();
    }
    return c;
  }

  private static ThreadFactory daemon(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /**
   * Builds a {@link DisruptionWorker}. Not thread-safe. Each setting once, checked as it is given;
   * {@link #build()} checks the required ones.
   */
  public static final class Builder {
    private final BuilderSettings given = new BuilderSettings();
    private SqsAsyncClient sqs;
    private String inputQueueUrl;
    private String outputQueueUrl;
    private Orchestrator orchestrator;
    private DocumentReader reader;
    private final java.util.ArrayList<WorkerListener> listeners = new java.util.ArrayList<>();
    private int maxInFlight = 16;
    private Duration waitTime = Duration.ofSeconds(20);
    private Duration visibilityTimeout = Duration.ofSeconds(120);
    private Duration retryDelay = Duration.ofSeconds(30);

    private Builder() {}

    /** The SQS client. Required. */
    public Builder sqs(SqsAsyncClient sqs) {
      Objects.requireNonNull(sqs, "sqs");
      given.once("sqs");
      this.sqs = sqs;
      return this;
    }

    /** The queue of disruption documents; it must have a redrive policy. Required. */
    public Builder inputQueueUrl(String url) {
      given.once("inputQueueUrl");
      this.inputQueueUrl = url(url, "inputQueueUrl");
      return this;
    }

    /** The queue decisions and rejections are published to. Optional. */
    public Builder outputQueueUrl(String url) {
      given.once("outputQueueUrl");
      this.outputQueueUrl = url(url, "outputQueueUrl");
      return this;
    }

    /** The orchestrator that decides; it must have a decision store. Required. */
    public Builder orchestrator(Orchestrator orchestrator) {
      Objects.requireNonNull(orchestrator, "orchestrator");
      given.once("orchestrator");
      this.orchestrator = orchestrator;
      return this;
    }

    /** How a message body becomes a disruption. Required. */
    public Builder documentReader(DocumentReader reader) {
      Objects.requireNonNull(reader, "documentReader");
      given.once("documentReader");
      this.reader = reader;
      return this;
    }

    /** Adds a listener. */
    public Builder listener(WorkerListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * The most messages worked on at once, in [1, 1000]; default 16. Size it from the model
     * quotas: see the README's "Scaling out".
     */
    public Builder maxInFlight(int maxInFlight) {
      if (maxInFlight < 1 || maxInFlight > 1000) {
        throw new IllegalArgumentException("maxInFlight must be in [1, 1000] but was " + maxInFlight);
      }
      given.once("maxInFlight");
      this.maxInFlight = maxInFlight;
      return this;
    }

    /** How long one receive waits for messages (long polling), whole seconds in [0, 20]; default 20 s. */
    public Builder waitTime(Duration waitTime) {
      this.waitTime = seconds(waitTime, "waitTime", 0, 20);
      given.once("waitTime");
      return this;
    }

    /**
     * How long a received message stays invisible to other workers, whole seconds in [3, 43200];
     * default 120 s. Renewed every third of it while the run is in flight; also how soon a dead
     * instance's messages are delivered elsewhere.
     */
    public Builder visibilityTimeout(Duration visibilityTimeout) {
      this.visibilityTimeout = seconds(visibilityTimeout, "visibilityTimeout", 3, 43_200);
      given.once("visibilityTimeout");
      return this;
    }

    /** How long a message that could not be decided waits before it is delivered again, whole seconds in [0, 43200]; default 30 s. */
    public Builder retryDelay(Duration retryDelay) {
      this.retryDelay = seconds(retryDelay, "retryDelay", 0, 43_200);
      given.once("retryDelay");
      return this;
    }

    /**
     * @throws IllegalStateException naming the first required setting not given
     */
    public DisruptionWorker build() {
      if (sqs == null) {
        throw new IllegalStateException("an SQS client is required: call sqs(...)");
      }
      if (inputQueueUrl == null) {
        throw new IllegalStateException("an input queue is required: call inputQueueUrl(...)");
      }
      if (orchestrator == null) {
        throw new IllegalStateException("an orchestrator is required: call orchestrator(...)");
      }
      if (reader == null) {
        throw new IllegalStateException("a document reader is required: call documentReader(...)");
      }
      return new DisruptionWorker(this);
    }

    private static String url(String url, String name) {
      Objects.requireNonNull(url, name);
      if (!url.startsWith("https://") && !url.startsWith("http://")) {
        throw new IllegalArgumentException(name + " must be a queue URL (http:// or https://) but was '" + url + "'");
      }
      return url;
    }

    private static Duration seconds(Duration d, String name, long min, long max) {
      Objects.requireNonNull(d, name);
      if (d.toNanos() % 1_000_000_000L != 0 || d.toSeconds() < min || d.toSeconds() > max) {
        throw new IllegalArgumentException(name + " must be whole seconds in [" + min + ", " + max + "] but was " + d);
      }
      return d;
    }
  }
}
