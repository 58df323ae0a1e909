package io.skymarshal.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.skymarshal.core.AgentCall;
import io.skymarshal.core.Decision;
import io.skymarshal.core.Orchestrator;
import io.skymarshal.core.Phase;
import io.skymarshal.model.ModelClient;
import io.skymarshal.testkit.airline.AirlineSamples;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SkyMarshalTracingTest {
  private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
  private final OpenTelemetrySdk otel = OpenTelemetrySdk.builder()
      .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build())
      .build();

  @AfterEach
  void tearDown() {
    otel.close();
  }

  private static String attr(SpanData s, String key) {
    Object v = s.getAttributes().get(AttributeKey.stringKey(key));
    return v == null ? null : v.toString();
  }

  private static long longAttr(SpanData s, String key) {
    Long v = s.getAttributes().get(AttributeKey.longKey(key));
    return v == null ? -1 : v;
  }

  @Test
  void run_makesRunPhaseAgentAndModelCallSpans_underTheCallersSpan() {
    SkyMarshalTracing tracing = SkyMarshalTracing.create(otel);
    List<Span> currentInClient = new CopyOnWriteArrayList<>();
    ModelClient model = Runs.model("network", "finance");
    ModelClient observed = request -> {
      currentInClient.add(Span.current());
      return model.call(request);
    };
    Tracer tracer = otel.getTracer("test");
    Span caller = tracer.spanBuilder("handle disruption message").startSpan();
    Decision d;
    try (Scope ignored = caller.makeCurrent();
        Orchestrator o = Runs.orchestrator(observed).listener(tracing).contextPropagator(tracing).build()) {
      d = o.run(AirlineSamples.ey123Disruption());
    } finally {
      caller.end();
    }
    assertThat(d.status()).isEqualTo(Decision.Status.DEGRADED);

    List<SpanData> spans = exporter.getFinishedSpanItems();
    Map<String, SpanData> byId = spans.stream().collect(Collectors.toMap(SpanData::getSpanId, Function.identity()));
    assertThat(spans).allSatisfy(s -> assertThat(s.getTraceId()).isEqualTo(caller.getSpanContext().getTraceId()));

    SpanData run = spans.stream().filter(s -> s.getName().equals(SkyMarshalTracing.RUN_SPAN)).findFirst().orElseThrow();
    assertThat(run.getParentSpanId()).isEqualTo(caller.getSpanContext().getSpanId());
    assertThat(attr(run, "skymarshal.status")).isEqualTo("degraded");
    assertThat(attr(run, "skymarshal.disruption.id")).isEqualTo(d.disruptionId());
    assertThat(longAttr(run, "gen_ai.usage.output_tokens")).isEqualTo(d.report().totalUsage().outputTokens());

    List<SpanData> phases = spans.stream().filter(s -> s.getParentSpanId().equals(run.getSpanId())).toList();
    assertThat(phases).extracting(SpanData::getName)
        .containsExactlyInAnyOrder("phase1_initial", "phase2_revision", "phase3_arbitration");

    List<SpanData> agents = spans.stream().filter(s -> s.getName().startsWith("invoke_agent ")).toList();
    assertThat(agents).hasSize(d.report().calls().size());
    for (AgentCall c : d.report().calls()) {
      SpanData a = agents.stream().filter(s -> attr(s, "gen_ai.agent.name").equals(c.agent())
          && attr(s, "skymarshal.phase").equals(c.phase().reportName())).findFirst().orElseThrow();
      assertThat(byId.get(a.getParentSpanId()).getName()).isEqualTo(c.phase().reportName());
      assertThat(attr(a, "skymarshal.status")).isEqualTo(c.status().name().toLowerCase(java.util.Locale.ROOT));
      assertThat(longAttr(a, "gen_ai.usage.input_tokens")).isEqualTo(c.usage().totalInputTokens());
      List<SpanData> chats = spans.stream().filter(s -> s.getParentSpanId().equals(a.getSpanId())).toList();
      assertThat(chats).as(c.agent() + " " + c.phase()).hasSize(c.modelCalls())
          .allSatisfy(s -> {
            assertThat(s.getKind()).isEqualTo(SpanKind.CLIENT);
            assertThat(s.getName()).startsWith("chat ");
            assertThat(attr(s, "gen_ai.provider.name")).isEqualTo("aws.bedrock");
            assertThat(attr(s, "gen_ai.request.model")).isNotBlank();
          });
    }
    SpanData finance = agents.stream().filter(s -> attr(s, "gen_ai.agent.name").equals("finance")
        && attr(s, "skymarshal.phase").equals("phase1_initial")).findFirst().orElseThrow();
    assertThat(finance.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(attr(finance, "error.type")).isEqualTo("ModelException");
    SpanData network = agents.stream().filter(s -> attr(s, "gen_ai.agent.name").equals("network")
        && attr(s, "skymarshal.phase").equals("phase1_initial")).findFirst().orElseThrow();
    assertThat(network.getEvents()).singleElement().satisfies(e -> assertThat(e.getName()).isEqualTo("attempt_failed"));
    List<SpanData> networkChats = spans.stream().filter(s -> s.getParentSpanId().equals(network.getSpanId())).toList();
    assertThat(networkChats).extracting(s -> attr(s, "error.type")).containsExactlyInAnyOrder("throttled", null);
    assertThat(networkChats).filteredOn(s -> attr(s, "error.type") == null)
        .singleElement().satisfies(s -> assertThat(longAttr(s, "gen_ai.usage.output_tokens")).isPositive());

    // every model-client call ran in the caller's trace: on the engine's threads with the run span
    // current (the propagated context); a Phase-1 call whose prompt was ready before the engine
    // chained onto it starts on the caller's own thread, with the caller's span current
    assertThat(currentInClient).hasSize((int) spans.stream().filter(s -> s.getName().startsWith("chat ")).count())
        .allSatisfy(s -> assertThat(s.getSpanContext().getSpanId()).isIn(run.getSpanId(), caller.getSpanContext().getSpanId()))
        .anySatisfy(s -> assertThat(s.getSpanContext().getSpanId()).isEqualTo(run.getSpanId()));
  }

  @Test
  void run_withoutACallerSpan_isARootSpan_andHaltedRunsAreErrors() {
    SkyMarshalTracing tracing = SkyMarshalTracing.create(otel);
    try (Orchestrator o = Runs.orchestrator(Runs.model(null, "maintenance")).listener(tracing).build()) {
      assertThat(o.run(AirlineSamples.ey123Disruption()).status()).isEqualTo(Decision.Status.HALTED);
    }
    SpanData run = exporter.getFinishedSpanItems().stream().filter(s -> s.getName().equals(SkyMarshalTracing.RUN_SPAN))
        .findFirst().orElseThrow();
    assertThat(run.getParentSpanContext().isValid()).isFalse();
    assertThat(run.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(attr(run, "skymarshal.halt.kind")).isEqualTo("safety_agent_failed");
    assertThat(exporter.getFinishedSpanItems()).filteredOn(s -> s.getName().equals("phase2_revision")).isEmpty();
    // every span that started has ended
    assertThat(exporter.getFinishedSpanItems()).allSatisfy(s -> assertThat(s.hasEnded()).isTrue());
  }

  @Test
  void agentErrorType_isTheExceptionName_orTimeout() {
    AgentCall failed = new AgentCall("x", io.skymarshal.core.Tier.BUSINESS, Phase.INITIAL,
        io.skymarshal.core.CallStatus.FAILED, 1, 1, 0, "m", io.skymarshal.model.TokenUsage.ZERO, 0, false,
        "ReplyFormatException: bad reply (after 1 attempt)");
    assertThat(failed.errorType()).isEqualTo("ReplyFormatException");
  }
}
