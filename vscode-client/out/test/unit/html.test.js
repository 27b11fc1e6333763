"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// test/unit/html.test.ts
var import_node_test = require("node:test");
var import_strict = __toESM(require("node:assert/strict"));

// src/format.ts
var MAX_DECIMALS = 6;
function stripZeros(s, minDecimals) {
  const dot = s.indexOf(".");
  if (dot < 0) return s;
  let end = s.length;
  while (end > dot + 1 + minDecimals && s[end - 1] === "0") end--;
  if (end === dot + 1) end = dot;
  return s.slice(0, end);
}
function isNumber(v) {
  return typeof v === "number" && Number.isFinite(v);
}
function formatUsd(value) {
  if (!isNumber(value)) return "$\u2014";
  if (value === 0) return "$0.00";
  const sign = value < 0 ? "-" : "";
  const abs = Math.abs(value);
  if (abs < 10 ** -MAX_DECIMALS) return `${sign === "-" ? ">-" : "<"}$0.000001`;
  if (abs >= 0.1) {
    return `${sign}$${abs.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
  }
  const decimals = Math.min(MAX_DECIMALS, Math.max(2, 1 - Math.floor(Math.log10(abs))));
  return `${sign}$${stripZeros(abs.toFixed(decimals), 2)}`;
}
function formatUsdPrecise(value) {
  if (!isNumber(value)) return "\u2014";
  if (value === 0) return "$0.00";
  const sign = value < 0 ? "-" : "";
  const abs = Math.abs(value);
  const fixed = abs.toFixed(MAX_DECIMALS);
  if (Number(fixed) === 0) return `${sign === "-" ? ">-" : "<"}$0.000001`;
  const [intPart, frac] = stripZeros(fixed, 2).split(".");
  const grouped = Number(intPart).toLocaleString("en-US");
  return `${sign}$${grouped}${frac !== void 0 ? "." + frac : ""}`;
}
function formatLatency(ms) {
  if (!isNumber(ms)) return "\u2014";
  if (ms < 1e3) return `${Math.round(ms)} ms`;
  return `${(ms / 1e3).toFixed(1)} s`;
}
function formatTokens(input, output) {
  if (!isNumber(input) && !isNumber(output)) return "\u2014";
  return `${isNumber(input) ? input : 0} in / ${isNumber(output) ? output : 0} out`;
}

// src/spendHtml.ts
function escapeHtml(s) {
  return String(s ?? "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}
function chartGeometry(records, width = 560, height = 180, pad = 28) {
  const n = records.length;
  const maxUsd = Math.max(
    1e-9,
    ...records.map((r) => r.cumulativeFrontierUsd),
    ...records.map((r) => r.cumulativeUsd)
  );
  const x = (i) => pad + (n === 0 ? 0 : i / n * (width - 2 * pad));
  const y = (v) => height - pad - v / maxUsd * (height - 2 * pad);
  const pts = (f) => [`${x(0).toFixed(1)},${y(0).toFixed(1)}`, ...records.map((r, i) => `${x(i + 1).toFixed(1)},${y(f(r)).toFixed(1)}`)].join(" ");
  return {
    width,
    height,
    actual: pts((r) => r.cumulativeUsd),
    frontier: pts((r) => r.cumulativeFrontierUsd),
    maxUsd: records.length ? maxUsd : 0
  };
}
function chartSvg(records) {
  const g = chartGeometry(records);
  const pad = 28;
  return `<svg class="chart" viewBox="0 0 ${g.width} ${g.height}" width="${g.width}" height="${g.height}" role="img"
  aria-label="Cumulative spend of this session against the all-frontier counterfactual">
  <line class="axis" x1="${pad}" y1="${g.height - pad}" x2="${g.width - pad}" y2="${g.height - pad}"/>
  <line class="axis" x1="${pad}" y1="${pad}" x2="${pad}" y2="${g.height - pad}"/>
  <text class="label" x="${pad + 4}" y="${pad - 8}">${escapeHtml(formatUsd(g.maxUsd))}</text>
  <text class="label" x="${g.width - pad}" y="${g.height - 8}" text-anchor="end">${records.length} requests</text>
  <polyline class="frontier" points="${g.frontier}"/>
  <polyline class="actual" points="${g.actual}"/>
</svg>`;
}
function rowsHtml(records) {
  if (!records.length) {
    return '<tr><td colspan="11" class="empty">No requests in this session yet.</td></tr>';
  }
  return [...records].reverse().map((r) => {
    const l = r.last;
    const cost = l.cached ? "cache hit" : l.costUsd === null || l.priced === false ? "unpriced" : formatUsdPrecise(l.costUsd);
    const time = new Date(r.time).toLocaleTimeString("en-GB", { hour12: false });
    return `<tr class="tier-${escapeHtml(l.tier)}"><td class="num">${r.index}</td><td>${escapeHtml(time)}</td><td>${escapeHtml(l.task)}</td><td><span class="tier">${escapeHtml(l.tier)}</span></td><td><code>${escapeHtml(l.model)}</code></td><td>${escapeHtml(l.reason)}</td><td>${escapeHtml(formatTokens(l.inputTokens, l.outputTokens))}</td><td class="num">${escapeHtml(formatLatency(l.latencyMs))}</td><td class="num">${escapeHtml(cost)}</td><td class="num">${escapeHtml(formatUsdPrecise(r.cumulativeUsd))}</td><td>${escapeHtml(l.outcome ?? "ok")}</td></tr>`;
  }).join("\n");
}
function spendPageHtml(o) {
  const s = o.snapshot?.session;
  const summary = s ? `<p class="summary"><strong id="session-cost">${escapeHtml(formatUsdPrecise(s.costUsd))}</strong> spent \xB7
       <strong>${escapeHtml(formatUsdPrecise(s.savedUsd))}</strong> saved against all-frontier
       (${escapeHtml(formatUsdPrecise(s.frontierCostUsd ?? s.costUsd + s.savedUsd))}) \xB7
       ${s.requests} requests \xB7 ${s.cacheHits} cache hits \xB7 ${s.escalations} escalations
       <span class="muted">\u2014 session <code id="session-id">${escapeHtml(s.id)}</code></span></p>` : '<p class="summary muted">No spend reported by the server yet.</p>';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${o.cspSource} 'nonce-${o.nonce}'; script-src 'nonce-${o.nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>LSP Router spend</title>
<style nonce="${o.nonce}">
  body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); padding: 0 16px 16px; }
  h2 { font-weight: 600; margin: 16px 0 4px; }
  .muted { color: var(--vscode-descriptionForeground); }
  .chart { max-width: 100%; height: auto; }
  .chart .axis { stroke: var(--vscode-editorWidget-border, #888); stroke-width: 1; }
  .chart .label { fill: var(--vscode-descriptionForeground); font-size: 11px; }
  .chart polyline { fill: none; stroke-width: 2; }
  .chart .actual { stroke: var(--vscode-charts-blue, #3794ff); }
  .chart .frontier { stroke: var(--vscode-charts-orange, #d18616); stroke-dasharray: 5 4; }
  .legend span { margin-right: 16px; }
  .swatch { display: inline-block; width: 18px; height: 3px; vertical-align: middle; margin-right: 6px; }
  .swatch.actual { background: var(--vscode-charts-blue, #3794ff); }
  .swatch.frontier { background: var(--vscode-charts-orange, #d18616); }
  .table-wrap { overflow-x: auto; }
  table { border-collapse: collapse; width: 100%; margin-top: 8px; }
  th, td { text-align: left; padding: 3px 8px; border-bottom: 1px solid var(--vscode-editorWidget-border, rgba(128,128,128,.3)); vertical-align: top; }
  th { font-weight: 600; }
  td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
  .tier { padding: 0 6px; border-radius: 8px; background: var(--vscode-badge-background); color: var(--vscode-badge-foreground); }
  .tier-frontier .tier { background: var(--vscode-charts-orange, #d18616); color: var(--vscode-editor-background); }
  .empty { color: var(--vscode-descriptionForeground); font-style: italic; }
  button { color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: none; padding: 4px 10px; cursor: pointer; }
  button:hover { background: var(--vscode-button-hoverBackground); }
</style>
</head>
<body>
<h2>This session</h2>
${summary}
<div class="legend muted"><span><i class="swatch actual"></i>cumulative spend</span><span><i class="swatch frontier"></i>all-frontier counterfactual</span></div>
${chartSvg(o.records)}
<h2>Requests</h2>
<div class="table-wrap">
<table id="requests">
<thead><tr><th class="num">#</th><th>time</th><th>task</th><th>tier</th><th>model</th><th>reason</th><th>tokens</th><th class="num">latency</th><th class="num">cost</th><th class="num">session</th><th>outcome</th></tr></thead>
<tbody>
${rowsHtml(o.records)}
</tbody>
</table>
</div>
<p><button id="reset">Reset session</button></p>
<script nonce="${o.nonce}">
  const vscode = acquireVsCodeApi();
  document.getElementById('reset').addEventListener('click', () => vscode.postMessage({ type: 'reset' }));
</script>
</body>
</html>`;
}

// src/markdown.ts
function inline(text) {
  return text.split(/(`[^`]*`)/g).map((part) => {
    if (part.length >= 2 && part.startsWith("`") && part.endsWith("`")) {
      return `<code>${escapeHtml(part.slice(1, -1))}</code>`;
    }
    return escapeHtml(part).replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>").replace(/__([^_]+)__/g, "<strong>$1</strong>").replace(/(^|[^*])\*([^*\s][^*]*)\*/g, "$1<em>$2</em>");
  }).join("");
}
function renderMarkdown(md) {
  const lines = md.replace(/\r\n?/g, "\n").split("\n");
  const out = [];
  let para = [];
  let list = null;
  let code = null;
  const flushPara = () => {
    if (para.length) out.push(`<p>${inline(para.join(" "))}</p>`);
    para = [];
  };
  const flushList = () => {
    if (list) out.push(`<${list.tag}>${list.items.map((i) => `<li>${inline(i)}</li>`).join("")}</${list.tag}>`);
    list = null;
  };
  for (const line of lines) {
    if (code) {
      if (/^\s*```/.test(line)) {
        const cls = code.lang ? ` class="language-${escapeHtml(code.lang)}"` : "";
        out.push(`<pre><code${cls}>${escapeHtml(code.lines.join("\n"))}</code></pre>`);
        code = null;
      } else {
        code.lines.push(line);
      }
      continue;
    }
    const fence = /^\s*```\s*([\w+-]*)/.exec(line);
    if (fence) {
      flushPara();
      flushList();
      code = { lang: fence[1] ?? "", lines: [] };
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      flushPara();
      flushList();
      const level = heading[1].length;
      out.push(`<h${level}>${inline(heading[2])}</h${level}>`);
      continue;
    }
    const bullet = /^\s*[-*+]\s+(.*)$/.exec(line);
    const numbered = /^\s*\d+[.)]\s+(.*)$/.exec(line);
    if (bullet || numbered) {
      flushPara();
      const tag = bullet ? "ul" : "ol";
      if (list && list.tag !== tag) flushList();
      if (!list) list = { tag, items: [] };
      list.items.push((bullet ?? numbered)[1]);
      continue;
    }
    if (line.trim() === "") {
      flushPara();
      flushList();
      continue;
    }
    if (list) {
      list.items[list.items.length - 1] += " " + line.trim();
      continue;
    }
    para.push(line.trim());
  }
  if (code) {
    out.push(`<pre><code>${escapeHtml(code.lines.join("\n"))}</code></pre>`);
  }
  flushPara();
  flushList();
  return out.join("\n");
}

// test/unit/html.test.ts
var rec = (index, cost, frontier, tier = "mini") => ({
  index,
  time: Date.UTC(2026, 0, 1, 12, 0, index),
  last: { task: "explain", tier, model: `x:${tier}`, reason: "<b>why</b>", costUsd: 1e-3, cached: false, outcome: "ok", inputTokens: 10, outputTokens: 5, latencyMs: 420 },
  cumulativeUsd: cost,
  cumulativeFrontierUsd: frontier
});
(0, import_node_test.test)("escapeHtml", () => {
  import_strict.default.equal(escapeHtml(`<a href="x">'&'</a>`), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
});
(0, import_node_test.test)("chart: cumulative spend under the all-frontier line, starting at zero", () => {
  const g = chartGeometry([rec(1, 1e-3, 0.01), rec(2, 2e-3, 0.02)], 100, 100, 10);
  import_strict.default.equal(g.maxUsd, 0.02);
  import_strict.default.equal(g.frontier, "10.0,90.0 50.0,50.0 90.0,10.0");
  import_strict.default.equal(g.actual, "10.0,90.0 50.0,86.0 90.0,82.0");
  import_strict.default.equal(chartGeometry([]).maxUsd, 0);
});
(0, import_node_test.test)("table rows: newest first, escaped, tier class", () => {
  const html = rowsHtml([rec(1, 1e-3, 0.01), rec(2, 2e-3, 0.02, "frontier")]);
  import_strict.default.ok(html.indexOf('<td class="num">2</td>') < html.indexOf('<td class="num">1</td>'));
  import_strict.default.match(html, /&lt;b&gt;why&lt;\/b&gt;/);
  import_strict.default.match(html, /class="tier-frontier"/);
  import_strict.default.match(html, /10 in \/ 5 out/);
  import_strict.default.match(html, /420 ms/);
  import_strict.default.match(rowsHtml([]), /No requests/);
});
(0, import_node_test.test)("spend page has a CSP with the nonce, the chart and the table", () => {
  const html = spendPageHtml({ records: [rec(1, 1e-3, 0.01)], snapshot: null, nonce: "N0NCE", cspSource: "vscode-webview:" });
  import_strict.default.match(html, /script-src 'nonce-N0NCE'/);
  import_strict.default.match(html, /<svg class="chart"/);
  import_strict.default.match(html, /<polyline class="frontier"/);
  import_strict.default.match(html, /<table id="requests">/);
});
(0, import_node_test.test)("markdown: escaped, code fences, lists, inline", () => {
  const html = renderMarkdown("# Title\n\nSome `a<b>` and **bold** <script>x</script>\n\n- one\n- two\n\n```python\nif a < b:\n    pass\n```");
  import_strict.default.match(html, /<h1>Title<\/h1>/);
  import_strict.default.match(html, /<code>a&lt;b&gt;<\/code>/);
  import_strict.default.match(html, /<strong>bold<\/strong>/);
  import_strict.default.match(html, /&lt;script&gt;/);
  import_strict.default.doesNotMatch(html, /<script>/);
  import_strict.default.match(html, /<ul><li>one<\/li><li>two<\/li><\/ul>/);
  import_strict.default.match(html, /<pre><code class="language-python">if a &lt; b:\n    pass<\/code><\/pre>/);
  import_strict.default.match(renderMarkdown("```\npartial"), /<pre><code>partial<\/code><\/pre>/);
});
//# sourceMappingURL=data:application/json;base64,ewogICJ2ZXJzaW9uIjogMywKICAic291cmNlcyI6IFsiLi4vLi4vLi4vdGVzdC91bml0L2h0bWwudGVzdC50cyIsICIuLi8uLi8uLi9zcmMvZm9ybWF0LnRzIiwgIi4uLy4uLy4uL3NyYy9zcGVuZEh0bWwudHMiLCAiLi4vLi4vLi4vc3JjL21hcmtkb3duLnRzIl0sCiAgInNvdXJjZXNDb250ZW50IjogWyJpbXBvcnQgeyB0ZXN0IH0gZnJvbSAnbm9kZTp0ZXN0JztcbmltcG9ydCBhc3NlcnQgZnJvbSAnbm9kZTphc3NlcnQvc3RyaWN0JztcbmltcG9ydCB7IHJlbmRlck1hcmtkb3duIH0gZnJvbSAnLi4vLi4vc3JjL21hcmtkb3duJztcbmltcG9ydCB7IGNoYXJ0R2VvbWV0cnksIGVzY2FwZUh0bWwsIHJvd3NIdG1sLCBzcGVuZFBhZ2VIdG1sIH0gZnJvbSAnLi4vLi4vc3JjL3NwZW5kSHRtbCc7XG5pbXBvcnQgdHlwZSB7IFNwZW5kUmVjb3JkIH0gZnJvbSAnLi4vLi4vc3JjL3N0YXRlJztcblxuY29uc3QgcmVjID0gKGluZGV4OiBudW1iZXIsIGNvc3Q6IG51bWJlciwgZnJvbnRpZXI6IG51bWJlciwgdGllciA9ICdtaW5pJyk6IFNwZW5kUmVjb3JkID0+ICh7XG4gIGluZGV4LFxuICB0aW1lOiBEYXRlLlVUQygyMDI2LCAwLCAxLCAxMiwgMCwgaW5kZXgpLFxuICBsYXN0OiB7IHRhc2s6ICdleHBsYWluJywgdGllciwgbW9kZWw6IGB4OiR7dGllcn1gLCByZWFzb246ICc8Yj53aHk8L2I+JywgY29zdFVzZDogMC4wMDEsIGNhY2hlZDogZmFsc2UsIG91dGNvbWU6ICdvaycsIGlucHV0VG9rZW5zOiAxMCwgb3V0cHV0VG9rZW5zOiA1LCBsYXRlbmN5TXM6IDQyMCB9LFxuICBjdW11bGF0aXZlVXNkOiBjb3N0LFxuICBjdW11bGF0aXZlRnJvbnRpZXJVc2Q6IGZyb250aWVyLFxufSk7XG5cbnRlc3QoJ2VzY2FwZUh0bWwnLCAoKSA9PiB7XG4gIGFzc2VydC5lcXVhbChlc2NhcGVIdG1sKGA8YSBocmVmPVwieFwiPicmJzwvYT5gKSwgJyZsdDthIGhyZWY9JnF1b3Q7eCZxdW90OyZndDsmIzM5OyZhbXA7JiMzOTsmbHQ7L2EmZ3Q7Jyk7XG59KTtcblxudGVzdCgnY2hhcnQ6IGN1bXVsYXRpdmUgc3BlbmQgdW5kZXIgdGhlIGFsbC1mcm9udGllciBsaW5lLCBzdGFydGluZyBhdCB6ZXJvJywgKCkgPT4ge1xuICBjb25zdCBnID0gY2hhcnRHZW9tZXRyeShbcmVjKDEsIDAuMDAxLCAwLjAxKSwgcmVjKDIsIDAuMDAyLCAwLjAyKV0sIDEwMCwgMTAwLCAxMCk7XG4gIGFzc2VydC5lcXVhbChnLm1heFVzZCwgMC4wMik7XG4gIGFzc2VydC5lcXVhbChnLmZyb250aWVyLCAnMTAuMCw5MC4wIDUwLjAsNTAuMCA5MC4wLDEwLjAnKTtcbiAgYXNzZXJ0LmVxdWFsKGcuYWN0dWFsLCAnMTAuMCw5MC4wIDUwLjAsODYuMCA5MC4wLDgyLjAnKTtcbiAgYXNzZXJ0LmVxdWFsKGNoYXJ0R2VvbWV0cnkoW10pLm1heFVzZCwgMCk7XG59KTtcblxudGVzdCgndGFibGUgcm93czogbmV3ZXN0IGZpcnN0LCBlc2NhcGVkLCB0aWVyIGNsYXNzJywgKCkgPT4ge1xuICBjb25zdCBodG1sID0gcm93c0h0bWwoW3JlYygxLCAwLjAwMSwgMC4wMSksIHJlYygyLCAwLjAwMiwgMC4wMiwgJ2Zyb250aWVyJyldKTtcbiAgYXNzZXJ0Lm9rKGh0bWwuaW5kZXhPZignPHRkIGNsYXNzPVwibnVtXCI+MjwvdGQ+JykgPCBodG1sLmluZGV4T2YoJzx0ZCBjbGFzcz1cIm51bVwiPjE8L3RkPicpKTtcbiAgYXNzZXJ0Lm1hdGNoKGh0bWwsIC8mbHQ7YiZndDt3aHkmbHQ7XFwvYiZndDsvKTtcbiAgYXNzZXJ0Lm1hdGNoKGh0bWwsIC9jbGFzcz1cInRpZXItZnJvbnRpZXJcIi8pO1xuICBhc3NlcnQubWF0Y2goaHRtbCwgLzEwIGluIFxcLyA1IG91dC8pO1xuICBhc3NlcnQubWF0Y2goaHRtbCwgLzQyMCBtcy8pO1xuICBhc3NlcnQubWF0Y2gocm93c0h0bWwoW10pLCAvTm8gcmVxdWVzdHMvKTtcbn0pO1xuXG50ZXN0KCdzcGVuZCBwYWdlIGhhcyBhIENTUCB3aXRoIHRoZSBub25jZSwgdGhlIGNoYXJ0IGFuZCB0aGUgdGFibGUnLCAoKSA9PiB7XG4gIGNvbnN0IGh0bWwgPSBzcGVuZFBhZ2VIdG1sKHsgcmVjb3JkczogW3JlYygxLCAwLjAwMSwgMC4wMSldLCBzbmFwc2hvdDogbnVsbCwgbm9uY2U6ICdOME5DRScsIGNzcFNvdXJjZTogJ3ZzY29kZS13ZWJ2aWV3OicgfSk7XG4gIGFzc2VydC5tYXRjaChodG1sLCAvc2NyaXB0LXNyYyAnbm9uY2UtTjBOQ0UnLyk7XG4gIGFzc2VydC5tYXRjaChodG1sLCAvPHN2ZyBjbGFzcz1cImNoYXJ0XCIvKTtcbiAgYXNzZXJ0Lm1hdGNoKGh0bWwsIC88cG9seWxpbmUgY2xhc3M9XCJmcm9udGllclwiLyk7XG4gIGFzc2VydC5tYXRjaChodG1sLCAvPHRhYmxlIGlkPVwicmVxdWVzdHNcIj4vKTtcbn0pO1xuXG50ZXN0KCdtYXJrZG93bjogZXNjYXBlZCwgY29kZSBmZW5jZXMsIGxpc3RzLCBpbmxpbmUnLCAoKSA9PiB7XG4gIGNvbnN0IGh0bWwgPSByZW5kZXJNYXJrZG93bignIyBUaXRsZVxcblxcblNvbWUgYGE8Yj5gIGFuZCAqKmJvbGQqKiA8c2NyaXB0Png8L3NjcmlwdD5cXG5cXG4tIG9uZVxcbi0gdHdvXFxuXFxuYGBgcHl0aG9uXFxuaWYgYSA8IGI6XFxuICAgIHBhc3NcXG5gYGAnKTtcbiAgYXNzZXJ0Lm1hdGNoKGh0bWwsIC88aDE+VGl0bGU8XFwvaDE+Lyk7XG4gIGFzc2VydC5tYXRjaChodG1sLCAvPGNvZGU+YSZsdDtiJmd0OzxcXC9jb2RlPi8pO1xuICBhc3NlcnQubWF0Y2goaHRtbCwgLzxzdHJvbmc+Ym9sZDxcXC9zdHJvbmc+Lyk7XG4gIGFzc2VydC5tYXRjaChodG1sLCAvJmx0O3NjcmlwdCZndDsvKTtcbiAgYXNzZXJ0LmRvZXNOb3RNYXRjaChodG1sLCAvPHNjcmlwdD4vKTtcbiAgYXNzZXJ0Lm1hdGNoKGh0bWwsIC88dWw+PGxpPm9uZTxcXC9saT48bGk+dHdvPFxcL2xpPjxcXC91bD4vKTtcbiAgYXNzZXJ0Lm1hdGNoKGh0bWwsIC88cHJlPjxjb2RlIGNsYXNzPVwibGFuZ3VhZ2UtcHl0aG9uXCI+aWYgYSAmbHQ7IGI6XFxuICAgIHBhc3M8XFwvY29kZT48XFwvcHJlPi8pO1xuICAvLyBhbiB1bnRlcm1pbmF0ZWQgZmVuY2Ugd2hpbGUgc3RyZWFtaW5nIHN0aWxsIHJlbmRlcnNcbiAgYXNzZXJ0Lm1hdGNoKHJlbmRlck1hcmtkb3duKCdgYGBcXG5wYXJ0aWFsJyksIC88cHJlPjxjb2RlPnBhcnRpYWw8XFwvY29kZT48XFwvcHJlPi8pO1xufSk7XG4iLCAiLy8gUHVyZSBmb3JtYXR0aW5nOiBtb25leSwgc3RhdHVzIGJhciB0ZXh0LCB0b29sdGlwIG1hcmtkb3duLiBObyBgdnNjb2RlYCBpbXBvcnQgKHVuaXQgdGVzdGVkKS5cblxuaW1wb3J0IHR5cGUgeyBCdWRnZXRJbmZvLCBMYXN0UmVxdWVzdCwgU2Vzc2lvblNwZW5kLCBTcGVuZFNuYXBzaG90IH0gZnJvbSAnLi9wcm90b2NvbCc7XG5cbmNvbnN0IE1BWF9ERUNJTUFMUyA9IDY7XG5cbmZ1bmN0aW9uIHN0cmlwWmVyb3Moczogc3RyaW5nLCBtaW5EZWNpbWFsczogbnVtYmVyKTogc3RyaW5nIHtcbiAgY29uc3QgZG90ID0gcy5pbmRleE9mKCcuJyk7XG4gIGlmIChkb3QgPCAwKSByZXR1cm4gcztcbiAgbGV0IGVuZCA9IHMubGVuZ3RoO1xuICB3aGlsZSAoZW5kID4gZG90ICsgMSArIG1pbkRlY2ltYWxzICYmIHNbZW5kIC0gMV0gPT09ICcwJykgZW5kLS07XG4gIGlmIChlbmQgPT09IGRvdCArIDEpIGVuZCA9IGRvdDsgLy8gbmV2ZXIgbGVhdmUgYSBiYXJlIFwiLlwiXG4gIHJldHVybiBzLnNsaWNlKDAsIGVuZCk7XG59XG5cbmZ1bmN0aW9uIGlzTnVtYmVyKHY6IHVua25vd24pOiB2IGlzIG51bWJlciB7XG4gIHJldHVybiB0eXBlb2YgdiA9PT0gJ251bWJlcicgJiYgTnVtYmVyLmlzRmluaXRlKHYpO1xufVxuXG4vKipcbiAqIENvbXBhY3QgbW9uZXkgZm9yIHRoZSBzdGF0dXMgYmFyOiB0d28gc2lnbmlmaWNhbnQgZGlnaXRzIGJlbG93IHRlbiBjZW50cywgY2VudHMgYWJvdmUuXG4gKiAgIDAgLT4gXCIkMC4wMFwiLCAwLjA0MiAtPiBcIiQwLjA0MlwiLCAwLjMxIC0+IFwiJDAuMzFcIiwgMC4wMDAwMzQ1IC0+IFwiJDAuMDAwMDM1XCIsIDEyLjUgLT4gXCIkMTIuNTBcIi5cbiAqIEFtb3VudHMgYmVsb3cgJDAuMDAwMDAxIChidXQgbm90IHplcm8pIHNob3cgYXMgXCI8JDAuMDAwMDAxXCIuXG4gKi9cbmV4cG9ydCBmdW5jdGlvbiBmb3JtYXRVc2QodmFsdWU6IG51bWJlciB8IG51bGwgfCB1bmRlZmluZWQpOiBzdHJpbmcge1xuICBpZiAoIWlzTnVtYmVyKHZhbHVlKSkgcmV0dXJuICckXHUyMDE0JztcbiAgaWYgKHZhbHVlID09PSAwKSByZXR1cm4gJyQwLjAwJztcbiAgY29uc3Qgc2lnbiA9IHZhbHVlIDwgMCA/ICctJyA6ICcnO1xuICBjb25zdCBhYnMgPSBNYXRoLmFicyh2YWx1ZSk7XG4gIGlmIChhYnMgPCAxMCAqKiAtTUFYX0RFQ0lNQUxTKSByZXR1cm4gYCR7c2lnbiA9PT0gJy0nID8gJz4tJyA6ICc8J30kMC4wMDAwMDFgO1xuICBpZiAoYWJzID49IDAuMSkge1xuICAgIHJldHVybiBgJHtzaWdufSQke2Ficy50b0xvY2FsZVN0cmluZygnZW4tVVMnLCB7IG1pbmltdW1GcmFjdGlvbkRpZ2l0czogMiwgbWF4aW11bUZyYWN0aW9uRGlnaXRzOiAyIH0pfWA7XG4gIH1cbiAgLy8gVHdvIHNpZ25pZmljYW50IGRpZ2l0czogMC4wNDIgLT4gMyBkZWNpbWFscywgMC4wMDM1IC0+IDQgZGVjaW1hbHMuXG4gIGNvbnN0IGRlY2ltYWxzID0gTWF0aC5taW4oTUFYX0RFQ0lNQUxTLCBNYXRoLm1heCgyLCAxIC0gTWF0aC5mbG9vcihNYXRoLmxvZzEwKGFicykpKSk7XG4gIHJldHVybiBgJHtzaWdufSQke3N0cmlwWmVyb3MoYWJzLnRvRml4ZWQoZGVjaW1hbHMpLCAyKX1gO1xufVxuXG4vKiogTW9uZXkgd2l0aCB1cCB0byBzaXggZGVjaW1hbHMgKHRvb2x0aXBzLCB0YWJsZXMpOiAwLjAwMDM0NTY3ODkgLT4gXCIkMC4wMDAzNDZcIiwgMC41IC0+IFwiJDAuNTBcIi4gKi9cbmV4cG9ydCBmdW5jdGlvbiBmb3JtYXRVc2RQcmVjaXNlKHZhbHVlOiBudW1iZXIgfCBudWxsIHwgdW5kZWZpbmVkKTogc3RyaW5nIHtcbiAgaWYgKCFpc051bWJlcih2YWx1ZSkpIHJldHVybiAnXHUyMDE0JztcbiAgaWYgKHZhbHVlID09PSAwKSByZXR1cm4gJyQwLjAwJztcbiAgY29uc3Qgc2lnbiA9IHZhbHVlIDwgMCA/ICctJyA6ICcnO1xuICBjb25zdCBhYnMgPSBNYXRoLmFicyh2YWx1ZSk7XG4gIGNvbnN0IGZpeGVkID0gYWJzLnRvRml4ZWQoTUFYX0RFQ0lNQUxTKTtcbiAgaWYgKE51bWJlcihmaXhlZCkgPT09IDApIHJldHVybiBgJHtzaWduID09PSAnLScgPyAnPi0nIDogJzwnfSQwLjAwMDAwMWA7XG4gIGNvbnN0IFtpbnRQYXJ0LCBmcmFjXSA9IHN0cmlwWmVyb3MoZml4ZWQsIDIpLnNwbGl0KCcuJyk7XG4gIGNvbnN0IGdyb3VwZWQgPSBOdW1iZXIoaW50UGFydCkudG9Mb2NhbGVTdHJpbmcoJ2VuLVVTJyk7XG4gIHJldHVybiBgJHtzaWdufSQke2dyb3VwZWR9JHtmcmFjICE9PSB1bmRlZmluZWQgPyAnLicgKyBmcmFjIDogJyd9YDtcbn1cblxuZXhwb3J0IGZ1bmN0aW9uIGZvcm1hdENvdW50KG46IG51bWJlciB8IG51bGwgfCB1bmRlZmluZWQsIHNpbmd1bGFyOiBzdHJpbmcsIHBsdXJhbCA9IHNpbmd1bGFyICsgJ3MnKTogc3RyaW5nIHtcbiAgY29uc3QgdiA9IGlzTnVtYmVyKG4pID8gbiA6IDA7XG4gIHJldHVybiBgJHt2fSAke3YgPT09IDEgPyBzaW5ndWxhciA6IHBsdXJhbH1gO1xufVxuXG5leHBvcnQgZnVuY3Rpb24gZm9ybWF0TGF0ZW5jeShtczogbnVtYmVyIHwgbnVsbCB8IHVuZGVmaW5lZCk6IHN0cmluZyB7XG4gIGlmICghaXNOdW1iZXIobXMpKSByZXR1cm4gJ1x1MjAxNCc7XG4gIGlmIChtcyA8IDEwMDApIHJldHVybiBgJHtNYXRoLnJvdW5kKG1zKX0gbXNgO1xuICByZXR1cm4gYCR7KG1zIC8gMTAwMCkudG9GaXhlZCgxKX0gc2A7XG59XG5cbmV4cG9ydCBmdW5jdGlvbiBmb3JtYXRUb2tlbnMoaW5wdXQ6IG51bWJlciB8IG51bGwgfCB1bmRlZmluZWQsIG91dHB1dDogbnVtYmVyIHwgbnVsbCB8IHVuZGVmaW5lZCk6IHN0cmluZyB7XG4gIGlmICghaXNOdW1iZXIoaW5wdXQpICYmICFpc051bWJlcihvdXRwdXQpKSByZXR1cm4gJ1x1MjAxNCc7XG4gIHJldHVybiBgJHtpc051bWJlcihpbnB1dCkgPyBpbnB1dCA6IDB9IGluIC8gJHtpc051bWJlcihvdXRwdXQpID8gb3V0cHV0IDogMH0gb3V0YDtcbn1cblxuLyoqIFwib3BlbmFpOmdwdC01LjQtbWluaVwiIC0+IFwib3BlbmFpXCI7IGEgYmFyZSBtb2RlbCBuYW1lIC0+IFwiXCIuICovXG5leHBvcnQgZnVuY3Rpb24gcHJvdmlkZXJPZk1vZGVsKG1vZGVsOiBzdHJpbmcgfCBudWxsIHwgdW5kZWZpbmVkKTogc3RyaW5nIHtcbiAgaWYgKCFtb2RlbCkgcmV0dXJuICcnO1xuICBjb25zdCBpID0gbW9kZWwuaW5kZXhPZignOicpO1xuICByZXR1cm4gaSA+IDAgPyBtb2RlbC5zbGljZSgwLCBpKSA6ICcnO1xufVxuXG5jb25zdCBQUk9WSURFUl9OQU1FUzogUmVjb3JkPHN0cmluZywgc3RyaW5nPiA9IHsgb3BlbmFpOiAnT3BlbkFJJywgYW50aHJvcGljOiAnQW50aHJvcGljJyB9O1xuXG5leHBvcnQgZnVuY3Rpb24gcHJvdmlkZXJEaXNwbGF5TmFtZShwcm92aWRlcjogc3RyaW5nKTogc3RyaW5nIHtcbiAgcmV0dXJuIFBST1ZJREVSX05BTUVTW3Byb3ZpZGVyXSA/PyBwcm92aWRlcjtcbn1cblxuLyoqIEVzY2FwZSB0ZXh0IGZvciB1c2UgaW5zaWRlIGEgbWFya2Rvd24gdGFibGUgY2VsbCBvciBpbmxpbmUgdGV4dC4gKi9cbmV4cG9ydCBmdW5jdGlvbiBlc2NhcGVNYXJrZG93bih0ZXh0OiBzdHJpbmcpOiBzdHJpbmcge1xuICByZXR1cm4gU3RyaW5nKHRleHQpXG4gICAgLnJlcGxhY2UoL1xcXFwvZywgJ1xcXFxcXFxcJylcbiAgICAucmVwbGFjZSgvKFtgKl97fVxcW1xcXTw+I3x+XSkvZywgJ1xcXFwkMScpXG4gICAgLnJlcGxhY2UoL1xccj9cXG4vZywgJyAnKTtcbn1cblxuZXhwb3J0IGZ1bmN0aW9uIGJ1ZGdldFNldmVyaXR5KGJ1ZGdldDogQnVkZ2V0SW5mbyB8IG51bGwgfCB1bmRlZmluZWQpOiAnbm9uZScgfCAnd2FybmluZycgfCAnZXJyb3InIHtcbiAgc3dpdGNoIChidWRnZXQ/LnN0YXRlKSB7XG4gICAgY2FzZSAnbmVhcic6XG4gICAgICByZXR1cm4gJ3dhcm5pbmcnO1xuICAgIGNhc2UgJ292ZXInOlxuICAgIGNhc2UgJ3N0b3BwZWQnOlxuICAgICAgcmV0dXJuICdlcnJvcic7XG4gICAgZGVmYXVsdDpcbiAgICAgIHJldHVybiAnbm9uZSc7XG4gIH1cbn1cblxuZXhwb3J0IGZ1bmN0aW9uIGJ1ZGdldExpbmUoYnVkZ2V0OiBCdWRnZXRJbmZvIHwgbnVsbCB8IHVuZGVmaW5lZCk6IHN0cmluZyB8IHVuZGVmaW5lZCB7XG4gIGlmICghYnVkZ2V0IHx8ICFpc051bWJlcihidWRnZXQuY2FwKSkgcmV0dXJuIHVuZGVmaW5lZDtcbiAgY29uc3Qgc2NvcGUgPSBidWRnZXQuc2NvcGUgPyBgJHtidWRnZXQuc2NvcGV9IGAgOiAnJztcbiAgY29uc3QgcGN0ID0gYnVkZ2V0LmNhcCA+IDAgPyBgICgke01hdGgucm91bmQoKGJ1ZGdldC51c2VkIC8gYnVkZ2V0LmNhcCkgKiAxMDApfSUpYCA6ICcnO1xuICBjb25zdCBzdGF0ZSA9XG4gICAgYnVkZ2V0LnN0YXRlID09PSAnbmVhcidcbiAgICAgID8gJyBcdTIwMTQgJCh3YXJuaW5nKSBuZWFyIHRoZSBjYXAnXG4gICAgICA6IGJ1ZGdldC5zdGF0ZSA9PT0gJ292ZXInXG4gICAgICAgID8gJyBcdTIwMTQgJChlcnJvcikgb3ZlciB0aGUgY2FwJ1xuICAgICAgICA6IGJ1ZGdldC5zdGF0ZSA9PT0gJ3N0b3BwZWQnXG4gICAgICAgICAgPyAnIFx1MjAxNCAkKGVycm9yKSBzdG9wcGVkOiByZXF1ZXN0cyByZWZ1c2VkJ1xuICAgICAgICAgIDogJyc7XG4gIHJldHVybiBgQnVkZ2V0OiAke2Zvcm1hdFVzZFByZWNpc2UoYnVkZ2V0LnVzZWQpfSBvZiAke2Zvcm1hdFVzZFByZWNpc2UoYnVkZ2V0LmNhcCl9ICR7c2NvcGV9Y2FwJHtwY3R9JHtzdGF0ZX1gO1xufVxuXG4vKiogU3RhdHVzIGJhciB0ZXh0IGZvciBhIHNwZW5kIHNuYXBzaG90LCBlLmcuIFwiJChwdWxzZSkgJDAuMDQyIFx1MDBCNyBzYXZlZCAkMC4zMVwiLiAqL1xuZXhwb3J0IGZ1bmN0aW9uIHNwZW5kVGV4dChzZXNzaW9uOiBQaWNrPFNlc3Npb25TcGVuZCwgJ2Nvc3RVc2QnIHwgJ3NhdmVkVXNkJz4gfCBudWxsIHwgdW5kZWZpbmVkKTogc3RyaW5nIHtcbiAgY29uc3QgY29zdCA9IGZvcm1hdFVzZChzZXNzaW9uPy5jb3N0VXNkID8/IDApO1xuICBjb25zdCBzYXZlZCA9IHNlc3Npb24/LnNhdmVkVXNkID8/IDA7XG4gIHJldHVybiBzYXZlZCA+IDAgPyBgJChwdWxzZSkgJHtjb3N0fSBcdTAwQjcgc2F2ZWQgJHtmb3JtYXRVc2Qoc2F2ZWQpfWAgOiBgJChwdWxzZSkgJHtjb3N0fWA7XG59XG5cbmZ1bmN0aW9uIGxhc3RMaW5lKGxhc3Q6IExhc3RSZXF1ZXN0KTogc3RyaW5nIHtcbiAgY29uc3QgcGFydHMgPSBbXG4gICAgYCoqTGFzdDoqKiAke2VzY2FwZU1hcmtkb3duKGxhc3QudGFzayl9IFx1MjE5MiAqKiR7ZXNjYXBlTWFya2Rvd24oU3RyaW5nKGxhc3QudGllcikpfSoqYCxcbiAgICBsYXN0Lm1vZGVsID8gYCBcXGAke2xhc3QubW9kZWwucmVwbGFjZSgvYC9nLCBcIidcIil9XFxgYCA6ICcnLFxuICAgIGxhc3QucmVhc29uID8gYCBcdTIwMTQgJHtlc2NhcGVNYXJrZG93bihsYXN0LnJlYXNvbil9YCA6ICcnLFxuICAgIGAgXHUwMEI3ICR7bGFzdC5jYWNoZWQgPyAnY2FjaGUgaGl0JyA6IGxhc3QuY29zdFVzZCA9PT0gbnVsbCB8fCBsYXN0LnByaWNlZCA9PT0gZmFsc2UgPyAndW5wcmljZWQnIDogZm9ybWF0VXNkUHJlY2lzZShsYXN0LmNvc3RVc2QpfWAsXG4gICAgbGFzdC5vdXRjb21lICYmIGxhc3Qub3V0Y29tZSAhPT0gJ29rJyA/IGAgXHUwMEI3ICR7ZXNjYXBlTWFya2Rvd24obGFzdC5vdXRjb21lKX1gIDogJycsXG4gIF07XG4gIHJldHVybiBwYXJ0cy5qb2luKCcnKTtcbn1cblxuLyoqIE9yZGVyIHRhc2tzIHRoZSB3YXkgdXNlcnMgdGhpbmsgb2YgdGhlbSwgdW5rbm93biBvbmVzIGFmdGVyLiAqL1xuY29uc3QgVEFTS19PUkRFUiA9IFsnYXV0b2NvbXBsZXRlJywgJ3JlbmFtZScsICdleHBsYWluJywgJ3JlZmFjdG9yJ107XG5jb25zdCBUSUVSX09SREVSID0gWydtaW5pJywgJ2Zyb250aWVyJ107XG5cbmZ1bmN0aW9uIG9yZGVyZWQoa2V5czogc3RyaW5nW10sIG9yZGVyOiBzdHJpbmdbXSk6IHN0cmluZ1tdIHtcbiAgcmV0dXJuIFsuLi5rZXlzXS5zb3J0KChhLCBiKSA9PiB7XG4gICAgY29uc3QgaWEgPSBvcmRlci5pbmRleE9mKGEpO1xuICAgIGNvbnN0IGliID0gb3JkZXIuaW5kZXhPZihiKTtcbiAgICByZXR1cm4gKGlhIDwgMCA/IDk5IDogaWEpIC0gKGliIDwgMCA/IDk5IDogaWIpIHx8IGEubG9jYWxlQ29tcGFyZShiKTtcbiAgfSk7XG59XG5cbi8qKlxuICogVGhlIHN0YXR1cyBiYXIgdG9vbHRpcDogc2Vzc2lvbiB0b3RhbHMsIGEgYnktdGFzayB0YWJsZSwgYSBieS10aWVyIGxpbmUsIHRoZSBsYXN0IHJlcXVlc3QsXG4gKiB0aGUgYnVkZ2V0LCBhbmQgY29tbWFuZCBsaW5rcy4gTWFya2Rvd24gZm9yIGEgYHZzY29kZS5NYXJrZG93blN0cmluZ2Agd2l0aCBgc3VwcG9ydFRoZW1lSWNvbnNgLlxuICovXG5leHBvcnQgZnVuY3Rpb24gdG9vbHRpcE1hcmtkb3duKHNuYXBzaG90OiBTcGVuZFNuYXBzaG90IHwgbnVsbCB8IHVuZGVmaW5lZCwgbm90aWNlPzogc3RyaW5nKTogc3RyaW5nIHtcbiAgY29uc3QgbGluZXM6IHN0cmluZ1tdID0gW107XG4gIGxpbmVzLnB1c2goJyoqTFNQIFJvdXRlcioqIFx1MjAxNCBzZXNzaW9uIHNwZW5kJyk7XG4gIGxpbmVzLnB1c2goJycpO1xuICBpZiAobm90aWNlKSB7XG4gICAgbGluZXMucHVzaChub3RpY2UpO1xuICAgIGxpbmVzLnB1c2goJycpO1xuICB9XG4gIGlmICghc25hcHNob3QpIHtcbiAgICBsaW5lcy5wdXNoKCdObyByZXF1ZXN0cyB5ZXQuJyk7XG4gIH0gZWxzZSB7XG4gICAgY29uc3QgcyA9IHNuYXBzaG90LnNlc3Npb247XG4gICAgbGluZXMucHVzaChcbiAgICAgIGBTZXNzaW9uIFxcYCR7U3RyaW5nKHMuaWQgPz8gJycpLnJlcGxhY2UoL2AvZywgXCInXCIpfVxcYDogKioke2Zvcm1hdFVzZFByZWNpc2Uocy5jb3N0VXNkKX0qKiBzcGVudCwgYCArXG4gICAgICAgIGAqKiR7Zm9ybWF0VXNkUHJlY2lzZShzLnNhdmVkVXNkKX0qKiBzYXZlZCB2cyBhbGwtZnJvbnRpZXJgICtcbiAgICAgICAgKGlzTnVtYmVyKHMuZnJvbnRpZXJDb3N0VXNkKSA/IGAgKCR7Zm9ybWF0VXNkUHJlY2lzZShzLmZyb250aWVyQ29zdFVzZCl9KWAgOiAnJyksXG4gICAgKTtcbiAgICBsaW5lcy5wdXNoKCcnKTtcbiAgICBsaW5lcy5wdXNoKFxuICAgICAgYCR7Zm9ybWF0Q291bnQocy5yZXF1ZXN0cywgJ3JlcXVlc3QnKX0gXHUwMEI3ICR7Zm9ybWF0Q291bnQocy5jYWNoZUhpdHMsICdjYWNoZSBoaXQnKX0gXHUwMEI3IGAgK1xuICAgICAgICBgJHtmb3JtYXRDb3VudChzLmVzY2FsYXRpb25zLCAnZXNjYWxhdGlvbicpfWAgK1xuICAgICAgICAocy5lcnJvcnMgPyBgIFx1MDBCNyAke2Zvcm1hdENvdW50KHMuZXJyb3JzLCAnZXJyb3InKX1gIDogJycpICtcbiAgICAgICAgKHMudW5wcmljZWQgPyBgIFx1MDBCNyAke3MudW5wcmljZWR9IHVucHJpY2VkYCA6ICcnKSxcbiAgICApO1xuICAgIGNvbnN0IHRhc2tzID0gb3JkZXJlZChPYmplY3Qua2V5cyhzLmJ5VGFzayA/PyB7fSksIFRBU0tfT1JERVIpO1xuICAgIGlmICh0YXNrcy5sZW5ndGgpIHtcbiAgICAgIGxpbmVzLnB1c2goJycpO1xuICAgICAgbGluZXMucHVzaCgnKipCeSB0YXNrKionKTtcbiAgICAgIGxpbmVzLnB1c2goJycpO1xuICAgICAgbGluZXMucHVzaCgnfCB0YXNrIHwgY29zdCB8IHNhdmVkIHwgcmVxdWVzdHMgfCBjYWNoZSBoaXRzIHwgZXNjYWxhdGlvbnMgfCcpO1xuICAgICAgbGluZXMucHVzaCgnfDotLXwtLTp8LS06fC0tOnwtLTp8LS06fCcpO1xuICAgICAgZm9yIChjb25zdCB0IG9mIHRhc2tzKSB7XG4gICAgICAgIGNvbnN0IHYgPSBzLmJ5VGFzayFbdF07XG4gICAgICAgIGxpbmVzLnB1c2goXG4gICAgICAgICAgYHwgJHtlc2NhcGVNYXJrZG93bih0KX0gfCAke2Zvcm1hdFVzZFByZWNpc2Uodi5jb3N0VXNkKX0gfCAke2Zvcm1hdFVzZFByZWNpc2Uodi5zYXZlZFVzZCA/PyAwKX0gfCBgICtcbiAgICAgICAgICAgIGAke3YucmVxdWVzdHMgPz8gMH0gfCAke3YuY2FjaGVIaXRzID8/IDB9IHwgJHt2LmVzY2FsYXRpb25zID8/IDB9IHxgLFxuICAgICAgICApO1xuICAgICAgfVxuICAgIH1cbiAgICBjb25zdCB0aWVycyA9IG9yZGVyZWQoT2JqZWN0LmtleXMocy5ieVRpZXIgPz8ge30pLCBUSUVSX09SREVSKTtcbiAgICBpZiAodGllcnMubGVuZ3RoKSB7XG4gICAgICBsaW5lcy5wdXNoKCcnKTtcbiAgICAgIGxpbmVzLnB1c2goXG4gICAgICAgICcqKkJ5IHRpZXI6KiogJyArXG4gICAgICAgICAgdGllcnNcbiAgICAgICAgICAgIC5tYXAoKHQpID0+IHtcbiAgICAgICAgICAgICAgY29uc3QgdiA9IHMuYnlUaWVyIVt0XTtcbiAgICAgICAgICAgICAgcmV0dXJuIGAke2VzY2FwZU1hcmtkb3duKHQpfSAke2Zvcm1hdFVzZFByZWNpc2Uodi5jb3N0VXNkKX0gKCR7Zm9ybWF0Q291bnQodi5yZXF1ZXN0cywgJ3JlcXVlc3QnKX0pYDtcbiAgICAgICAgICAgIH0pXG4gICAgICAgICAgICAuam9pbignIFx1MDBCNyAnKSxcbiAgICAgICk7XG4gICAgfVxuICAgIGlmIChzbmFwc2hvdC5sYXN0KSB7XG4gICAgICBsaW5lcy5wdXNoKCcnKTtcbiAgICAgIGxpbmVzLnB1c2gobGFzdExpbmUoc25hcHNob3QubGFzdCkpO1xuICAgIH1cbiAgICBjb25zdCBiID0gYnVkZ2V0TGluZShzLmJ1ZGdldCk7XG4gICAgaWYgKGIpIHtcbiAgICAgIGxpbmVzLnB1c2goJycpO1xuICAgICAgbGluZXMucHVzaChiKTtcbiAgICB9XG4gIH1cbiAgbGluZXMucHVzaCgnJyk7XG4gIGxpbmVzLnB1c2goXG4gICAgJ1skKGdyYXBoKSBTcGVuZCB2aWV3XShjb21tYW5kOmxzcFJvdXRlci5zaG93U3BlbmQpIFx1MDBCNyBbJChyZWZyZXNoKSBSZXNldCBzZXNzaW9uXShjb21tYW5kOmxzcFJvdXRlci5uZXdTZXNzaW9uKSBcdTAwQjcgJyArXG4gICAgICAnWyQob3V0cHV0KSBTZXJ2ZXIgbG9nXShjb21tYW5kOmxzcFJvdXRlci5zaG93T3V0cHV0KScsXG4gICk7XG4gIHJldHVybiBsaW5lcy5qb2luKCdcXG4nKTtcbn1cblxuLyoqIEhlYWRlciBsaW5lIGFib3ZlIGFuIGV4cGxhbmF0aW9uOiBcImZyb250aWVyIFx1MDBCNyBhbnRocm9waWM6Y2xhdWRlLW9wdXMtNC03IFx1MDBCNyAkMC4wMDQyIFx1MDBCNyBjYWNoZWRcIi4gKi9cbmV4cG9ydCBmdW5jdGlvbiBleHBsYWluSGVhZGVyKHI6IHtcbiAgdGllcj86IHN0cmluZztcbiAgbW9kZWw/OiBzdHJpbmc7XG4gIGNvc3RVc2Q/OiBudW1iZXIgfCBudWxsO1xuICBjYWNoZWQ/OiBib29sZWFuO1xuICByZWFzb24/OiBzdHJpbmc7XG59KTogc3RyaW5nIHtcbiAgY29uc3QgcGFydHM6IHN0cmluZ1tdID0gW107XG4gIGlmIChyLnRpZXIpIHBhcnRzLnB1c2goU3RyaW5nKHIudGllcikpO1xuICBpZiAoci5tb2RlbCkgcGFydHMucHVzaChyLm1vZGVsKTtcbiAgaWYgKHIuY2FjaGVkKSBwYXJ0cy5wdXNoKCdjYWNoZSBoaXQnKTtcbiAgZWxzZSBpZiAoci5jb3N0VXNkID09PSBudWxsKSBwYXJ0cy5wdXNoKCd1bnByaWNlZCcpO1xuICBlbHNlIGlmIChpc051bWJlcihyLmNvc3RVc2QpKSBwYXJ0cy5wdXNoKGZvcm1hdFVzZFByZWNpc2Uoci5jb3N0VXNkKSk7XG4gIGlmIChyLnJlYXNvbikgcGFydHMucHVzaChyLnJlYXNvbik7XG4gIHJldHVybiBwYXJ0cy5qb2luKCcgXHUwMEI3ICcpO1xufVxuIiwgIi8vIFRoZSBzcGVuZCB2aWV3J3MgSFRNTDogdGhpcyBzZXNzaW9uJ3MgcmVxdWVzdHMgYXMgYSB0YWJsZSBhbmQgYW4gaW5saW5lIFNWRyBjaGFydCBvZiBjdW11bGF0aXZlXG4vLyBzcGVuZCBhZ2FpbnN0IHRoZSBhbGwtZnJvbnRpZXIgY291bnRlcmZhY3R1YWwuIFB1cmUgKG5vIGB2c2NvZGVgIGltcG9ydCk6IHVuaXQgdGVzdGVkLlxuXG5pbXBvcnQgeyBmb3JtYXRMYXRlbmN5LCBmb3JtYXRUb2tlbnMsIGZvcm1hdFVzZCwgZm9ybWF0VXNkUHJlY2lzZSB9IGZyb20gJy4vZm9ybWF0JztcbmltcG9ydCB0eXBlIHsgU3BlbmRTbmFwc2hvdCB9IGZyb20gJy4vcHJvdG9jb2wnO1xuaW1wb3J0IHR5cGUgeyBTcGVuZFJlY29yZCB9IGZyb20gJy4vc3RhdGUnO1xuXG5leHBvcnQgZnVuY3Rpb24gZXNjYXBlSHRtbChzOiB1bmtub3duKTogc3RyaW5nIHtcbiAgcmV0dXJuIFN0cmluZyhzID8/ICcnKVxuICAgIC5yZXBsYWNlKC8mL2csICcmYW1wOycpXG4gICAgLnJlcGxhY2UoLzwvZywgJyZsdDsnKVxuICAgIC5yZXBsYWNlKC8+L2csICcmZ3Q7JylcbiAgICAucmVwbGFjZSgvXCIvZywgJyZxdW90OycpXG4gICAgLnJlcGxhY2UoLycvZywgJyYjMzk7Jyk7XG59XG5cbmV4cG9ydCBpbnRlcmZhY2UgQ2hhcnRHZW9tZXRyeSB7XG4gIHdpZHRoOiBudW1iZXI7XG4gIGhlaWdodDogbnVtYmVyO1xuICAvKiogUG9pbnRzIFwieCx5IHgseSAuLi5cIiBmb3IgdGhlIHNlc3Npb24ncyBjdW11bGF0aXZlIHNwZW5kLiAqL1xuICBhY3R1YWw6IHN0cmluZztcbiAgLyoqIFBvaW50cyBmb3IgdGhlIGFsbC1mcm9udGllciBjb3VudGVyZmFjdHVhbC4gKi9cbiAgZnJvbnRpZXI6IHN0cmluZztcbiAgbWF4VXNkOiBudW1iZXI7XG59XG5cbi8qKiBDaGFydCBnZW9tZXRyeTogeCA9IHJlcXVlc3QgbnVtYmVyICgwID0gc3RhcnQgb2Ygc2Vzc2lvbiksIHkgPSBjdW11bGF0aXZlIFVTRC4gKi9cbmV4cG9ydCBmdW5jdGlvbiBjaGFydEdlb21ldHJ5KHJlY29yZHM6IFNwZW5kUmVjb3JkW10sIHdpZHRoID0gNTYwLCBoZWlnaHQgPSAxODAsIHBhZCA9IDI4KTogQ2hhcnRHZW9tZXRyeSB7XG4gIGNvbnN0IG4gPSByZWNvcmRzLmxlbmd0aDtcbiAgY29uc3QgbWF4VXNkID0gTWF0aC5tYXgoXG4gICAgMWUtOSxcbiAgICAuLi5yZWNvcmRzLm1hcCgocikgPT4gci5jdW11bGF0aXZlRnJvbnRpZXJVc2QpLFxuICAgIC4uLnJlY29yZHMubWFwKChyKSA9PiByLmN1bXVsYXRpdmVVc2QpLFxuICApO1xuICBjb25zdCB4ID0gKGk6IG51bWJlcikgPT4gcGFkICsgKG4gPT09IDAgPyAwIDogKGkgLyBuKSAqICh3aWR0aCAtIDIgKiBwYWQpKTtcbiAgY29uc3QgeSA9ICh2OiBudW1iZXIpID0+IGhlaWdodCAtIHBhZCAtICh2IC8gbWF4VXNkKSAqIChoZWlnaHQgLSAyICogcGFkKTtcbiAgY29uc3QgcHRzID0gKGY6IChyOiBTcGVuZFJlY29yZCkgPT4gbnVtYmVyKSA9PlxuICAgIFtgJHt4KDApLnRvRml4ZWQoMSl9LCR7eSgwKS50b0ZpeGVkKDEpfWAsIC4uLnJlY29yZHMubWFwKChyLCBpKSA9PiBgJHt4KGkgKyAxKS50b0ZpeGVkKDEpfSwke3koZihyKSkudG9GaXhlZCgxKX1gKV0uam9pbignICcpO1xuICByZXR1cm4ge1xuICAgIHdpZHRoLFxuICAgIGhlaWdodCxcbiAgICBhY3R1YWw6IHB0cygocikgPT4gci5jdW11bGF0aXZlVXNkKSxcbiAgICBmcm9udGllcjogcHRzKChyKSA9PiByLmN1bXVsYXRpdmVGcm9udGllclVzZCksXG4gICAgbWF4VXNkOiByZWNvcmRzLmxlbmd0aCA/IG1heFVzZCA6IDAsXG4gIH07XG59XG5cbmV4cG9ydCBmdW5jdGlvbiBjaGFydFN2ZyhyZWNvcmRzOiBTcGVuZFJlY29yZFtdKTogc3RyaW5nIHtcbiAgY29uc3QgZyA9IGNoYXJ0R2VvbWV0cnkocmVjb3Jkcyk7XG4gIGNvbnN0IHBhZCA9IDI4O1xuICByZXR1cm4gYDxzdmcgY2xhc3M9XCJjaGFydFwiIHZpZXdCb3g9XCIwIDAgJHtnLndpZHRofSAke2cuaGVpZ2h0fVwiIHdpZHRoPVwiJHtnLndpZHRofVwiIGhlaWdodD1cIiR7Zy5oZWlnaHR9XCIgcm9sZT1cImltZ1wiXG4gIGFyaWEtbGFiZWw9XCJDdW11bGF0aXZlIHNwZW5kIG9mIHRoaXMgc2Vzc2lvbiBhZ2FpbnN0IHRoZSBhbGwtZnJvbnRpZXIgY291bnRlcmZhY3R1YWxcIj5cbiAgPGxpbmUgY2xhc3M9XCJheGlzXCIgeDE9XCIke3BhZH1cIiB5MT1cIiR7Zy5oZWlnaHQgLSBwYWR9XCIgeDI9XCIke2cud2lkdGggLSBwYWR9XCIgeTI9XCIke2cuaGVpZ2h0IC0gcGFkfVwiLz5cbiAgPGxpbmUgY2xhc3M9XCJheGlzXCIgeDE9XCIke3BhZH1cIiB5MT1cIiR7cGFkfVwiIHgyPVwiJHtwYWR9XCIgeTI9XCIke2cuaGVpZ2h0IC0gcGFkfVwiLz5cbiAgPHRleHQgY2xhc3M9XCJsYWJlbFwiIHg9XCIke3BhZCArIDR9XCIgeT1cIiR7cGFkIC0gOH1cIj4ke2VzY2FwZUh0bWwoZm9ybWF0VXNkKGcubWF4VXNkKSl9PC90ZXh0PlxuICA8dGV4dCBjbGFzcz1cImxhYmVsXCIgeD1cIiR7Zy53aWR0aCAtIHBhZH1cIiB5PVwiJHtnLmhlaWdodCAtIDh9XCIgdGV4dC1hbmNob3I9XCJlbmRcIj4ke3JlY29yZHMubGVuZ3RofSByZXF1ZXN0czwvdGV4dD5cbiAgPHBvbHlsaW5lIGNsYXNzPVwiZnJvbnRpZXJcIiBwb2ludHM9XCIke2cuZnJvbnRpZXJ9XCIvPlxuICA8cG9seWxpbmUgY2xhc3M9XCJhY3R1YWxcIiBwb2ludHM9XCIke2cuYWN0dWFsfVwiLz5cbjwvc3ZnPmA7XG59XG5cbmV4cG9ydCBmdW5jdGlvbiByb3dzSHRtbChyZWNvcmRzOiBTcGVuZFJlY29yZFtdKTogc3RyaW5nIHtcbiAgaWYgKCFyZWNvcmRzLmxlbmd0aCkge1xuICAgIHJldHVybiAnPHRyPjx0ZCBjb2xzcGFuPVwiMTFcIiBjbGFzcz1cImVtcHR5XCI+Tm8gcmVxdWVzdHMgaW4gdGhpcyBzZXNzaW9uIHlldC48L3RkPjwvdHI+JztcbiAgfVxuICByZXR1cm4gWy4uLnJlY29yZHNdXG4gICAgLnJldmVyc2UoKVxuICAgIC5tYXAoKHIpID0+IHtcbiAgICAgIGNvbnN0IGwgPSByLmxhc3Q7XG4gICAgICBjb25zdCBjb3N0ID0gbC5jYWNoZWQgPyAnY2FjaGUgaGl0JyA6IGwuY29zdFVzZCA9PT0gbnVsbCB8fCBsLnByaWNlZCA9PT0gZmFsc2UgPyAndW5wcmljZWQnIDogZm9ybWF0VXNkUHJlY2lzZShsLmNvc3RVc2QpO1xuICAgICAgY29uc3QgdGltZSA9IG5ldyBEYXRlKHIudGltZSkudG9Mb2NhbGVUaW1lU3RyaW5nKCdlbi1HQicsIHsgaG91cjEyOiBmYWxzZSB9KTtcbiAgICAgIHJldHVybiAoXG4gICAgICAgIGA8dHIgY2xhc3M9XCJ0aWVyLSR7ZXNjYXBlSHRtbChsLnRpZXIpfVwiPmAgK1xuICAgICAgICBgPHRkIGNsYXNzPVwibnVtXCI+JHtyLmluZGV4fTwvdGQ+YCArXG4gICAgICAgIGA8dGQ+JHtlc2NhcGVIdG1sKHRpbWUpfTwvdGQ+YCArXG4gICAgICAgIGA8dGQ+JHtlc2NhcGVIdG1sKGwudGFzayl9PC90ZD5gICtcbiAgICAgICAgYDx0ZD48c3BhbiBjbGFzcz1cInRpZXJcIj4ke2VzY2FwZUh0bWwobC50aWVyKX08L3NwYW4+PC90ZD5gICtcbiAgICAgICAgYDx0ZD48Y29kZT4ke2VzY2FwZUh0bWwobC5tb2RlbCl9PC9jb2RlPjwvdGQ+YCArXG4gICAgICAgIGA8dGQ+JHtlc2NhcGVIdG1sKGwucmVhc29uKX08L3RkPmAgK1xuICAgICAgICBgPHRkPiR7ZXNjYXBlSHRtbChmb3JtYXRUb2tlbnMobC5pbnB1dFRva2VucywgbC5vdXRwdXRUb2tlbnMpKX08L3RkPmAgK1xuICAgICAgICBgPHRkIGNsYXNzPVwibnVtXCI+JHtlc2NhcGVIdG1sKGZvcm1hdExhdGVuY3kobC5sYXRlbmN5TXMpKX08L3RkPmAgK1xuICAgICAgICBgPHRkIGNsYXNzPVwibnVtXCI+JHtlc2NhcGVIdG1sKGNvc3QpfTwvdGQ+YCArXG4gICAgICAgIGA8dGQgY2xhc3M9XCJudW1cIj4ke2VzY2FwZUh0bWwoZm9ybWF0VXNkUHJlY2lzZShyLmN1bXVsYXRpdmVVc2QpKX08L3RkPmAgK1xuICAgICAgICBgPHRkPiR7ZXNjYXBlSHRtbChsLm91dGNvbWUgPz8gJ29rJyl9PC90ZD5gICtcbiAgICAgICAgYDwvdHI+YFxuICAgICAgKTtcbiAgICB9KVxuICAgIC5qb2luKCdcXG4nKTtcbn1cblxuZXhwb3J0IGludGVyZmFjZSBTcGVuZFBhZ2VPcHRpb25zIHtcbiAgcmVjb3JkczogU3BlbmRSZWNvcmRbXTtcbiAgc25hcHNob3Q6IFNwZW5kU25hcHNob3QgfCBudWxsO1xuICBub25jZTogc3RyaW5nO1xuICBjc3BTb3VyY2U6IHN0cmluZztcbn1cblxuZXhwb3J0IGZ1bmN0aW9uIHNwZW5kUGFnZUh0bWwobzogU3BlbmRQYWdlT3B0aW9ucyk6IHN0cmluZyB7XG4gIGNvbnN0IHMgPSBvLnNuYXBzaG90Py5zZXNzaW9uO1xuICBjb25zdCBzdW1tYXJ5ID0gc1xuICAgID8gYDxwIGNsYXNzPVwic3VtbWFyeVwiPjxzdHJvbmcgaWQ9XCJzZXNzaW9uLWNvc3RcIj4ke2VzY2FwZUh0bWwoZm9ybWF0VXNkUHJlY2lzZShzLmNvc3RVc2QpKX08L3N0cm9uZz4gc3BlbnQgXHUwMEI3XG4gICAgICAgPHN0cm9uZz4ke2VzY2FwZUh0bWwoZm9ybWF0VXNkUHJlY2lzZShzLnNhdmVkVXNkKSl9PC9zdHJvbmc+IHNhdmVkIGFnYWluc3QgYWxsLWZyb250aWVyXG4gICAgICAgKCR7ZXNjYXBlSHRtbChmb3JtYXRVc2RQcmVjaXNlKHMuZnJvbnRpZXJDb3N0VXNkID8/IHMuY29zdFVzZCArIHMuc2F2ZWRVc2QpKX0pIFx1MDBCN1xuICAgICAgICR7cy5yZXF1ZXN0c30gcmVxdWVzdHMgXHUwMEI3ICR7cy5jYWNoZUhpdHN9IGNhY2hlIGhpdHMgXHUwMEI3ICR7cy5lc2NhbGF0aW9uc30gZXNjYWxhdGlvbnNcbiAgICAgICA8c3BhbiBjbGFzcz1cIm11dGVkXCI+XHUyMDE0IHNlc3Npb24gPGNvZGUgaWQ9XCJzZXNzaW9uLWlkXCI+JHtlc2NhcGVIdG1sKHMuaWQpfTwvY29kZT48L3NwYW4+PC9wPmBcbiAgICA6ICc8cCBjbGFzcz1cInN1bW1hcnkgbXV0ZWRcIj5ObyBzcGVuZCByZXBvcnRlZCBieSB0aGUgc2VydmVyIHlldC48L3A+JztcbiAgcmV0dXJuIGA8IURPQ1RZUEUgaHRtbD5cbjxodG1sIGxhbmc9XCJlblwiPlxuPGhlYWQ+XG48bWV0YSBjaGFyc2V0PVwiVVRGLThcIj5cbjxtZXRhIGh0dHAtZXF1aXY9XCJDb250ZW50LVNlY3VyaXR5LVBvbGljeVwiIGNvbnRlbnQ9XCJkZWZhdWx0LXNyYyAnbm9uZSc7IHN0eWxlLXNyYyAke28uY3NwU291cmNlfSAnbm9uY2UtJHtvLm5vbmNlfSc7IHNjcmlwdC1zcmMgJ25vbmNlLSR7by5ub25jZX0nO1wiPlxuPG1ldGEgbmFtZT1cInZpZXdwb3J0XCIgY29udGVudD1cIndpZHRoPWRldmljZS13aWR0aCwgaW5pdGlhbC1zY2FsZT0xLjBcIj5cbjx0aXRsZT5MU1AgUm91dGVyIHNwZW5kPC90aXRsZT5cbjxzdHlsZSBub25jZT1cIiR7by5ub25jZX1cIj5cbiAgYm9keSB7IGZvbnQtZmFtaWx5OiB2YXIoLS12c2NvZGUtZm9udC1mYW1pbHkpOyBmb250LXNpemU6IHZhcigtLXZzY29kZS1mb250LXNpemUpOyBjb2xvcjogdmFyKC0tdnNjb2RlLWZvcmVncm91bmQpOyBwYWRkaW5nOiAwIDE2cHggMTZweDsgfVxuICBoMiB7IGZvbnQtd2VpZ2h0OiA2MDA7IG1hcmdpbjogMTZweCAwIDRweDsgfVxuICAubXV0ZWQgeyBjb2xvcjogdmFyKC0tdnNjb2RlLWRlc2NyaXB0aW9uRm9yZWdyb3VuZCk7IH1cbiAgLmNoYXJ0IHsgbWF4LXdpZHRoOiAxMDAlOyBoZWlnaHQ6IGF1dG87IH1cbiAgLmNoYXJ0IC5heGlzIHsgc3Ryb2tlOiB2YXIoLS12c2NvZGUtZWRpdG9yV2lkZ2V0LWJvcmRlciwgIzg4OCk7IHN0cm9rZS13aWR0aDogMTsgfVxuICAuY2hhcnQgLmxhYmVsIHsgZmlsbDogdmFyKC0tdnNjb2RlLWRlc2NyaXB0aW9uRm9yZWdyb3VuZCk7IGZvbnQtc2l6ZTogMTFweDsgfVxuICAuY2hhcnQgcG9seWxpbmUgeyBmaWxsOiBub25lOyBzdHJva2Utd2lkdGg6IDI7IH1cbiAgLmNoYXJ0IC5hY3R1YWwgeyBzdHJva2U6IHZhcigtLXZzY29kZS1jaGFydHMtYmx1ZSwgIzM3OTRmZik7IH1cbiAgLmNoYXJ0IC5mcm9udGllciB7IHN0cm9rZTogdmFyKC0tdnNjb2RlLWNoYXJ0cy1vcmFuZ2UsICNkMTg2MTYpOyBzdHJva2UtZGFzaGFycmF5OiA1IDQ7IH1cbiAgLmxlZ2VuZCBzcGFuIHsgbWFyZ2luLXJpZ2h0OiAxNnB4OyB9XG4gIC5zd2F0Y2ggeyBkaXNwbGF5OiBpbmxpbmUtYmxvY2s7IHdpZHRoOiAxOHB4OyBoZWlnaHQ6IDNweDsgdmVydGljYWwtYWxpZ246IG1pZGRsZTsgbWFyZ2luLXJpZ2h0OiA2cHg7IH1cbiAgLnN3YXRjaC5hY3R1YWwgeyBiYWNrZ3JvdW5kOiB2YXIoLS12c2NvZGUtY2hhcnRzLWJsdWUsICMzNzk0ZmYpOyB9XG4gIC5zd2F0Y2guZnJvbnRpZXIgeyBiYWNrZ3JvdW5kOiB2YXIoLS12c2NvZGUtY2hhcnRzLW9yYW5nZSwgI2QxODYxNik7IH1cbiAgLnRhYmxlLXdyYXAgeyBvdmVyZmxvdy14OiBhdXRvOyB9XG4gIHRhYmxlIHsgYm9yZGVyLWNvbGxhcHNlOiBjb2xsYXBzZTsgd2lkdGg6IDEwMCU7IG1hcmdpbi10b3A6IDhweDsgfVxuICB0aCwgdGQgeyB0ZXh0LWFsaWduOiBsZWZ0OyBwYWRkaW5nOiAzcHggOHB4OyBib3JkZXItYm90dG9tOiAxcHggc29saWQgdmFyKC0tdnNjb2RlLWVkaXRvcldpZGdldC1ib3JkZXIsIHJnYmEoMTI4LDEyOCwxMjgsLjMpKTsgdmVydGljYWwtYWxpZ246IHRvcDsgfVxuICB0aCB7IGZvbnQtd2VpZ2h0OiA2MDA7IH1cbiAgdGQubnVtLCB0aC5udW0geyB0ZXh0LWFsaWduOiByaWdodDsgZm9udC12YXJpYW50LW51bWVyaWM6IHRhYnVsYXItbnVtczsgfVxuICAudGllciB7IHBhZGRpbmc6IDAgNnB4OyBib3JkZXItcmFkaXVzOiA4cHg7IGJhY2tncm91bmQ6IHZhcigtLXZzY29kZS1iYWRnZS1iYWNrZ3JvdW5kKTsgY29sb3I6IHZhcigtLXZzY29kZS1iYWRnZS1mb3JlZ3JvdW5kKTsgfVxuICAudGllci1mcm9udGllciAudGllciB7IGJhY2tncm91bmQ6IHZhcigtLXZzY29kZS1jaGFydHMtb3JhbmdlLCAjZDE4NjE2KTsgY29sb3I6IHZhcigtLXZzY29kZS1lZGl0b3ItYmFja2dyb3VuZCk7IH1cbiAgLmVtcHR5IHsgY29sb3I6IHZhcigtLXZzY29kZS1kZXNjcmlwdGlvbkZvcmVncm91bmQpOyBmb250LXN0eWxlOiBpdGFsaWM7IH1cbiAgYnV0dG9uIHsgY29sb3I6IHZhcigtLXZzY29kZS1idXR0b24tZm9yZWdyb3VuZCk7IGJhY2tncm91bmQ6IHZhcigtLXZzY29kZS1idXR0b24tYmFja2dyb3VuZCk7IGJvcmRlcjogbm9uZTsgcGFkZGluZzogNHB4IDEwcHg7IGN1cnNvcjogcG9pbnRlcjsgfVxuICBidXR0b246aG92ZXIgeyBiYWNrZ3JvdW5kOiB2YXIoLS12c2NvZGUtYnV0dG9uLWhvdmVyQmFja2dyb3VuZCk7IH1cbjwvc3R5bGU+XG48L2hlYWQ+XG48Ym9keT5cbjxoMj5UaGlzIHNlc3Npb248L2gyPlxuJHtzdW1tYXJ5fVxuPGRpdiBjbGFzcz1cImxlZ2VuZCBtdXRlZFwiPjxzcGFuPjxpIGNsYXNzPVwic3dhdGNoIGFjdHVhbFwiPjwvaT5jdW11bGF0aXZlIHNwZW5kPC9zcGFuPjxzcGFuPjxpIGNsYXNzPVwic3dhdGNoIGZyb250aWVyXCI+PC9pPmFsbC1mcm9udGllciBjb3VudGVyZmFjdHVhbDwvc3Bhbj48L2Rpdj5cbiR7Y2hhcnRTdmcoby5yZWNvcmRzKX1cbjxoMj5SZXF1ZXN0czwvaDI+XG48ZGl2IGNsYXNzPVwidGFibGUtd3JhcFwiPlxuPHRhYmxlIGlkPVwicmVxdWVzdHNcIj5cbjx0aGVhZD48dHI+PHRoIGNsYXNzPVwibnVtXCI+IzwvdGg+PHRoPnRpbWU8L3RoPjx0aD50YXNrPC90aD48dGg+dGllcjwvdGg+PHRoPm1vZGVsPC90aD48dGg+cmVhc29uPC90aD48dGg+dG9rZW5zPC90aD48dGggY2xhc3M9XCJudW1cIj5sYXRlbmN5PC90aD48dGggY2xhc3M9XCJudW1cIj5jb3N0PC90aD48dGggY2xhc3M9XCJudW1cIj5zZXNzaW9uPC90aD48dGg+b3V0Y29tZTwvdGg+PC90cj48L3RoZWFkPlxuPHRib2R5PlxuJHtyb3dzSHRtbChvLnJlY29yZHMpfVxuPC90Ym9keT5cbjwvdGFibGU+XG48L2Rpdj5cbjxwPjxidXR0b24gaWQ9XCJyZXNldFwiPlJlc2V0IHNlc3Npb248L2J1dHRvbj48L3A+XG48c2NyaXB0IG5vbmNlPVwiJHtvLm5vbmNlfVwiPlxuICBjb25zdCB2c2NvZGUgPSBhY3F1aXJlVnNDb2RlQXBpKCk7XG4gIGRvY3VtZW50LmdldEVsZW1lbnRCeUlkKCdyZXNldCcpLmFkZEV2ZW50TGlzdGVuZXIoJ2NsaWNrJywgKCkgPT4gdnNjb2RlLnBvc3RNZXNzYWdlKHsgdHlwZTogJ3Jlc2V0JyB9KSk7XG48L3NjcmlwdD5cbjwvYm9keT5cbjwvaHRtbD5gO1xufVxuIiwgIi8vIEEgc21hbGwsIHNhZmUgbWFya2Rvd24gLT4gSFRNTCByZW5kZXJlciBmb3Igc3RyZWFtZWQgZXhwbGFuYXRpb25zLiBUaGUgZXhwbGFpbiBwYW5lbCBwcmVmZXJzXG4vLyBWUyBDb2RlJ3Mgb3duIHJlbmRlcmVyIChgbWFya2Rvd24uYXBpLnJlbmRlcmApIGFuZCBmYWxscyBiYWNrIHRvIHRoaXMgb25lLiBQdXJlOiB1bml0IHRlc3RlZC5cbi8vIEV2ZXJ5dGhpbmcgaXMgSFRNTC1lc2NhcGVkIGZpcnN0OyBvbmx5IHRoZSBjb25zdHJ1Y3RzIGJlbG93IGJlY29tZSBtYXJrdXAuXG5cbmltcG9ydCB7IGVzY2FwZUh0bWwgfSBmcm9tICcuL3NwZW5kSHRtbCc7XG5cbmZ1bmN0aW9uIGlubGluZSh0ZXh0OiBzdHJpbmcpOiBzdHJpbmcge1xuICAvLyBTcGxpdCBvbiBpbmxpbmUgY29kZSBmaXJzdCBzbyBpdHMgY29udGVudCBpcyBub3QgZm9ybWF0dGVkLlxuICByZXR1cm4gdGV4dFxuICAgIC5zcGxpdCgvKGBbXmBdKmApL2cpXG4gICAgLm1hcCgocGFydCkgPT4ge1xuICAgICAgaWYgKHBhcnQubGVuZ3RoID49IDIgJiYgcGFydC5zdGFydHNXaXRoKCdgJykgJiYgcGFydC5lbmRzV2l0aCgnYCcpKSB7XG4gICAgICAgIHJldHVybiBgPGNvZGU+JHtlc2NhcGVIdG1sKHBhcnQuc2xpY2UoMSwgLTEpKX08L2NvZGU+YDtcbiAgICAgIH1cbiAgICAgIHJldHVybiBlc2NhcGVIdG1sKHBhcnQpXG4gICAgICAgIC5yZXBsYWNlKC9cXCpcXCooW14qXSspXFwqXFwqL2csICc8c3Ryb25nPiQxPC9zdHJvbmc+JylcbiAgICAgICAgLnJlcGxhY2UoL19fKFteX10rKV9fL2csICc8c3Ryb25nPiQxPC9zdHJvbmc+JylcbiAgICAgICAgLnJlcGxhY2UoLyhefFteKl0pXFwqKFteKlxcc11bXipdKilcXCovZywgJyQxPGVtPiQyPC9lbT4nKTtcbiAgICB9KVxuICAgIC5qb2luKCcnKTtcbn1cblxuZXhwb3J0IGZ1bmN0aW9uIHJlbmRlck1hcmtkb3duKG1kOiBzdHJpbmcpOiBzdHJpbmcge1xuICBjb25zdCBsaW5lcyA9IG1kLnJlcGxhY2UoL1xcclxcbj8vZywgJ1xcbicpLnNwbGl0KCdcXG4nKTtcbiAgY29uc3Qgb3V0OiBzdHJpbmdbXSA9IFtdO1xuICBsZXQgcGFyYTogc3RyaW5nW10gPSBbXTtcbiAgbGV0IGxpc3Q6IHsgdGFnOiAndWwnIHwgJ29sJzsgaXRlbXM6IHN0cmluZ1tdIH0gfCBudWxsID0gbnVsbDtcbiAgbGV0IGNvZGU6IHsgbGFuZzogc3RyaW5nOyBsaW5lczogc3RyaW5nW10gfSB8IG51bGwgPSBudWxsO1xuXG4gIGNvbnN0IGZsdXNoUGFyYSA9ICgpID0+IHtcbiAgICBpZiAocGFyYS5sZW5ndGgpIG91dC5wdXNoKGA8cD4ke2lubGluZShwYXJhLmpvaW4oJyAnKSl9PC9wPmApO1xuICAgIHBhcmEgPSBbXTtcbiAgfTtcbiAgY29uc3QgZmx1c2hMaXN0ID0gKCkgPT4ge1xuICAgIGlmIChsaXN0KSBvdXQucHVzaChgPCR7bGlzdC50YWd9PiR7bGlzdC5pdGVtcy5tYXAoKGkpID0+IGA8bGk+JHtpbmxpbmUoaSl9PC9saT5gKS5qb2luKCcnKX08LyR7bGlzdC50YWd9PmApO1xuICAgIGxpc3QgPSBudWxsO1xuICB9O1xuXG4gIGZvciAoY29uc3QgbGluZSBvZiBsaW5lcykge1xuICAgIGlmIChjb2RlKSB7XG4gICAgICBpZiAoL15cXHMqYGBgLy50ZXN0KGxpbmUpKSB7XG4gICAgICAgIGNvbnN0IGNscyA9IGNvZGUubGFuZyA/IGAgY2xhc3M9XCJsYW5ndWFnZS0ke2VzY2FwZUh0bWwoY29kZS5sYW5nKX1cImAgOiAnJztcbiAgICAgICAgb3V0LnB1c2goYDxwcmU+PGNvZGUke2Nsc30+JHtlc2NhcGVIdG1sKGNvZGUubGluZXMuam9pbignXFxuJykpfTwvY29kZT48L3ByZT5gKTtcbiAgICAgICAgY29kZSA9IG51bGw7XG4gICAgICB9IGVsc2Uge1xuICAgICAgICBjb2RlLmxpbmVzLnB1c2gobGluZSk7XG4gICAgICB9XG4gICAgICBjb250aW51ZTtcbiAgICB9XG4gICAgY29uc3QgZmVuY2UgPSAvXlxccypgYGBcXHMqKFtcXHcrLV0qKS8uZXhlYyhsaW5lKTtcbiAgICBpZiAoZmVuY2UpIHtcbiAgICAgIGZsdXNoUGFyYSgpO1xuICAgICAgZmx1c2hMaXN0KCk7XG4gICAgICBjb2RlID0geyBsYW5nOiBmZW5jZVsxXSA/PyAnJywgbGluZXM6IFtdIH07XG4gICAgICBjb250aW51ZTtcbiAgICB9XG4gICAgY29uc3QgaGVhZGluZyA9IC9eKCN7MSw2fSlcXHMrKC4qKSQvLmV4ZWMobGluZSk7XG4gICAgaWYgKGhlYWRpbmcpIHtcbiAgICAgIGZsdXNoUGFyYSgpO1xuICAgICAgZmx1c2hMaXN0KCk7XG4gICAgICBjb25zdCBsZXZlbCA9IGhlYWRpbmdbMV0ubGVuZ3RoO1xuICAgICAgb3V0LnB1c2goYDxoJHtsZXZlbH0+JHtpbmxpbmUoaGVhZGluZ1syXSl9PC9oJHtsZXZlbH0+YCk7XG4gICAgICBjb250aW51ZTtcbiAgICB9XG4gICAgY29uc3QgYnVsbGV0ID0gL15cXHMqWy0qK11cXHMrKC4qKSQvLmV4ZWMobGluZSk7XG4gICAgY29uc3QgbnVtYmVyZWQgPSAvXlxccypcXGQrWy4pXVxccysoLiopJC8uZXhlYyhsaW5lKTtcbiAgICBpZiAoYnVsbGV0IHx8IG51bWJlcmVkKSB7XG4gICAgICBmbHVzaFBhcmEoKTtcbiAgICAgIGNvbnN0IHRhZyA9IGJ1bGxldCA/ICd1bCcgOiAnb2wnO1xuICAgICAgaWYgKGxpc3QgJiYgbGlzdC50YWcgIT09IHRhZykgZmx1c2hMaXN0KCk7XG4gICAgICBpZiAoIWxpc3QpIGxpc3QgPSB7IHRhZywgaXRlbXM6IFtdIH07XG4gICAgICBsaXN0Lml0ZW1zLnB1c2goKGJ1bGxldCA/PyBudW1iZXJlZCkhWzFdKTtcbiAgICAgIGNvbnRpbnVlO1xuICAgIH1cbiAgICBpZiAobGluZS50cmltKCkgPT09ICcnKSB7XG4gICAgICBmbHVzaFBhcmEoKTtcbiAgICAgIGZsdXNoTGlzdCgpO1xuICAgICAgY29udGludWU7XG4gICAgfVxuICAgIGlmIChsaXN0KSB7XG4gICAgICAvLyBjb250aW51YXRpb24gb2YgdGhlIGxhc3QgbGlzdCBpdGVtXG4gICAgICBsaXN0Lml0ZW1zW2xpc3QuaXRlbXMubGVuZ3RoIC0gMV0gKz0gJyAnICsgbGluZS50cmltKCk7XG4gICAgICBjb250aW51ZTtcbiAgICB9XG4gICAgcGFyYS5wdXNoKGxpbmUudHJpbSgpKTtcbiAgfVxuICBpZiAoY29kZSkge1xuICAgIC8vIHN0aWxsIHN0cmVhbWluZzogc2hvdyB0aGUgb3BlbiBibG9jayBhcyBpdCBpc1xuICAgIG91dC5wdXNoKGA8cHJlPjxjb2RlPiR7ZXNjYXBlSHRtbCgoY29kZSBhcyB7IGxpbmVzOiBzdHJpbmdbXSB9KS5saW5lcy5qb2luKCdcXG4nKSl9PC9jb2RlPjwvcHJlPmApO1xuICB9XG4gIGZsdXNoUGFyYSgpO1xuICBmbHVzaExpc3QoKTtcbiAgcmV0dXJuIG91dC5qb2luKCdcXG4nKTtcbn1cbiJdLAogICJtYXBwaW5ncyI6ICI7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7QUFBQSx1QkFBcUI7QUFDckIsb0JBQW1COzs7QUNHbkIsSUFBTSxlQUFlO0FBRXJCLFNBQVMsV0FBVyxHQUFXLGFBQTZCO0FBQzFELFFBQU0sTUFBTSxFQUFFLFFBQVEsR0FBRztBQUN6QixNQUFJLE1BQU0sRUFBRyxRQUFPO0FBQ3BCLE1BQUksTUFBTSxFQUFFO0FBQ1osU0FBTyxNQUFNLE1BQU0sSUFBSSxlQUFlLEVBQUUsTUFBTSxDQUFDLE1BQU0sSUFBSztBQUMxRCxNQUFJLFFBQVEsTUFBTSxFQUFHLE9BQU07QUFDM0IsU0FBTyxFQUFFLE1BQU0sR0FBRyxHQUFHO0FBQ3ZCO0FBRUEsU0FBUyxTQUFTLEdBQXlCO0FBQ3pDLFNBQU8sT0FBTyxNQUFNLFlBQVksT0FBTyxTQUFTLENBQUM7QUFDbkQ7QUFPTyxTQUFTLFVBQVUsT0FBMEM7QUFDbEUsTUFBSSxDQUFDLFNBQVMsS0FBSyxFQUFHLFFBQU87QUFDN0IsTUFBSSxVQUFVLEVBQUcsUUFBTztBQUN4QixRQUFNLE9BQU8sUUFBUSxJQUFJLE1BQU07QUFDL0IsUUFBTSxNQUFNLEtBQUssSUFBSSxLQUFLO0FBQzFCLE1BQUksTUFBTSxNQUFNLENBQUMsYUFBYyxRQUFPLEdBQUcsU0FBUyxNQUFNLE9BQU8sR0FBRztBQUNsRSxNQUFJLE9BQU8sS0FBSztBQUNkLFdBQU8sR0FBRyxJQUFJLElBQUksSUFBSSxlQUFlLFNBQVMsRUFBRSx1QkFBdUIsR0FBRyx1QkFBdUIsRUFBRSxDQUFDLENBQUM7QUFBQSxFQUN2RztBQUVBLFFBQU0sV0FBVyxLQUFLLElBQUksY0FBYyxLQUFLLElBQUksR0FBRyxJQUFJLEtBQUssTUFBTSxLQUFLLE1BQU0sR0FBRyxDQUFDLENBQUMsQ0FBQztBQUNwRixTQUFPLEdBQUcsSUFBSSxJQUFJLFdBQVcsSUFBSSxRQUFRLFFBQVEsR0FBRyxDQUFDLENBQUM7QUFDeEQ7QUFHTyxTQUFTLGlCQUFpQixPQUEwQztBQUN6RSxNQUFJLENBQUMsU0FBUyxLQUFLLEVBQUcsUUFBTztBQUM3QixNQUFJLFVBQVUsRUFBRyxRQUFPO0FBQ3hCLFFBQU0sT0FBTyxRQUFRLElBQUksTUFBTTtBQUMvQixRQUFNLE1BQU0sS0FBSyxJQUFJLEtBQUs7QUFDMUIsUUFBTSxRQUFRLElBQUksUUFBUSxZQUFZO0FBQ3RDLE1BQUksT0FBTyxLQUFLLE1BQU0sRUFBRyxRQUFPLEdBQUcsU0FBUyxNQUFNLE9BQU8sR0FBRztBQUM1RCxRQUFNLENBQUMsU0FBUyxJQUFJLElBQUksV0FBVyxPQUFPLENBQUMsRUFBRSxNQUFNLEdBQUc7QUFDdEQsUUFBTSxVQUFVLE9BQU8sT0FBTyxFQUFFLGVBQWUsT0FBTztBQUN0RCxTQUFPLEdBQUcsSUFBSSxJQUFJLE9BQU8sR0FBRyxTQUFTLFNBQVksTUFBTSxPQUFPLEVBQUU7QUFDbEU7QUFPTyxTQUFTLGNBQWMsSUFBdUM7QUFDbkUsTUFBSSxDQUFDLFNBQVMsRUFBRSxFQUFHLFFBQU87QUFDMUIsTUFBSSxLQUFLLElBQU0sUUFBTyxHQUFHLEtBQUssTUFBTSxFQUFFLENBQUM7QUFDdkMsU0FBTyxJQUFJLEtBQUssS0FBTSxRQUFRLENBQUMsQ0FBQztBQUNsQztBQUVPLFNBQVMsYUFBYSxPQUFrQyxRQUEyQztBQUN4RyxNQUFJLENBQUMsU0FBUyxLQUFLLEtBQUssQ0FBQyxTQUFTLE1BQU0sRUFBRyxRQUFPO0FBQ2xELFNBQU8sR0FBRyxTQUFTLEtBQUssSUFBSSxRQUFRLENBQUMsU0FBUyxTQUFTLE1BQU0sSUFBSSxTQUFTLENBQUM7QUFDN0U7OztBQzFETyxTQUFTLFdBQVcsR0FBb0I7QUFDN0MsU0FBTyxPQUFPLEtBQUssRUFBRSxFQUNsQixRQUFRLE1BQU0sT0FBTyxFQUNyQixRQUFRLE1BQU0sTUFBTSxFQUNwQixRQUFRLE1BQU0sTUFBTSxFQUNwQixRQUFRLE1BQU0sUUFBUSxFQUN0QixRQUFRLE1BQU0sT0FBTztBQUMxQjtBQWFPLFNBQVMsY0FBYyxTQUF3QixRQUFRLEtBQUssU0FBUyxLQUFLLE1BQU0sSUFBbUI7QUFDeEcsUUFBTSxJQUFJLFFBQVE7QUFDbEIsUUFBTSxTQUFTLEtBQUs7QUFBQSxJQUNsQjtBQUFBLElBQ0EsR0FBRyxRQUFRLElBQUksQ0FBQyxNQUFNLEVBQUUscUJBQXFCO0FBQUEsSUFDN0MsR0FBRyxRQUFRLElBQUksQ0FBQyxNQUFNLEVBQUUsYUFBYTtBQUFBLEVBQ3ZDO0FBQ0EsUUFBTSxJQUFJLENBQUMsTUFBYyxPQUFPLE1BQU0sSUFBSSxJQUFLLElBQUksS0FBTSxRQUFRLElBQUk7QUFDckUsUUFBTSxJQUFJLENBQUMsTUFBYyxTQUFTLE1BQU8sSUFBSSxVQUFXLFNBQVMsSUFBSTtBQUNyRSxRQUFNLE1BQU0sQ0FBQyxNQUNYLENBQUMsR0FBRyxFQUFFLENBQUMsRUFBRSxRQUFRLENBQUMsQ0FBQyxJQUFJLEVBQUUsQ0FBQyxFQUFFLFFBQVEsQ0FBQyxDQUFDLElBQUksR0FBRyxRQUFRLElBQUksQ0FBQyxHQUFHLE1BQU0sR0FBRyxFQUFFLElBQUksQ0FBQyxFQUFFLFFBQVEsQ0FBQyxDQUFDLElBQUksRUFBRSxFQUFFLENBQUMsQ0FBQyxFQUFFLFFBQVEsQ0FBQyxDQUFDLEVBQUUsQ0FBQyxFQUFFLEtBQUssR0FBRztBQUM5SCxTQUFPO0FBQUEsSUFDTDtBQUFBLElBQ0E7QUFBQSxJQUNBLFFBQVEsSUFBSSxDQUFDLE1BQU0sRUFBRSxhQUFhO0FBQUEsSUFDbEMsVUFBVSxJQUFJLENBQUMsTUFBTSxFQUFFLHFCQUFxQjtBQUFBLElBQzVDLFFBQVEsUUFBUSxTQUFTLFNBQVM7QUFBQSxFQUNwQztBQUNGO0FBRU8sU0FBUyxTQUFTLFNBQWdDO0FBQ3ZELFFBQU0sSUFBSSxjQUFjLE9BQU87QUFDL0IsUUFBTSxNQUFNO0FBQ1osU0FBTyxtQ0FBbUMsRUFBRSxLQUFLLElBQUksRUFBRSxNQUFNLFlBQVksRUFBRSxLQUFLLGFBQWEsRUFBRSxNQUFNO0FBQUE7QUFBQSwyQkFFNUUsR0FBRyxTQUFTLEVBQUUsU0FBUyxHQUFHLFNBQVMsRUFBRSxRQUFRLEdBQUcsU0FBUyxFQUFFLFNBQVMsR0FBRztBQUFBLDJCQUN2RSxHQUFHLFNBQVMsR0FBRyxTQUFTLEdBQUcsU0FBUyxFQUFFLFNBQVMsR0FBRztBQUFBLDJCQUNsRCxNQUFNLENBQUMsUUFBUSxNQUFNLENBQUMsS0FBSyxXQUFXLFVBQVUsRUFBRSxNQUFNLENBQUMsQ0FBQztBQUFBLDJCQUMxRCxFQUFFLFFBQVEsR0FBRyxRQUFRLEVBQUUsU0FBUyxDQUFDLHVCQUF1QixRQUFRLE1BQU07QUFBQSx1Q0FDMUQsRUFBRSxRQUFRO0FBQUEscUNBQ1osRUFBRSxNQUFNO0FBQUE7QUFFN0M7QUFFTyxTQUFTLFNBQVMsU0FBZ0M7QUFDdkQsTUFBSSxDQUFDLFFBQVEsUUFBUTtBQUNuQixXQUFPO0FBQUEsRUFDVDtBQUNBLFNBQU8sQ0FBQyxHQUFHLE9BQU8sRUFDZixRQUFRLEVBQ1IsSUFBSSxDQUFDLE1BQU07QUFDVixVQUFNLElBQUksRUFBRTtBQUNaLFVBQU0sT0FBTyxFQUFFLFNBQVMsY0FBYyxFQUFFLFlBQVksUUFBUSxFQUFFLFdBQVcsUUFBUSxhQUFhLGlCQUFpQixFQUFFLE9BQU87QUFDeEgsVUFBTSxPQUFPLElBQUksS0FBSyxFQUFFLElBQUksRUFBRSxtQkFBbUIsU0FBUyxFQUFFLFFBQVEsTUFBTSxDQUFDO0FBQzNFLFdBQ0UsbUJBQW1CLFdBQVcsRUFBRSxJQUFJLENBQUMscUJBQ2xCLEVBQUUsS0FBSyxZQUNuQixXQUFXLElBQUksQ0FBQyxZQUNoQixXQUFXLEVBQUUsSUFBSSxDQUFDLCtCQUNDLFdBQVcsRUFBRSxJQUFJLENBQUMseUJBQy9CLFdBQVcsRUFBRSxLQUFLLENBQUMsbUJBQ3pCLFdBQVcsRUFBRSxNQUFNLENBQUMsWUFDcEIsV0FBVyxhQUFhLEVBQUUsYUFBYSxFQUFFLFlBQVksQ0FBQyxDQUFDLHdCQUMzQyxXQUFXLGNBQWMsRUFBRSxTQUFTLENBQUMsQ0FBQyx3QkFDdEMsV0FBVyxJQUFJLENBQUMsd0JBQ2hCLFdBQVcsaUJBQWlCLEVBQUUsYUFBYSxDQUFDLENBQUMsWUFDekQsV0FBVyxFQUFFLFdBQVcsSUFBSSxDQUFDO0FBQUEsRUFHeEMsQ0FBQyxFQUNBLEtBQUssSUFBSTtBQUNkO0FBU08sU0FBUyxjQUFjLEdBQTZCO0FBQ3pELFFBQU0sSUFBSSxFQUFFLFVBQVU7QUFDdEIsUUFBTSxVQUFVLElBQ1osZ0RBQWdELFdBQVcsaUJBQWlCLEVBQUUsT0FBTyxDQUFDLENBQUM7QUFBQSxpQkFDNUUsV0FBVyxpQkFBaUIsRUFBRSxRQUFRLENBQUMsQ0FBQztBQUFBLFVBQy9DLFdBQVcsaUJBQWlCLEVBQUUsbUJBQW1CLEVBQUUsVUFBVSxFQUFFLFFBQVEsQ0FBQyxDQUFDO0FBQUEsU0FDMUUsRUFBRSxRQUFRLGtCQUFlLEVBQUUsU0FBUyxvQkFBaUIsRUFBRSxXQUFXO0FBQUEsa0VBQ2QsV0FBVyxFQUFFLEVBQUUsQ0FBQyx1QkFDdkU7QUFDSixTQUFPO0FBQUE7QUFBQTtBQUFBO0FBQUEsb0ZBSTJFLEVBQUUsU0FBUyxXQUFXLEVBQUUsS0FBSyx3QkFBd0IsRUFBRSxLQUFLO0FBQUE7QUFBQTtBQUFBLGdCQUdoSSxFQUFFLEtBQUs7QUFBQTtBQUFBO0FBQUE7QUFBQTtBQUFBO0FBQUE7QUFBQTtBQUFBO0FBQUE7QUFBQTtBQUFBO0FBQUE7QUFBQTtBQUFBO0FBQUE7QUFBQTtBQUFBO0FBQUE7QUFBQTtBQUFBO0FBQUE7QUFBQTtBQUFBO0FBQUE7QUFBQTtBQUFBO0FBQUE7QUFBQSxFQTRCckIsT0FBTztBQUFBO0FBQUEsRUFFUCxTQUFTLEVBQUUsT0FBTyxDQUFDO0FBQUE7QUFBQTtBQUFBO0FBQUE7QUFBQTtBQUFBLEVBTW5CLFNBQVMsRUFBRSxPQUFPLENBQUM7QUFBQTtBQUFBO0FBQUE7QUFBQTtBQUFBLGlCQUtKLEVBQUUsS0FBSztBQUFBO0FBQUE7QUFBQTtBQUFBO0FBQUE7QUFNeEI7OztBQzFKQSxTQUFTLE9BQU8sTUFBc0I7QUFFcEMsU0FBTyxLQUNKLE1BQU0sWUFBWSxFQUNsQixJQUFJLENBQUMsU0FBUztBQUNiLFFBQUksS0FBSyxVQUFVLEtBQUssS0FBSyxXQUFXLEdBQUcsS0FBSyxLQUFLLFNBQVMsR0FBRyxHQUFHO0FBQ2xFLGFBQU8sU0FBUyxXQUFXLEtBQUssTUFBTSxHQUFHLEVBQUUsQ0FBQyxDQUFDO0FBQUEsSUFDL0M7QUFDQSxXQUFPLFdBQVcsSUFBSSxFQUNuQixRQUFRLG9CQUFvQixxQkFBcUIsRUFDakQsUUFBUSxnQkFBZ0IscUJBQXFCLEVBQzdDLFFBQVEsOEJBQThCLGVBQWU7QUFBQSxFQUMxRCxDQUFDLEVBQ0EsS0FBSyxFQUFFO0FBQ1o7QUFFTyxTQUFTLGVBQWUsSUFBb0I7QUFDakQsUUFBTSxRQUFRLEdBQUcsUUFBUSxVQUFVLElBQUksRUFBRSxNQUFNLElBQUk7QUFDbkQsUUFBTSxNQUFnQixDQUFDO0FBQ3ZCLE1BQUksT0FBaUIsQ0FBQztBQUN0QixNQUFJLE9BQXFEO0FBQ3pELE1BQUksT0FBaUQ7QUFFckQsUUFBTSxZQUFZLE1BQU07QUFDdEIsUUFBSSxLQUFLLE9BQVEsS0FBSSxLQUFLLE1BQU0sT0FBTyxLQUFLLEtBQUssR0FBRyxDQUFDLENBQUMsTUFBTTtBQUM1RCxXQUFPLENBQUM7QUFBQSxFQUNWO0FBQ0EsUUFBTSxZQUFZLE1BQU07QUFDdEIsUUFBSSxLQUFNLEtBQUksS0FBSyxJQUFJLEtBQUssR0FBRyxJQUFJLEtBQUssTUFBTSxJQUFJLENBQUMsTUFBTSxPQUFPLE9BQU8sQ0FBQyxDQUFDLE9BQU8sRUFBRSxLQUFLLEVBQUUsQ0FBQyxLQUFLLEtBQUssR0FBRyxHQUFHO0FBQzFHLFdBQU87QUFBQSxFQUNUO0FBRUEsYUFBVyxRQUFRLE9BQU87QUFDeEIsUUFBSSxNQUFNO0FBQ1IsVUFBSSxVQUFVLEtBQUssSUFBSSxHQUFHO0FBQ3hCLGNBQU0sTUFBTSxLQUFLLE9BQU8sb0JBQW9CLFdBQVcsS0FBSyxJQUFJLENBQUMsTUFBTTtBQUN2RSxZQUFJLEtBQUssYUFBYSxHQUFHLElBQUksV0FBVyxLQUFLLE1BQU0sS0FBSyxJQUFJLENBQUMsQ0FBQyxlQUFlO0FBQzdFLGVBQU87QUFBQSxNQUNULE9BQU87QUFDTCxhQUFLLE1BQU0sS0FBSyxJQUFJO0FBQUEsTUFDdEI7QUFDQTtBQUFBLElBQ0Y7QUFDQSxVQUFNLFFBQVEsc0JBQXNCLEtBQUssSUFBSTtBQUM3QyxRQUFJLE9BQU87QUFDVCxnQkFBVTtBQUNWLGdCQUFVO0FBQ1YsYUFBTyxFQUFFLE1BQU0sTUFBTSxDQUFDLEtBQUssSUFBSSxPQUFPLENBQUMsRUFBRTtBQUN6QztBQUFBLElBQ0Y7QUFDQSxVQUFNLFVBQVUsb0JBQW9CLEtBQUssSUFBSTtBQUM3QyxRQUFJLFNBQVM7QUFDWCxnQkFBVTtBQUNWLGdCQUFVO0FBQ1YsWUFBTSxRQUFRLFFBQVEsQ0FBQyxFQUFFO0FBQ3pCLFVBQUksS0FBSyxLQUFLLEtBQUssSUFBSSxPQUFPLFFBQVEsQ0FBQyxDQUFDLENBQUMsTUFBTSxLQUFLLEdBQUc7QUFDdkQ7QUFBQSxJQUNGO0FBQ0EsVUFBTSxTQUFTLG9CQUFvQixLQUFLLElBQUk7QUFDNUMsVUFBTSxXQUFXLHNCQUFzQixLQUFLLElBQUk7QUFDaEQsUUFBSSxVQUFVLFVBQVU7QUFDdEIsZ0JBQVU7QUFDVixZQUFNLE1BQU0sU0FBUyxPQUFPO0FBQzVCLFVBQUksUUFBUSxLQUFLLFFBQVEsSUFBSyxXQUFVO0FBQ3hDLFVBQUksQ0FBQyxLQUFNLFFBQU8sRUFBRSxLQUFLLE9BQU8sQ0FBQyxFQUFFO0FBQ25DLFdBQUssTUFBTSxNQUFNLFVBQVUsVUFBVyxDQUFDLENBQUM7QUFDeEM7QUFBQSxJQUNGO0FBQ0EsUUFBSSxLQUFLLEtBQUssTUFBTSxJQUFJO0FBQ3RCLGdCQUFVO0FBQ1YsZ0JBQVU7QUFDVjtBQUFBLElBQ0Y7QUFDQSxRQUFJLE1BQU07QUFFUixXQUFLLE1BQU0sS0FBSyxNQUFNLFNBQVMsQ0FBQyxLQUFLLE1BQU0sS0FBSyxLQUFLO0FBQ3JEO0FBQUEsSUFDRjtBQUNBLFNBQUssS0FBSyxLQUFLLEtBQUssQ0FBQztBQUFBLEVBQ3ZCO0FBQ0EsTUFBSSxNQUFNO0FBRVIsUUFBSSxLQUFLLGNBQWMsV0FBWSxLQUE2QixNQUFNLEtBQUssSUFBSSxDQUFDLENBQUMsZUFBZTtBQUFBLEVBQ2xHO0FBQ0EsWUFBVTtBQUNWLFlBQVU7QUFDVixTQUFPLElBQUksS0FBSyxJQUFJO0FBQ3RCOzs7QUh2RkEsSUFBTSxNQUFNLENBQUMsT0FBZSxNQUFjLFVBQWtCLE9BQU8sWUFBeUI7QUFBQSxFQUMxRjtBQUFBLEVBQ0EsTUFBTSxLQUFLLElBQUksTUFBTSxHQUFHLEdBQUcsSUFBSSxHQUFHLEtBQUs7QUFBQSxFQUN2QyxNQUFNLEVBQUUsTUFBTSxXQUFXLE1BQU0sT0FBTyxLQUFLLElBQUksSUFBSSxRQUFRLGNBQWMsU0FBUyxNQUFPLFFBQVEsT0FBTyxTQUFTLE1BQU0sYUFBYSxJQUFJLGNBQWMsR0FBRyxXQUFXLElBQUk7QUFBQSxFQUN4SyxlQUFlO0FBQUEsRUFDZix1QkFBdUI7QUFDekI7QUFBQSxJQUVBLHVCQUFLLGNBQWMsTUFBTTtBQUN2QixnQkFBQUEsUUFBTyxNQUFNLFdBQVcscUJBQXFCLEdBQUcsdURBQXVEO0FBQ3pHLENBQUM7QUFBQSxJQUVELHVCQUFLLHlFQUF5RSxNQUFNO0FBQ2xGLFFBQU0sSUFBSSxjQUFjLENBQUMsSUFBSSxHQUFHLE1BQU8sSUFBSSxHQUFHLElBQUksR0FBRyxNQUFPLElBQUksQ0FBQyxHQUFHLEtBQUssS0FBSyxFQUFFO0FBQ2hGLGdCQUFBQSxRQUFPLE1BQU0sRUFBRSxRQUFRLElBQUk7QUFDM0IsZ0JBQUFBLFFBQU8sTUFBTSxFQUFFLFVBQVUsK0JBQStCO0FBQ3hELGdCQUFBQSxRQUFPLE1BQU0sRUFBRSxRQUFRLCtCQUErQjtBQUN0RCxnQkFBQUEsUUFBTyxNQUFNLGNBQWMsQ0FBQyxDQUFDLEVBQUUsUUFBUSxDQUFDO0FBQzFDLENBQUM7QUFBQSxJQUVELHVCQUFLLGlEQUFpRCxNQUFNO0FBQzFELFFBQU0sT0FBTyxTQUFTLENBQUMsSUFBSSxHQUFHLE1BQU8sSUFBSSxHQUFHLElBQUksR0FBRyxNQUFPLE1BQU0sVUFBVSxDQUFDLENBQUM7QUFDNUUsZ0JBQUFBLFFBQU8sR0FBRyxLQUFLLFFBQVEsd0JBQXdCLElBQUksS0FBSyxRQUFRLHdCQUF3QixDQUFDO0FBQ3pGLGdCQUFBQSxRQUFPLE1BQU0sTUFBTSx5QkFBeUI7QUFDNUMsZ0JBQUFBLFFBQU8sTUFBTSxNQUFNLHVCQUF1QjtBQUMxQyxnQkFBQUEsUUFBTyxNQUFNLE1BQU0sZ0JBQWdCO0FBQ25DLGdCQUFBQSxRQUFPLE1BQU0sTUFBTSxRQUFRO0FBQzNCLGdCQUFBQSxRQUFPLE1BQU0sU0FBUyxDQUFDLENBQUMsR0FBRyxhQUFhO0FBQzFDLENBQUM7QUFBQSxJQUVELHVCQUFLLGdFQUFnRSxNQUFNO0FBQ3pFLFFBQU0sT0FBTyxjQUFjLEVBQUUsU0FBUyxDQUFDLElBQUksR0FBRyxNQUFPLElBQUksQ0FBQyxHQUFHLFVBQVUsTUFBTSxPQUFPLFNBQVMsV0FBVyxrQkFBa0IsQ0FBQztBQUMzSCxnQkFBQUEsUUFBTyxNQUFNLE1BQU0sMEJBQTBCO0FBQzdDLGdCQUFBQSxRQUFPLE1BQU0sTUFBTSxvQkFBb0I7QUFDdkMsZ0JBQUFBLFFBQU8sTUFBTSxNQUFNLDRCQUE0QjtBQUMvQyxnQkFBQUEsUUFBTyxNQUFNLE1BQU0sdUJBQXVCO0FBQzVDLENBQUM7QUFBQSxJQUVELHVCQUFLLGlEQUFpRCxNQUFNO0FBQzFELFFBQU0sT0FBTyxlQUFlLCtHQUErRztBQUMzSSxnQkFBQUEsUUFBTyxNQUFNLE1BQU0saUJBQWlCO0FBQ3BDLGdCQUFBQSxRQUFPLE1BQU0sTUFBTSwwQkFBMEI7QUFDN0MsZ0JBQUFBLFFBQU8sTUFBTSxNQUFNLHdCQUF3QjtBQUMzQyxnQkFBQUEsUUFBTyxNQUFNLE1BQU0sZ0JBQWdCO0FBQ25DLGdCQUFBQSxRQUFPLGFBQWEsTUFBTSxVQUFVO0FBQ3BDLGdCQUFBQSxRQUFPLE1BQU0sTUFBTSxzQ0FBc0M7QUFDekQsZ0JBQUFBLFFBQU8sTUFBTSxNQUFNLDBFQUEwRTtBQUU3RixnQkFBQUEsUUFBTyxNQUFNLGVBQWUsY0FBYyxHQUFHLG1DQUFtQztBQUNsRixDQUFDOyIsCiAgIm5hbWVzIjogWyJhc3NlcnQiXQp9Cg==
