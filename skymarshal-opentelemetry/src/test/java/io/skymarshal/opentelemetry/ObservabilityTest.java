package io.skymarshal.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.skymarshal.core.Decision;
import io.skymarshal.core.Disruption;
import io.skymarshal.core.ModelCall;
import io.skymarshal.core.Orchestrator;
import io.skymarshal.core.RunListener;
import io.skymarshal.micrometer.SkyMarshalMetrics;
import io.skymarshal.testkit.airline.AirlineSamples;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What a service sees with both modules wired through the public API: every model call, with its
 * tokens and latency, in Micrometer and in the trace; every run with its status in both.
 */
class ObservabilityTest {

  @Test
  void aServiceWiringMicrometerAndOpenTelemetry_seesEveryModelCallAndEveryRun() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    InMemorySpanExporter exporter = InMemorySpanExporter.create();
    List<ModelCall> calls = new CopyOnWriteArrayList<>();
    List<Decision> decisions = new CopyOnWriteArrayList<>();
    String requestSpanId;
    List<SpanData> spans;
    RunListener truth = new RunListener() {
      @Override
      public void onModelCall(Disruption d, ModelCall call) {
        calls.add(call);

      }
    };
    try (OpenTelemetrySdk otel = OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder()
        .addSpanProcessor(SimpleSpanProcessor.create(exporter)).build()).build()) {
      SkyMarshalTracing tracing = SkyMarshalTracing.create(otel);
      Span request = otel.getTracer("service").spanBuilder("POST /disruptions").startSpan();
      requestSpanId = request.getSpanContext().getSpanId();
      try (Scope ignored = request.makeCurrent();
          Orchestrator o = Runs.orchestrator(Runs.model("network", null))
              .listener(SkyMarshalMetrics.create(registry)).listener(tracing).contextPropagator(tracing)
              .listener(truth).build()) {
        decisions.add(o.run(AirlineSamples.ey123Disruption()));
        decisions.add(o.run(AirlineSamples.ey123Disruption()));
      } finally {
        request.end();
      }
      spans = exporter.getFinishedSpanItems(); // closing the SDK empties the exporter
    }

    // the first run's network call was throttled once: 16 model calls, then 15
    assertThat(calls).hasSize(31);
    // Micrometer: every model call timed, its latency and tokens recorded
    List<Timer> timers = List.copyOf(registry.find(SkyMarshalMetrics.OPERATION_DURATION).timers());
    assertThat(timers.stream().mapToLong(Timer::count).sum()).isEqualTo(calls.size());
    assertThat(timers.stream().mapToDouble(t -> t.totalTime(TimeUnit.NANOSECONDS)).sum())
        .isEqualTo((double) calls.stream().mapToLong(ModelCall::latencyNanos).sum());
    double outputTokens = registry.find(SkyMarshalMetrics.TOKEN_USAGE).tag(SkyMarshalMetrics.TOKEN_TYPE, "output")
        .summaries().stream().mapToDouble(DistributionSummary::totalAmount).sum();
    assertThat(outputTokens).isEqualTo((double) calls.stream().mapToLong(c -> c.usage().outputTokens()).sum());
    // traces: the same calls, each a span with its tokens and latency
    List<SpanData> chats = spans.stream().filter(s -> s.getName().startsWith("chat ")).toList();
    assertThat(chats).hasSize(calls.size());
    assertThat(chats.stream().mapToLong(s -> s.getEndEpochNanos() - s.getStartEpochNanos()).sum())
        .isEqualTo(calls.stream().mapToLong(ModelCall::latencyNanos).sum());
    assertThat(chats.stream().mapToLong(s -> {
      Long v = s.getAttributes().get(AttributeKey.longKey("gen_ai.usage.output_tokens"));
      return v == null ? 0 : v;
    }).sum()).isEqualTo((long) outputTokens);
    // every run, with its status, in both
    assertThat(decisions).extracting(Decision::status).containsOnly(Decision.Status.DECIDED);
    assertThat(registry.get(SkyMarshalMetrics.RUN_DURATION).tag(SkyMarshalMetrics.STATUS, "decided").timer().count())
        .isEqualTo(2);
    List<SpanData> runs = spans.stream()
        .filter(s -> s.getName().equals(SkyMarshalTracing.RUN_SPAN)).toList();
    assertThat(runs).hasSize(2).allSatisfy(r -> {
      assertThat(r.getAttributes().get(AttributeKey.stringKey("skymarshal.status")))
          .isEqualTo(Decision.Status.DECIDED.name().toLowerCase(Locale.ROOT));
      assertThat(r.getParentSpanId()).isEqualTo(requestSpanId);
    });
  }
}
