package io.skymarshal.examples.perf;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skymarshal.core.Phase;
import io.skymarshal.testkit.baseline.Comparison;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/**
 * {@code report.html}: one self-contained page (no network: inline script and style, no fonts or
 * libraries) with the headline figures, a histogram of run latency for both configurations, and a
 * timeline of every call of one run across the three phases (the optimized run at the median, and
 * the baseline's run of the same disruption, on one time scale). The page's script draws both charts as SVG from the
 * JSON embedded in it; each drawn bar and call carries its value in {@code data-} attributes, so a
 * browser test can read the chart back.
 */
public final class HtmlReport {
  private static final ObjectMapper JSON = new ObjectMapper();

  private HtmlReport() {}

  public static void write(Path file, Summary baseline, Summary optimized, Comparison quality, ObjectNode report)
      throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, html(baseline, optimized, report), StandardCharsets.UTF_8);
  }

  static String html(Summary baseline, Summary optimized, ObjectNode report) {
    ObjectNode data = JSON.createObjectNode();
    data.set("report", report);
    ObjectNode latencies = data.putObject("latenciesMs");
    for (Summary s : List.of(baseline, optimized)) {
      ArrayNode a = latencies.putArray(s.name());
      s.samples().forEach(r -> a.add(Math.round(r.modelMs())));
    }
    RunSample median = medianRun(optimized);
    ArrayNode timelines = data.putArray("timelines");
    if (median != null) {
      timelines.add(timeline(optimized.name(), median));
      baseline.samples().stream().filter(r -> r.disruptionId().equals(median.disruptionId())).findFirst()
          .ifPresent(r -> timelines.add(timeline(baseline.name(), r)));
    }
    String json = data.toString().replace("</", "<\\/");
    return TEMPLATE.replace("/*DATA*/", json);
  }

  private static RunSample medianRun(Summary s) {
    List<RunSample> sorted = s.samples().stream().sorted(Comparator.comparingDouble(RunSample::modelMs)).toList();
    return sorted.isEmpty() ? null : sorted.get((sorted.size() - 1) / 2);
  }

  private static ObjectNode timeline(String config, RunSample run) {
    ObjectNode t = JSON.createObjectNode();
    t.put("config", config);
    t.put("disruptionId", run.disruptionId());
    t.put("runMs", Math.round(run.modelMs()));
    ArrayNode phases = t.putArray("phases");
    ArrayNode calls = t.putArray("calls");
    double offset = 0;
    for (Phase p : Phase.values()) {
      Double ms = run.phaseModelMs().get(p);
      if (ms == null) {
        continue;
      }
      ObjectNode ph = phases.addObject();
      ph.put("phase", p.reportName());
      ph.put("startMs", Math.round(offset));
      ph.put("ms", Math.round(ms));
      for (RunSample.CallSample c : run.calls()) {
        if (c.call().phase() == p) {
          ObjectNode o = calls.addObject();
          o.put("agent", c.call().agent());
          o.put("phase", p.reportName());
          o.put("startMs", Math.round(offset));
          o.put("ms", Math.round(c.modelMs()));
          o.put("status", c.call().status().name());
          o.put("model", c.call().modelId() == null ? "" : c.call().modelId());
          o.put("in", c.call().usage().totalInputTokens());
          o.put("cacheRead", c.call().usage().cacheReadTokens());
          o.put("out", c.call().usage().outputTokens());
        }
      }
      offset += ms;
    }
    return t;
  }

  private static final String TEMPLATE = """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <title>SkyMarshal performance suite</title>
      <style>
        body { font: 14px/1.4 system-ui, sans-serif; margin: 2em; color: #222; }
        table { border-collapse: collapse; margin: 1em 0; }
        td, th { border-bottom: 1px solid #ddd; padding: 3px 10px; text-align: right; }
        th:first-child, td:first-child { text-align: left; }
        .baseline { fill: #c0504d; } .optimized { fill: #4f81bd; }
        .SAFETY { fill: #c0504d; } .BUSINESS { fill: #9bbb59; } .ARBITRATOR { fill: #8064a2; }
        svg text { font-size: 11px; }
        .mismatch { color: #a00; }
      </style>
      </head>
      <body>
      <h1>SkyMarshal performance suite</h1>
      <p id="settings"></p>
      <table id="figures"></table>
      <h2>Run latency (model time)</h2>
      <svg id="histogram" width="900" height="300" role="img" aria-label="histogram of run latency"></svg>
      <h2>Timeline of one run</h2>
      <div id="timelines"></div>
      <h2>Quality</h2>
      <p id="quality"></p>
      <ul id="mismatches"></ul>
      <script id="data" type="application/json">/*DATA*/</script>
      <script>
      (function () {
        const NS = 'http://www.w3.org/2000/svg';
        const data = JSON.parse(document.getElementById('data').textContent);
        const r = data.report;
        function el(name, attrs, parent, text) {
          const e = document.createElementNS(NS, name);
          for (const k in attrs) e.setAttribute(k, attrs[k]);
          if (text !== undefined) e.textContent = text;
          parent.appendChild(e);
          return e;
        }
        const s = r.settings;
        document.getElementById('settings').textContent = s.disruptions + ' disruptions, seed ' + s.seed + ', models '
          + s.models + ', data ' + s.data + ', time scale ' + s.timeScale + '. Optimized levers: '
          + s.optimizedLevers.join(', ') + '.';
        const rows = [
          ['run latency p50 (s)', c => (c.p50Ms / 1000).toFixed(2), 'p50'],
          ['run latency p95 (s)', c => (c.p95Ms / 1000).toFixed(2), 'p95'],
          ['run latency p99 (s)', c => (c.p99Ms / 1000).toFixed(2), 'p99'],
          ['input tokens per request (all)', c => c.tokensPerRequest.mean.totalInput.toFixed(0), 'inputTokens'],
          ['output tokens per request', c => c.tokensPerRequest.mean.output.toFixed(0), 'outputTokens'],
          ['cost per request (USD)', c => c.costPerRequestUsd.toFixed(4), 'cost'],
          ['Sonnet input from cache', c => (100 * c.sonnetCacheReadShare).toFixed(1) + ' %', null],
          ['wall time / critical path, p50', c => c.wallOverCriticalP50.toFixed(4), null]];
        const fig = document.getElementById('figures');
        const head = fig.insertRow();
        ['', 'baseline', 'optimized', 'optimized / baseline'].forEach(h => { const th = document.createElement('th'); th.textContent = h; head.appendChild(th); });
        rows.forEach(([label, f, ratio]) => {
          const tr = fig.insertRow();
          [label, f(r.baseline), f(r.optimized), ratio ? r.ratios[ratio].toFixed(3) : ''].forEach(v => { tr.insertCell().textContent = v; });
        });

        // histogram: both configurations on one axis, 20 bins from 0 to the largest latency
        const svg = document.getElementById('histogram');
        const configs = Object.keys(data.latenciesMs);
        const all = configs.flatMap(c => data.latenciesMs[c]);
        const max = Math.max(1, ...all);
        const bins = 20, W = 860, H = 240, left = 30, top = 10;
        const width = max / bins;
        const counts = configs.map(c => { const a = new Array(bins).fill(0); data.latenciesMs[c].forEach(v => a[Math.min(bins - 1, Math.floor(v / width))]++); return a; });
        const most = Math.max(1, ...counts.flat());
        const bw = W / bins / configs.length;
        configs.forEach((c, ci) => counts[ci].forEach((n, b) => {
          const h = n / most * H;
          el('rect', { x: left + b * W / bins + ci * bw, y: top + H - h, width: bw - 1, height: h, 'class': 'bar ' + c,
            'data-config': c, 'data-bin': b, 'data-count': n, 'data-from-ms': Math.round(b * width),
            'data-to-ms': Math.round((b + 1) * width) }, svg).appendChild(document.createElementNS(NS, 'title')).textContent =
            c + ': ' + n + ' runs of ' + (b * width / 1000).toFixed(1) + '-' + ((b + 1) * width / 1000).toFixed(1) + ' s';
        }));
        for (let b = 0; b <= bins; b += 4) el('text', { x: left + b * W / bins - (b === bins ? 20 : 0), y: top + H + 15 }, svg, (b * width / 1000).toFixed(0) + ' s');
        configs.forEach((c, ci) => { el('rect', { x: W - 150, y: 10 + ci * 16, width: 10, height: 10, 'class': c }, svg); el('text', { x: W - 135, y: 19 + ci * 16 }, svg, c); });

        // timelines: one row per agent, calls placed at their phase's start
        const holder = document.getElementById('timelines');
        const tiers = { crew_compliance: 'SAFETY', maintenance: 'SAFETY', regulatory: 'SAFETY', arbitrator: 'ARBITRATOR' };
        data.timelines.forEach(t => {
          const p = document.createElement('p');
          p.textContent = t.config + ': ' + t.disruptionId + ', ' + (t.runMs / 1000).toFixed(2) + ' s';
          holder.appendChild(p);
          const agents = [...new Set(t.calls.map(c => c.agent))];
          const tl = el('svg', { width: 900, height: 30 + agents.length * 18, 'class': 'timeline', 'data-config': t.config,
            'data-disruption': t.disruptionId }, holder);
          const scale = 700 / Math.max(1, ...data.timelines.map(x => x.runMs)); // one scale: the runs compare by width
          t.phases.forEach(ph => { el('line', { x1: 150 + ph.startMs * scale, x2: 150 + ph.startMs * scale, y1: 0, y2: 20 + agents.length * 18, stroke: '#999' }, tl);
            el('text', { x: 153 + ph.startMs * scale, y: 12 }, tl, ph.phase.substring(0, 6)); });
          agents.forEach((a, i) => el('text', { x: 0, y: 30 + i * 18 }, tl, a));
          t.calls.forEach(c => {
            const i = agents.indexOf(c.agent);
            el('rect', { x: 150 + c.startMs * scale, y: 20 + i * 18, width: Math.max(1, c.ms * scale), height: 12,
              'class': 'call ' + (tiers[c.agent] || 'BUSINESS'), 'data-agent': c.agent, 'data-phase': c.phase,
              'data-start-ms': c.startMs, 'data-ms': c.ms, 'data-status': c.status }, tl)
              .appendChild(document.createElementNS(NS, 'title')).textContent = c.agent + ' ' + c.phase + ': '
                + (c.ms / 1000).toFixed(2) + ' s, ' + c.in + ' in (' + c.cacheRead + ' cached), ' + c.out + ' out, ' + c.model;
          });
        });

        const q = r.quality;
        document.getElementById('quality').textContent = q.compared + ' decisions compared, ' + q.matching + ' matching, '
          + q.mismatches.length + ' mismatches.';
        const ul = document.getElementById('mismatches');
        q.mismatches.forEach(m => { const li = document.createElement('li'); li.className = 'mismatch';
          li.textContent = m.disruptionId + ' ' + (m.agent || '') + ' ' + m.field + ': baseline ' + m.baseline + ', optimized ' + m.optimized;
          ul.appendChild(li); });
        document.body.setAttribute('data-rendered', 'true');
      })();
      </script>
      </body>
      </html>
      """;
}
