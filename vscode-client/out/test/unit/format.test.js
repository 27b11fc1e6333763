"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
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
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);

// test/unit/format.test.ts
var format_test_exports = {};
__export(format_test_exports, {
  SNAPSHOT: () => SNAPSHOT
});
module.exports = __toCommonJS(format_test_exports);
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
function formatCount(n, singular, plural = singular + "s") {
  const v = isNumber(n) ? n : 0;
  return `${v} ${v === 1 ? singular : plural}`;
}
function providerOfModel(model) {
  if (!model) return "";
  const i = model.indexOf(":");
  return i > 0 ? model.slice(0, i) : "";
}
function escapeMarkdown(text) {
  return String(text).replace(/\\/g, "\\\\").replace(/([`*_{}\[\]<>#|~])/g, "\\$1").replace(/\r?\n/g, " ");
}
function budgetSeverity(budget) {
  switch (budget?.state) {
    case "near":
      return "warning";
    case "over":
    case "stopped":
      return "error";
    default:
      return "none";
  }
}
function budgetLine(budget) {
  if (!budget || !isNumber(budget.cap)) return void 0;
  const scope = budget.scope ? `${budget.scope} ` : "";
  const pct = budget.cap > 0 ? ` (${Math.round(budget.used / budget.cap * 100)}%)` : "";
  const state = budget.state === "near" ? " \u2014 $(warning) near the cap" : budget.state === "over" ? " \u2014 $(error) over the cap" : budget.state === "stopped" ? " \u2014 $(error) stopped: requests refused" : "";
  return `Budget: ${formatUsdPrecise(budget.used)} of ${formatUsdPrecise(budget.cap)} ${scope}cap${pct}${state}`;
}
function spendText(session) {
  const cost = formatUsd(session?.costUsd ?? 0);
  const saved = session?.savedUsd ?? 0;
  return saved > 0 ? `$(pulse) ${cost} \xB7 saved ${formatUsd(saved)}` : `$(pulse) ${cost}`;
}
function lastLine(last) {
  const parts = [
    `**Last:** ${escapeMarkdown(last.task)} \u2192 **${escapeMarkdown(String(last.tier))}**`,
    last.model ? ` \`${last.model.replace(/`/g, "'")}\`` : "",
    last.reason ? ` \u2014 ${escapeMarkdown(last.reason)}` : "",
    ` \xB7 ${last.cached ? "cache hit" : last.costUsd === null || last.priced === false ? "unpriced" : formatUsdPrecise(last.costUsd)}`,
    last.outcome && last.outcome !== "ok" ? ` \xB7 ${escapeMarkdown(last.outcome)}` : ""
  ];
  return parts.join("");
}
var TASK_ORDER = ["autocomplete", "rename", "explain", "refactor"];
var TIER_ORDER = ["mini", "frontier"];
function ordered(keys, order) {
  return [...keys].sort((a, b) => {
    const ia = order.indexOf(a);
    const ib = order.indexOf(b);
    return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || a.localeCompare(b);
  });
}
function tooltipMarkdown(snapshot, notice) {
  const lines = [];
  lines.push("**LSP Router** \u2014 session spend");
  lines.push("");
  if (notice) {
    lines.push(notice);
    lines.push("");
  }
  if (!snapshot) {
    lines.push("No requests yet.");
  } else {
    const s = snapshot.session;
    lines.push(
      `Session \`${String(s.id ?? "").replace(/`/g, "'")}\`: **${formatUsdPrecise(s.costUsd)}** spent, **${formatUsdPrecise(s.savedUsd)}** saved vs all-frontier` + (isNumber(s.frontierCostUsd) ? ` (${formatUsdPrecise(s.frontierCostUsd)})` : "")
    );
    lines.push("");
    lines.push(
      `${formatCount(s.requests, "request")} \xB7 ${formatCount(s.cacheHits, "cache hit")} \xB7 ${formatCount(s.escalations, "escalation")}` + (s.errors ? ` \xB7 ${formatCount(s.errors, "error")}` : "") + (s.unpriced ? ` \xB7 ${s.unpriced} unpriced` : "")
    );
    const tasks = ordered(Object.keys(s.byTask ?? {}), TASK_ORDER);
    if (tasks.length) {
      lines.push("");
      lines.push("**By task**");
      lines.push("");
      lines.push("| task | cost | saved | requests | cache hits | escalations |");
      lines.push("|:--|--:|--:|--:|--:|--:|");
      for (const t of tasks) {
        const v = s.byTask[t];
        lines.push(
          `| ${escapeMarkdown(t)} | ${formatUsdPrecise(v.costUsd)} | ${formatUsdPrecise(v.savedUsd ?? 0)} | ${v.requests ?? 0} | ${v.cacheHits ?? 0} | ${v.escalations ?? 0} |`
        );
      }
    }
    const tiers = ordered(Object.keys(s.byTier ?? {}), TIER_ORDER);
    if (tiers.length) {
      lines.push("");
      lines.push(
        "**By tier:** " + tiers.map((t) => {
          const v = s.byTier[t];
          return `${escapeMarkdown(t)} ${formatUsdPrecise(v.costUsd)} (${formatCount(v.requests, "request")})`;
        }).join(" \xB7 ")
      );
    }
    if (snapshot.last) {
      lines.push("");
      lines.push(lastLine(snapshot.last));
    }
    const b = budgetLine(s.budget);
    if (b) {
      lines.push("");
      lines.push(b);
    }
  }
  lines.push("");
  lines.push(
    "[$(graph) Spend view](command:lspRouter.showSpend) \xB7 [$(refresh) Reset session](command:lspRouter.newSession) \xB7 [$(output) Server log](command:lspRouter.showOutput)"
  );
  return lines.join("\n");
}
function explainHeader(r) {
  const parts = [];
  if (r.tier) parts.push(String(r.tier));
  if (r.model) parts.push(r.model);
  if (r.cached) parts.push("cache hit");
  else if (r.costUsd === null) parts.push("unpriced");
  else if (isNumber(r.costUsd)) parts.push(formatUsdPrecise(r.costUsd));
  if (r.reason) parts.push(r.reason);
  return parts.join(" \xB7 ");
}

// test/unit/format.test.ts
(0, import_node_test.test)("formatUsd: compact money for the status bar", () => {
  import_strict.default.equal(formatUsd(0), "$0.00");
  import_strict.default.equal(formatUsd(0.042), "$0.042");
  import_strict.default.equal(formatUsd(0.31), "$0.31");
  import_strict.default.equal(formatUsd(0.315), "$0.32");
  import_strict.default.equal(formatUsd(0.04), "$0.04");
  import_strict.default.equal(formatUsd(35e-4), "$0.0035");
  import_strict.default.equal(formatUsd(3456e-8), "$0.000035");
  import_strict.default.equal(formatUsd(0.0999), "$0.10");
  import_strict.default.equal(formatUsd(1), "$1.00");
  import_strict.default.equal(formatUsd(12.5), "$12.50");
  import_strict.default.equal(formatUsd(1234.567), "$1,234.57");
  import_strict.default.equal(formatUsd(-0.042), "-$0.042");
  import_strict.default.equal(formatUsd(1e-9), "<$0.000001");
  import_strict.default.equal(formatUsd(null), "$\u2014");
  import_strict.default.equal(formatUsd(void 0), "$\u2014");
  import_strict.default.equal(formatUsd(Number.NaN), "$\u2014");
});
(0, import_node_test.test)("formatUsdPrecise: up to six decimals, at least two", () => {
  import_strict.default.equal(formatUsdPrecise(0), "$0.00");
  import_strict.default.equal(formatUsdPrecise(0.5), "$0.50");
  import_strict.default.equal(formatUsdPrecise(3456789e-10), "$0.000346");
  import_strict.default.equal(formatUsdPrecise(105e-6), "$0.000105");
  import_strict.default.equal(formatUsdPrecise(1234.5), "$1,234.50");
  import_strict.default.equal(formatUsdPrecise(1e-8), "<$0.000001");
  import_strict.default.equal(formatUsdPrecise(null), "\u2014");
});
(0, import_node_test.test)("spendText: the status bar text", () => {
  import_strict.default.equal(spendText(null), "$(pulse) $0.00");
  import_strict.default.equal(spendText({ costUsd: 0, savedUsd: 0 }), "$(pulse) $0.00");
  import_strict.default.equal(spendText({ costUsd: 0.042, savedUsd: 0.31 }), "$(pulse) $0.042 \xB7 saved $0.31");
  import_strict.default.equal(spendText({ costUsd: 0.042, savedUsd: -0.01 }), "$(pulse) $0.042");
});
(0, import_node_test.test)("providerOfModel", () => {
  import_strict.default.equal(providerOfModel("openai:gpt-5.4-mini"), "openai");
  import_strict.default.equal(providerOfModel("anthropic:claude-opus-4-7"), "anthropic");
  import_strict.default.equal(providerOfModel("gpt-4o"), "");
  import_strict.default.equal(providerOfModel(void 0), "");
});
(0, import_node_test.test)("escapeMarkdown keeps table cells intact", () => {
  import_strict.default.equal(escapeMarkdown("a|b"), "a\\|b");
  import_strict.default.equal(escapeMarkdown("line\nbreak"), "line break");
  import_strict.default.equal(escapeMarkdown("*x*"), "\\*x\\*");
});
(0, import_node_test.test)("budget severity and line", () => {
  import_strict.default.equal(budgetSeverity(void 0), "none");
  import_strict.default.equal(budgetSeverity({ cap: 1, used: 0.1, state: "ok" }), "none");
  import_strict.default.equal(budgetSeverity({ cap: 1, used: 0.9, state: "near" }), "warning");
  import_strict.default.equal(budgetSeverity({ cap: 1, used: 1.2, state: "over" }), "error");
  import_strict.default.equal(budgetSeverity({ cap: 1, used: 1.2, state: "stopped" }), "error");
  import_strict.default.equal(budgetLine({ cap: null, used: 0, state: "ok" }), void 0);
  import_strict.default.equal(
    budgetLine({ cap: 2, used: 1.8, state: "near", scope: "session" }),
    "Budget: $1.80 of $2.00 session cap (90%) \u2014 $(warning) near the cap"
  );
});
var SNAPSHOT = {
  session: {
    id: "s-123",
    costUsd: 0.0123456,
    savedUsd: 0.31,
    frontierCostUsd: 0.3223456,
    requests: 5,
    cacheHits: 1,
    escalations: 1,
    errors: 0,
    unpriced: 0,
    byTask: {
      explain: { costUsd: 0.01, savedUsd: 0.2, requests: 2, cacheHits: 0, escalations: 1 },
      autocomplete: { costUsd: 23456e-7, savedUsd: 0.11, requests: 3, cacheHits: 1, escalations: 0 }
    },
    byTier: { frontier: { costUsd: 0.01, requests: 1 }, mini: { costUsd: 23456e-7, requests: 4 } },
    budget: { cap: 1, used: 0.0123456, state: "ok", scope: "session" }
  },
  last: {
    task: "explain",
    tier: "frontier",
    model: "anthropic:claude-opus-4-7",
    reason: "escalated: mini answer failed the check",
    costUsd: 8e-3,
    cached: false,
    outcome: "ok",
    priced: true,
    inputTokens: 1200,
    outputTokens: 300,
    latencyMs: 2300
  }
};
(0, import_node_test.test)("tooltipMarkdown breaks the session down by task and tier", () => {
  const md = tooltipMarkdown(SNAPSHOT);
  import_strict.default.match(md, /Session `s-123`: \*\*\$0\.012346\*\* spent, \*\*\$0\.31\*\* saved vs all-frontier \(\$0\.322346\)/);
  import_strict.default.match(md, /5 requests · 1 cache hit · 1 escalation/);
  import_strict.default.match(md, /\*\*By task\*\*/);
  import_strict.default.ok(md.indexOf("| autocomplete |") < md.indexOf("| explain |"));
  import_strict.default.match(md, /\| autocomplete \| \$0\.002346 \| \$0\.11 \| 3 \| 1 \| 0 \|/);
  import_strict.default.match(md, /\| explain \| \$0\.01 \| \$0\.20 \| 2 \| 0 \| 1 \|/);
  import_strict.default.match(md, /\*\*By tier:\*\* mini \$0\.002346 \(4 requests\) · frontier \$0\.01 \(1 request\)/);
  import_strict.default.match(md, /\*\*Last:\*\* explain → \*\*frontier\*\* `anthropic:claude-opus-4-7` — escalated: mini answer failed the check · \$0\.008/);
  import_strict.default.match(md, /Budget: \$0\.012346 of \$1\.00 session cap \(1%\)/);
  import_strict.default.match(md, /command:lspRouter\.showSpend/);
});
(0, import_node_test.test)("tooltipMarkdown without data, with a notice, cached last request", () => {
  import_strict.default.match(tooltipMarkdown(null), /No requests yet/);
  const md = tooltipMarkdown({ ...SNAPSHOT, last: { ...SNAPSHOT.last, cached: true, costUsd: 0 } }, "NOTICE");
  import_strict.default.match(md, /NOTICE/);
  import_strict.default.match(md, /· cache hit/);
  const unpriced = tooltipMarkdown({ ...SNAPSHOT, last: { ...SNAPSHOT.last, costUsd: null, priced: false } });
  import_strict.default.match(unpriced, /· unpriced/);
});
(0, import_node_test.test)("explainHeader", () => {
  import_strict.default.equal(
    explainHeader({ tier: "mini", model: "openai:gpt-5.4-mini", costUsd: 123e-6, cached: false, reason: "short selection" }),
    "mini \xB7 openai:gpt-5.4-mini \xB7 $0.000123 \xB7 short selection"
  );
  import_strict.default.equal(explainHeader({ tier: "mini", model: "m", costUsd: 0, cached: true }), "mini \xB7 m \xB7 cache hit");
  import_strict.default.equal(explainHeader({ costUsd: null }), "unpriced");
});
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  SNAPSHOT
});
//# sourceMappingURL=data:application/json;base64,ewogICJ2ZXJzaW9uIjogMywKICAic291cmNlcyI6IFsiLi4vLi4vLi4vdGVzdC91bml0L2Zvcm1hdC50ZXN0LnRzIiwgIi4uLy4uLy4uL3NyYy9mb3JtYXQudHMiXSwKICAic291cmNlc0NvbnRlbnQiOiBbImltcG9ydCB7IHRlc3QgfSBmcm9tICdub2RlOnRlc3QnO1xuaW1wb3J0IGFzc2VydCBmcm9tICdub2RlOmFzc2VydC9zdHJpY3QnO1xuaW1wb3J0IHtcbiAgYnVkZ2V0TGluZSxcbiAgYnVkZ2V0U2V2ZXJpdHksXG4gIGVzY2FwZU1hcmtkb3duLFxuICBleHBsYWluSGVhZGVyLFxuICBmb3JtYXRVc2QsXG4gIGZvcm1hdFVzZFByZWNpc2UsXG4gIHByb3ZpZGVyT2ZNb2RlbCxcbiAgc3BlbmRUZXh0LFxuICB0b29sdGlwTWFya2Rvd24sXG59IGZyb20gJy4uLy4uL3NyYy9mb3JtYXQnO1xuaW1wb3J0IHR5cGUgeyBTcGVuZFNuYXBzaG90IH0gZnJvbSAnLi4vLi4vc3JjL3Byb3RvY29sJztcblxudGVzdCgnZm9ybWF0VXNkOiBjb21wYWN0IG1vbmV5IGZvciB0aGUgc3RhdHVzIGJhcicsICgpID0+IHtcbiAgYXNzZXJ0LmVxdWFsKGZvcm1hdFVzZCgwKSwgJyQwLjAwJyk7XG4gIGFzc2VydC5lcXVhbChmb3JtYXRVc2QoMC4wNDIpLCAnJDAuMDQyJyk7XG4gIGFzc2VydC5lcXVhbChmb3JtYXRVc2QoMC4zMSksICckMC4zMScpO1xuICBhc3NlcnQuZXF1YWwoZm9ybWF0VXNkKDAuMzE1KSwgJyQwLjMyJyk7XG4gIGFzc2VydC5lcXVhbChmb3JtYXRVc2QoMC4wNCksICckMC4wNCcpO1xuICBhc3NlcnQuZXF1YWwoZm9ybWF0VXNkKDAuMDAzNSksICckMC4wMDM1Jyk7XG4gIGFzc2VydC5lcXVhbChmb3JtYXRVc2QoMC4wMDAwMzQ1NiksICckMC4wMDAwMzUnKTtcbiAgYXNzZXJ0LmVxdWFsKGZvcm1hdFVzZCgwLjA5OTkpLCAnJDAuMTAnKTtcbiAgYXNzZXJ0LmVxdWFsKGZvcm1hdFVzZCgxKSwgJyQxLjAwJyk7XG4gIGFzc2VydC5lcXVhbChmb3JtYXRVc2QoMTIuNSksICckMTIuNTAnKTtcbiAgYXNzZXJ0LmVxdWFsKGZvcm1hdFVzZCgxMjM0LjU2NyksICckMSwyMzQuNTcnKTtcbiAgYXNzZXJ0LmVxdWFsKGZvcm1hdFVzZCgtMC4wNDIpLCAnLSQwLjA0MicpO1xuICBhc3NlcnQuZXF1YWwoZm9ybWF0VXNkKDFlLTkpLCAnPCQwLjAwMDAwMScpO1xuICBhc3NlcnQuZXF1YWwoZm9ybWF0VXNkKG51bGwpLCAnJFx1MjAxNCcpO1xuICBhc3NlcnQuZXF1YWwoZm9ybWF0VXNkKHVuZGVmaW5lZCksICckXHUyMDE0Jyk7XG4gIGFzc2VydC5lcXVhbChmb3JtYXRVc2QoTnVtYmVyLk5hTiksICckXHUyMDE0Jyk7XG59KTtcblxudGVzdCgnZm9ybWF0VXNkUHJlY2lzZTogdXAgdG8gc2l4IGRlY2ltYWxzLCBhdCBsZWFzdCB0d28nLCAoKSA9PiB7XG4gIGFzc2VydC5lcXVhbChmb3JtYXRVc2RQcmVjaXNlKDApLCAnJDAuMDAnKTtcbiAgYXNzZXJ0LmVxdWFsKGZvcm1hdFVzZFByZWNpc2UoMC41KSwgJyQwLjUwJyk7XG4gIGFzc2VydC5lcXVhbChmb3JtYXRVc2RQcmVjaXNlKDAuMDAwMzQ1Njc4OSksICckMC4wMDAzNDYnKTtcbiAgYXNzZXJ0LmVxdWFsKGZvcm1hdFVzZFByZWNpc2UoMC4wMDAxMDUpLCAnJDAuMDAwMTA1Jyk7XG4gIGFzc2VydC5lcXVhbChmb3JtYXRVc2RQcmVjaXNlKDEyMzQuNSksICckMSwyMzQuNTAnKTtcbiAgYXNzZXJ0LmVxdWFsKGZvcm1hdFVzZFByZWNpc2UoMWUtOCksICc8JDAuMDAwMDAxJyk7XG4gIGFzc2VydC5lcXVhbChmb3JtYXRVc2RQcmVjaXNlKG51bGwpLCAnXHUyMDE0Jyk7XG59KTtcblxudGVzdCgnc3BlbmRUZXh0OiB0aGUgc3RhdHVzIGJhciB0ZXh0JywgKCkgPT4ge1xuICBhc3NlcnQuZXF1YWwoc3BlbmRUZXh0KG51bGwpLCAnJChwdWxzZSkgJDAuMDAnKTtcbiAgYXNzZXJ0LmVxdWFsKHNwZW5kVGV4dCh7IGNvc3RVc2Q6IDAsIHNhdmVkVXNkOiAwIH0pLCAnJChwdWxzZSkgJDAuMDAnKTtcbiAgYXNzZXJ0LmVxdWFsKHNwZW5kVGV4dCh7IGNvc3RVc2Q6IDAuMDQyLCBzYXZlZFVzZDogMC4zMSB9KSwgJyQocHVsc2UpICQwLjA0MiBcdTAwQjcgc2F2ZWQgJDAuMzEnKTtcbiAgYXNzZXJ0LmVxdWFsKHNwZW5kVGV4dCh7IGNvc3RVc2Q6IDAuMDQyLCBzYXZlZFVzZDogLTAuMDEgfSksICckKHB1bHNlKSAkMC4wNDInKTtcbn0pO1xuXG50ZXN0KCdwcm92aWRlck9mTW9kZWwnLCAoKSA9PiB7XG4gIGFzc2VydC5lcXVhbChwcm92aWRlck9mTW9kZWwoJ29wZW5haTpncHQtNS40LW1pbmknKSwgJ29wZW5haScpO1xuICBhc3NlcnQuZXF1YWwocHJvdmlkZXJPZk1vZGVsKCdhbnRocm9waWM6Y2xhdWRlLW9wdXMtNC03JyksICdhbnRocm9waWMnKTtcbiAgYXNzZXJ0LmVxdWFsKHByb3ZpZGVyT2ZNb2RlbCgnZ3B0LTRvJyksICcnKTtcbiAgYXNzZXJ0LmVxdWFsKHByb3ZpZGVyT2ZNb2RlbCh1bmRlZmluZWQpLCAnJyk7XG59KTtcblxudGVzdCgnZXNjYXBlTWFya2Rvd24ga2VlcHMgdGFibGUgY2VsbHMgaW50YWN0JywgKCkgPT4ge1xuICBhc3NlcnQuZXF1YWwoZXNjYXBlTWFya2Rvd24oJ2F8YicpLCAnYVxcXFx8YicpO1xuICBhc3NlcnQuZXF1YWwoZXNjYXBlTWFya2Rvd24oJ2xpbmVcXG5icmVhaycpLCAnbGluZSBicmVhaycpO1xuICBhc3NlcnQuZXF1YWwoZXNjYXBlTWFya2Rvd24oJyp4KicpLCAnXFxcXCp4XFxcXConKTtcbn0pO1xuXG50ZXN0KCdidWRnZXQgc2V2ZXJpdHkgYW5kIGxpbmUnLCAoKSA9PiB7XG4gIGFzc2VydC5lcXVhbChidWRnZXRTZXZlcml0eSh1bmRlZmluZWQpLCAnbm9uZScpO1xuICBhc3NlcnQuZXF1YWwoYnVkZ2V0U2V2ZXJpdHkoeyBjYXA6IDEsIHVzZWQ6IDAuMSwgc3RhdGU6ICdvaycgfSksICdub25lJyk7XG4gIGFzc2VydC5lcXVhbChidWRnZXRTZXZlcml0eSh7IGNhcDogMSwgdXNlZDogMC45LCBzdGF0ZTogJ25lYXInIH0pLCAnd2FybmluZycpO1xuICBhc3NlcnQuZXF1YWwoYnVkZ2V0U2V2ZXJpdHkoeyBjYXA6IDEsIHVzZWQ6IDEuMiwgc3RhdGU6ICdvdmVyJyB9KSwgJ2Vycm9yJyk7XG4gIGFzc2VydC5lcXVhbChidWRnZXRTZXZlcml0eSh7IGNhcDogMSwgdXNlZDogMS4yLCBzdGF0ZTogJ3N0b3BwZWQnIH0pLCAnZXJyb3InKTtcbiAgYXNzZXJ0LmVxdWFsKGJ1ZGdldExpbmUoeyBjYXA6IG51bGwsIHVzZWQ6IDAsIHN0YXRlOiAnb2snIH0pLCB1bmRlZmluZWQpO1xuICBhc3NlcnQuZXF1YWwoXG4gICAgYnVkZ2V0TGluZSh7IGNhcDogMiwgdXNlZDogMS44LCBzdGF0ZTogJ25lYXInLCBzY29wZTogJ3Nlc3Npb24nIH0pLFxuICAgICdCdWRnZXQ6ICQxLjgwIG9mICQyLjAwIHNlc3Npb24gY2FwICg5MCUpIFx1MjAxNCAkKHdhcm5pbmcpIG5lYXIgdGhlIGNhcCcsXG4gICk7XG59KTtcblxuZXhwb3J0IGNvbnN0IFNOQVBTSE9UOiBTcGVuZFNuYXBzaG90ID0ge1xuICBzZXNzaW9uOiB7XG4gICAgaWQ6ICdzLTEyMycsXG4gICAgY29zdFVzZDogMC4wMTIzNDU2LFxuICAgIHNhdmVkVXNkOiAwLjMxLFxuICAgIGZyb250aWVyQ29zdFVzZDogMC4zMjIzNDU2LFxuICAgIHJlcXVlc3RzOiA1LFxuICAgIGNhY2hlSGl0czogMSxcbiAgICBlc2NhbGF0aW9uczogMSxcbiAgICBlcnJvcnM6IDAsXG4gICAgdW5wcmljZWQ6IDAsXG4gICAgYnlUYXNrOiB7XG4gICAgICBleHBsYWluOiB7IGNvc3RVc2Q6IDAuMDEsIHNhdmVkVXNkOiAwLjIsIHJlcXVlc3RzOiAyLCBjYWNoZUhpdHM6IDAsIGVzY2FsYXRpb25zOiAxIH0sXG4gICAgICBhdXRvY29tcGxldGU6IHsgY29zdFVzZDogMC4wMDIzNDU2LCBzYXZlZFVzZDogMC4xMSwgcmVxdWVzdHM6IDMsIGNhY2hlSGl0czogMSwgZXNjYWxhdGlvbnM6IDAgfSxcbiAgICB9LFxuICAgIGJ5VGllcjogeyBmcm9udGllcjogeyBjb3N0VXNkOiAwLjAxLCByZXF1ZXN0czogMSB9LCBtaW5pOiB7IGNvc3RVc2Q6IDAuMDAyMzQ1NiwgcmVxdWVzdHM6IDQgfSB9LFxuICAgIGJ1ZGdldDogeyBjYXA6IDEsIHVzZWQ6IDAuMDEyMzQ1Niwgc3RhdGU6ICdvaycsIHNjb3BlOiAnc2Vzc2lvbicgfSxcbiAgfSxcbiAgbGFzdDoge1xuICAgIHRhc2s6ICdleHBsYWluJyxcbiAgICB0aWVyOiAnZnJvbnRpZXInLFxuICAgIG1vZGVsOiAnYW50aHJvcGljOmNsYXVkZS1vcHVzLTQtNycsXG4gICAgcmVhc29uOiAnZXNjYWxhdGVkOiBtaW5pIGFuc3dlciBmYWlsZWQgdGhlIGNoZWNrJyxcbiAgICBjb3N0VXNkOiAwLjAwOCxcbiAgICBjYWNoZWQ6IGZhbHNlLFxuICAgIG91dGNvbWU6ICdvaycsXG4gICAgcHJpY2VkOiB0cnVlLFxuICAgIGlucHV0VG9rZW5zOiAxMjAwLFxuICAgIG91dHB1dFRva2VuczogMzAwLFxuICAgIGxhdGVuY3lNczogMjMwMCxcbiAgfSxcbn07XG5cbnRlc3QoJ3Rvb2x0aXBNYXJrZG93biBicmVha3MgdGhlIHNlc3Npb24gZG93biBieSB0YXNrIGFuZCB0aWVyJywgKCkgPT4ge1xuICBjb25zdCBtZCA9IHRvb2x0aXBNYXJrZG93bihTTkFQU0hPVCk7XG4gIGFzc2VydC5tYXRjaChtZCwgL1Nlc3Npb24gYHMtMTIzYDogXFwqXFwqXFwkMFxcLjAxMjM0NlxcKlxcKiBzcGVudCwgXFwqXFwqXFwkMFxcLjMxXFwqXFwqIHNhdmVkIHZzIGFsbC1mcm9udGllciBcXChcXCQwXFwuMzIyMzQ2XFwpLyk7XG4gIGFzc2VydC5tYXRjaChtZCwgLzUgcmVxdWVzdHMgXHUwMEI3IDEgY2FjaGUgaGl0IFx1MDBCNyAxIGVzY2FsYXRpb24vKTtcbiAgYXNzZXJ0Lm1hdGNoKG1kLCAvXFwqXFwqQnkgdGFza1xcKlxcKi8pO1xuICAvLyB0YXNrcyBpbiB0aGUgdXN1YWwgb3JkZXI6IGF1dG9jb21wbGV0ZSBiZWZvcmUgZXhwbGFpblxuICBhc3NlcnQub2sobWQuaW5kZXhPZignfCBhdXRvY29tcGxldGUgfCcpIDwgbWQuaW5kZXhPZignfCBleHBsYWluIHwnKSk7XG4gIGFzc2VydC5tYXRjaChtZCwgL1xcfCBhdXRvY29tcGxldGUgXFx8IFxcJDBcXC4wMDIzNDYgXFx8IFxcJDBcXC4xMSBcXHwgMyBcXHwgMSBcXHwgMCBcXHwvKTtcbiAgYXNzZXJ0Lm1hdGNoKG1kLCAvXFx8IGV4cGxhaW4gXFx8IFxcJDBcXC4wMSBcXHwgXFwkMFxcLjIwIFxcfCAyIFxcfCAwIFxcfCAxIFxcfC8pO1xuICBhc3NlcnQubWF0Y2gobWQsIC9cXCpcXCpCeSB0aWVyOlxcKlxcKiBtaW5pIFxcJDBcXC4wMDIzNDYgXFwoNCByZXF1ZXN0c1xcKSBcdTAwQjcgZnJvbnRpZXIgXFwkMFxcLjAxIFxcKDEgcmVxdWVzdFxcKS8pO1xuICBhc3NlcnQubWF0Y2gobWQsIC9cXCpcXCpMYXN0OlxcKlxcKiBleHBsYWluIFx1MjE5MiBcXCpcXCpmcm9udGllclxcKlxcKiBgYW50aHJvcGljOmNsYXVkZS1vcHVzLTQtN2AgXHUyMDE0IGVzY2FsYXRlZDogbWluaSBhbnN3ZXIgZmFpbGVkIHRoZSBjaGVjayBcdTAwQjcgXFwkMFxcLjAwOC8pO1xuICBhc3NlcnQubWF0Y2gobWQsIC9CdWRnZXQ6IFxcJDBcXC4wMTIzNDYgb2YgXFwkMVxcLjAwIHNlc3Npb24gY2FwIFxcKDElXFwpLyk7XG4gIGFzc2VydC5tYXRjaChtZCwgL2NvbW1hbmQ6bHNwUm91dGVyXFwuc2hvd1NwZW5kLyk7XG59KTtcblxudGVzdCgndG9vbHRpcE1hcmtkb3duIHdpdGhvdXQgZGF0YSwgd2l0aCBhIG5vdGljZSwgY2FjaGVkIGxhc3QgcmVxdWVzdCcsICgpID0+IHtcbiAgYXNzZXJ0Lm1hdGNoKHRvb2x0aXBNYXJrZG93bihudWxsKSwgL05vIHJlcXVlc3RzIHlldC8pO1xuICBjb25zdCBtZCA9IHRvb2x0aXBNYXJrZG93bih7IC4uLlNOQVBTSE9ULCBsYXN0OiB7IC4uLlNOQVBTSE9ULmxhc3QhLCBjYWNoZWQ6IHRydWUsIGNvc3RVc2Q6IDAgfSB9LCAnTk9USUNFJyk7XG4gIGFzc2VydC5tYXRjaChtZCwgL05PVElDRS8pO1xuICBhc3NlcnQubWF0Y2gobWQsIC9cdTAwQjcgY2FjaGUgaGl0Lyk7XG4gIGNvbnN0IHVucHJpY2VkID0gdG9vbHRpcE1hcmtkb3duKHsgLi4uU05BUFNIT1QsIGxhc3Q6IHsgLi4uU05BUFNIT1QubGFzdCEsIGNvc3RVc2Q6IG51bGwsIHByaWNlZDogZmFsc2UgfSB9KTtcbiAgYXNzZXJ0Lm1hdGNoKHVucHJpY2VkLCAvXHUwMEI3IHVucHJpY2VkLyk7XG59KTtcblxudGVzdCgnZXhwbGFpbkhlYWRlcicsICgpID0+IHtcbiAgYXNzZXJ0LmVxdWFsKFxuICAgIGV4cGxhaW5IZWFkZXIoeyB0aWVyOiAnbWluaScsIG1vZGVsOiAnb3BlbmFpOmdwdC01LjQtbWluaScsIGNvc3RVc2Q6IDAuMDAwMTIzLCBjYWNoZWQ6IGZhbHNlLCByZWFzb246ICdzaG9ydCBzZWxlY3Rpb24nIH0pLFxuICAgICdtaW5pIFx1MDBCNyBvcGVuYWk6Z3B0LTUuNC1taW5pIFx1MDBCNyAkMC4wMDAxMjMgXHUwMEI3IHNob3J0IHNlbGVjdGlvbicsXG4gICk7XG4gIGFzc2VydC5lcXVhbChleHBsYWluSGVhZGVyKHsgdGllcjogJ21pbmknLCBtb2RlbDogJ20nLCBjb3N0VXNkOiAwLCBjYWNoZWQ6IHRydWUgfSksICdtaW5pIFx1MDBCNyBtIFx1MDBCNyBjYWNoZSBoaXQnKTtcbiAgYXNzZXJ0LmVxdWFsKGV4cGxhaW5IZWFkZXIoeyBjb3N0VXNkOiBudWxsIH0pLCAndW5wcmljZWQnKTtcbn0pO1xuIiwgIi8vIFB1cmUgZm9ybWF0dGluZzogbW9uZXksIHN0YXR1cyBiYXIgdGV4dCwgdG9vbHRpcCBtYXJrZG93bi4gTm8gYHZzY29kZWAgaW1wb3J0ICh1bml0IHRlc3RlZCkuXG5cbmltcG9ydCB0eXBlIHsgQnVkZ2V0SW5mbywgTGFzdFJlcXVlc3QsIFNlc3Npb25TcGVuZCwgU3BlbmRTbmFwc2hvdCB9IGZyb20gJy4vcHJvdG9jb2wnO1xuXG5jb25zdCBNQVhfREVDSU1BTFMgPSA2O1xuXG5mdW5jdGlvbiBzdHJpcFplcm9zKHM6IHN0cmluZywgbWluRGVjaW1hbHM6IG51bWJlcik6IHN0cmluZyB7XG4gIGNvbnN0IGRvdCA9IHMuaW5kZXhPZignLicpO1xuICBpZiAoZG90IDwgMCkgcmV0dXJuIHM7XG4gIGxldCBlbmQgPSBzLmxlbmd0aDtcbiAgd2hpbGUgKGVuZCA+IGRvdCArIDEgKyBtaW5EZWNpbWFscyAmJiBzW2VuZCAtIDFdID09PSAnMCcpIGVuZC0tO1xuICBpZiAoZW5kID09PSBkb3QgKyAxKSBlbmQgPSBkb3Q7IC8vIG5ldmVyIGxlYXZlIGEgYmFyZSBcIi5cIlxuICByZXR1cm4gcy5zbGljZSgwLCBlbmQpO1xufVxuXG5mdW5jdGlvbiBpc051bWJlcih2OiB1bmtub3duKTogdiBpcyBudW1iZXIge1xuICByZXR1cm4gdHlwZW9mIHYgPT09ICdudW1iZXInICYmIE51bWJlci5pc0Zpbml0ZSh2KTtcbn1cblxuLyoqXG4gKiBDb21wYWN0IG1vbmV5IGZvciB0aGUgc3RhdHVzIGJhcjogdHdvIHNpZ25pZmljYW50IGRpZ2l0cyBiZWxvdyB0ZW4gY2VudHMsIGNlbnRzIGFib3ZlLlxuICogICAwIC0+IFwiJDAuMDBcIiwgMC4wNDIgLT4gXCIkMC4wNDJcIiwgMC4zMSAtPiBcIiQwLjMxXCIsIDAuMDAwMDM0NSAtPiBcIiQwLjAwMDAzNVwiLCAxMi41IC0+IFwiJDEyLjUwXCIuXG4gKiBBbW91bnRzIGJlbG93ICQwLjAwMDAwMSAoYnV0IG5vdCB6ZXJvKSBzaG93IGFzIFwiPCQwLjAwMDAwMVwiLlxuICovXG5leHBvcnQgZnVuY3Rpb24gZm9ybWF0VXNkKHZhbHVlOiBudW1iZXIgfCBudWxsIHwgdW5kZWZpbmVkKTogc3RyaW5nIHtcbiAgaWYgKCFpc051bWJlcih2YWx1ZSkpIHJldHVybiAnJFx1MjAxNCc7XG4gIGlmICh2YWx1ZSA9PT0gMCkgcmV0dXJuICckMC4wMCc7XG4gIGNvbnN0IHNpZ24gPSB2YWx1ZSA8IDAgPyAnLScgOiAnJztcbiAgY29uc3QgYWJzID0gTWF0aC5hYnModmFsdWUpO1xuICBpZiAoYWJzIDwgMTAgKiogLU1BWF9ERUNJTUFMUykgcmV0dXJuIGAke3NpZ24gPT09ICctJyA/ICc+LScgOiAnPCd9JDAuMDAwMDAxYDtcbiAgaWYgKGFicyA+PSAwLjEpIHtcbiAgICByZXR1cm4gYCR7c2lnbn0kJHthYnMudG9Mb2NhbGVTdHJpbmcoJ2VuLVVTJywgeyBtaW5pbXVtRnJhY3Rpb25EaWdpdHM6IDIsIG1heGltdW1GcmFjdGlvbkRpZ2l0czogMiB9KX1gO1xuICB9XG4gIC8vIFR3byBzaWduaWZpY2FudCBkaWdpdHM6IDAuMDQyIC0+IDMgZGVjaW1hbHMsIDAuMDAzNSAtPiA0IGRlY2ltYWxzLlxuICBjb25zdCBkZWNpbWFscyA9IE1hdGgubWluKE1BWF9ERUNJTUFMUywgTWF0aC5tYXgoMiwgMSAtIE1hdGguZmxvb3IoTWF0aC5sb2cxMChhYnMpKSkpO1xuICByZXR1cm4gYCR7c2lnbn0kJHtzdHJpcFplcm9zKGFicy50b0ZpeGVkKGRlY2ltYWxzKSwgMil9YDtcbn1cblxuLyoqIE1vbmV5IHdpdGggdXAgdG8gc2l4IGRlY2ltYWxzICh0b29sdGlwcywgdGFibGVzKTogMC4wMDAzNDU2Nzg5IC0+IFwiJDAuMDAwMzQ2XCIsIDAuNSAtPiBcIiQwLjUwXCIuICovXG5leHBvcnQgZnVuY3Rpb24gZm9ybWF0VXNkUHJlY2lzZSh2YWx1ZTogbnVtYmVyIHwgbnVsbCB8IHVuZGVmaW5lZCk6IHN0cmluZyB7XG4gIGlmICghaXNOdW1iZXIodmFsdWUpKSByZXR1cm4gJ1x1MjAxNCc7XG4gIGlmICh2YWx1ZSA9PT0gMCkgcmV0dXJuICckMC4wMCc7XG4gIGNvbnN0IHNpZ24gPSB2YWx1ZSA8IDAgPyAnLScgOiAnJztcbiAgY29uc3QgYWJzID0gTWF0aC5hYnModmFsdWUpO1xuICBjb25zdCBmaXhlZCA9IGFicy50b0ZpeGVkKE1BWF9ERUNJTUFMUyk7XG4gIGlmIChOdW1iZXIoZml4ZWQpID09PSAwKSByZXR1cm4gYCR7c2lnbiA9PT0gJy0nID8gJz4tJyA6ICc8J30kMC4wMDAwMDFgO1xuICBjb25zdCBbaW50UGFydCwgZnJhY10gPSBzdHJpcFplcm9zKGZpeGVkLCAyKS5zcGxpdCgnLicpO1xuICBjb25zdCBncm91cGVkID0gTnVtYmVyKGludFBhcnQpLnRvTG9jYWxlU3RyaW5nKCdlbi1VUycpO1xuICByZXR1cm4gYCR7c2lnbn0kJHtncm91cGVkfSR7ZnJhYyAhPT0gdW5kZWZpbmVkID8gJy4nICsgZnJhYyA6ICcnfWA7XG59XG5cbmV4cG9ydCBmdW5jdGlvbiBmb3JtYXRDb3VudChuOiBudW1iZXIgfCBudWxsIHwgdW5kZWZpbmVkLCBzaW5ndWxhcjogc3RyaW5nLCBwbHVyYWwgPSBzaW5ndWxhciArICdzJyk6IHN0cmluZyB7XG4gIGNvbnN0IHYgPSBpc051bWJlcihuKSA/IG4gOiAwO1xuICByZXR1cm4gYCR7dn0gJHt2ID09PSAxID8gc2luZ3VsYXIgOiBwbHVyYWx9YDtcbn1cblxuZXhwb3J0IGZ1bmN0aW9uIGZvcm1hdExhdGVuY3kobXM6IG51bWJlciB8IG51bGwgfCB1bmRlZmluZWQpOiBzdHJpbmcge1xuICBpZiAoIWlzTnVtYmVyKG1zKSkgcmV0dXJuICdcdTIwMTQnO1xuICBpZiAobXMgPCAxMDAwKSByZXR1cm4gYCR7TWF0aC5yb3VuZChtcyl9IG1zYDtcbiAgcmV0dXJuIGAkeyhtcyAvIDEwMDApLnRvRml4ZWQoMSl9IHNgO1xufVxuXG5leHBvcnQgZnVuY3Rpb24gZm9ybWF0VG9rZW5zKGlucHV0OiBudW1iZXIgfCBudWxsIHwgdW5kZWZpbmVkLCBvdXRwdXQ6IG51bWJlciB8IG51bGwgfCB1bmRlZmluZWQpOiBzdHJpbmcge1xuICBpZiAoIWlzTnVtYmVyKGlucHV0KSAmJiAhaXNOdW1iZXIob3V0cHV0KSkgcmV0dXJuICdcdTIwMTQnO1xuICByZXR1cm4gYCR7aXNOdW1iZXIoaW5wdXQpID8gaW5wdXQgOiAwfSBpbiAvICR7aXNOdW1iZXIob3V0cHV0KSA/IG91dHB1dCA6IDB9IG91dGA7XG59XG5cbi8qKiBcIm9wZW5haTpncHQtNS40LW1pbmlcIiAtPiBcIm9wZW5haVwiOyBhIGJhcmUgbW9kZWwgbmFtZSAtPiBcIlwiLiAqL1xuZXhwb3J0IGZ1bmN0aW9uIHByb3ZpZGVyT2ZNb2RlbChtb2RlbDogc3RyaW5nIHwgbnVsbCB8IHVuZGVmaW5lZCk6IHN0cmluZyB7XG4gIGlmICghbW9kZWwpIHJldHVybiAnJztcbiAgY29uc3QgaSA9IG1vZGVsLmluZGV4T2YoJzonKTtcbiAgcmV0dXJuIGkgPiAwID8gbW9kZWwuc2xpY2UoMCwgaSkgOiAnJztcbn1cblxuY29uc3QgUFJPVklERVJfTkFNRVM6IFJlY29yZDxzdHJpbmcsIHN0cmluZz4gPSB7IG9wZW5haTogJ09wZW5BSScsIGFudGhyb3BpYzogJ0FudGhyb3BpYycgfTtcblxuZXhwb3J0IGZ1bmN0aW9uIHByb3ZpZGVyRGlzcGxheU5hbWUocHJvdmlkZXI6IHN0cmluZyk6IHN0cmluZyB7XG4gIHJldHVybiBQUk9WSURFUl9OQU1FU1twcm92aWRlcl0gPz8gcHJvdmlkZXI7XG59XG5cbi8qKiBFc2NhcGUgdGV4dCBmb3IgdXNlIGluc2lkZSBhIG1hcmtkb3duIHRhYmxlIGNlbGwgb3IgaW5saW5lIHRleHQuICovXG5leHBvcnQgZnVuY3Rpb24gZXNjYXBlTWFya2Rvd24odGV4dDogc3RyaW5nKTogc3RyaW5nIHtcbiAgcmV0dXJuIFN0cmluZyh0ZXh0KVxuICAgIC5yZXBsYWNlKC9cXFxcL2csICdcXFxcXFxcXCcpXG4gICAgLnJlcGxhY2UoLyhbYCpfe31cXFtcXF08PiN8fl0pL2csICdcXFxcJDEnKVxuICAgIC5yZXBsYWNlKC9cXHI/XFxuL2csICcgJyk7XG59XG5cbmV4cG9ydCBmdW5jdGlvbiBidWRnZXRTZXZlcml0eShidWRnZXQ6IEJ1ZGdldEluZm8gfCBudWxsIHwgdW5kZWZpbmVkKTogJ25vbmUnIHwgJ3dhcm5pbmcnIHwgJ2Vycm9yJyB7XG4gIHN3aXRjaCAoYnVkZ2V0Py5zdGF0ZSkge1xuICAgIGNhc2UgJ25lYXInOlxuICAgICAgcmV0dXJuICd3YXJuaW5nJztcbiAgICBjYXNlICdvdmVyJzpcbiAgICBjYXNlICdzdG9wcGVkJzpcbiAgICAgIHJldHVybiAnZXJyb3InO1xuICAgIGRlZmF1bHQ6XG4gICAgICByZXR1cm4gJ25vbmUnO1xuICB9XG59XG5cbmV4cG9ydCBmdW5jdGlvbiBidWRnZXRMaW5lKGJ1ZGdldDogQnVkZ2V0SW5mbyB8IG51bGwgfCB1bmRlZmluZWQpOiBzdHJpbmcgfCB1bmRlZmluZWQge1xuICBpZiAoIWJ1ZGdldCB8fCAhaXNOdW1iZXIoYnVkZ2V0LmNhcCkpIHJldHVybiB1bmRlZmluZWQ7XG4gIGNvbnN0IHNjb3BlID0gYnVkZ2V0LnNjb3BlID8gYCR7YnVkZ2V0LnNjb3BlfSBgIDogJyc7XG4gIGNvbnN0IHBjdCA9IGJ1ZGdldC5jYXAgPiAwID8gYCAoJHtNYXRoLnJvdW5kKChidWRnZXQudXNlZCAvIGJ1ZGdldC5jYXApICogMTAwKX0lKWAgOiAnJztcbiAgY29uc3Qgc3RhdGUgPVxuICAgIGJ1ZGdldC5zdGF0ZSA9PT0gJ25lYXInXG4gICAgICA/ICcgXHUyMDE0ICQod2FybmluZykgbmVhciB0aGUgY2FwJ1xuICAgICAgOiBidWRnZXQuc3RhdGUgPT09ICdvdmVyJ1xuICAgICAgICA/ICcgXHUyMDE0ICQoZXJyb3IpIG92ZXIgdGhlIGNhcCdcbiAgICAgICAgOiBidWRnZXQuc3RhdGUgPT09ICdzdG9wcGVkJ1xuICAgICAgICAgID8gJyBcdTIwMTQgJChlcnJvcikgc3RvcHBlZDogcmVxdWVzdHMgcmVmdXNlZCdcbiAgICAgICAgICA6ICcnO1xuICByZXR1cm4gYEJ1ZGdldDogJHtmb3JtYXRVc2RQcmVjaXNlKGJ1ZGdldC51c2VkKX0gb2YgJHtmb3JtYXRVc2RQcmVjaXNlKGJ1ZGdldC5jYXApfSAke3Njb3BlfWNhcCR7cGN0fSR7c3RhdGV9YDtcbn1cblxuLyoqIFN0YXR1cyBiYXIgdGV4dCBmb3IgYSBzcGVuZCBzbmFwc2hvdCwgZS5nLiBcIiQocHVsc2UpICQwLjA0MiBcdTAwQjcgc2F2ZWQgJDAuMzFcIi4gKi9cbmV4cG9ydCBmdW5jdGlvbiBzcGVuZFRleHQoc2Vzc2lvbjogUGljazxTZXNzaW9uU3BlbmQsICdjb3N0VXNkJyB8ICdzYXZlZFVzZCc+IHwgbnVsbCB8IHVuZGVmaW5lZCk6IHN0cmluZyB7XG4gIGNvbnN0IGNvc3QgPSBmb3JtYXRVc2Qoc2Vzc2lvbj8uY29zdFVzZCA/PyAwKTtcbiAgY29uc3Qgc2F2ZWQgPSBzZXNzaW9uPy5zYXZlZFVzZCA/PyAwO1xuICByZXR1cm4gc2F2ZWQgPiAwID8gYCQocHVsc2UpICR7Y29zdH0gXHUwMEI3IHNhdmVkICR7Zm9ybWF0VXNkKHNhdmVkKX1gIDogYCQocHVsc2UpICR7Y29zdH1gO1xufVxuXG5mdW5jdGlvbiBsYXN0TGluZShsYXN0OiBMYXN0UmVxdWVzdCk6IHN0cmluZyB7XG4gIGNvbnN0IHBhcnRzID0gW1xuICAgIGAqKkxhc3Q6KiogJHtlc2NhcGVNYXJrZG93bihsYXN0LnRhc2spfSBcdTIxOTIgKioke2VzY2FwZU1hcmtkb3duKFN0cmluZyhsYXN0LnRpZXIpKX0qKmAsXG4gICAgbGFzdC5tb2RlbCA/IGAgXFxgJHtsYXN0Lm1vZGVsLnJlcGxhY2UoL2AvZywgXCInXCIpfVxcYGAgOiAnJyxcbiAgICBsYXN0LnJlYXNvbiA/IGAgXHUyMDE0ICR7ZXNjYXBlTWFya2Rvd24obGFzdC5yZWFzb24pfWAgOiAnJyxcbiAgICBgIFx1MDBCNyAke2xhc3QuY2FjaGVkID8gJ2NhY2hlIGhpdCcgOiBsYXN0LmNvc3RVc2QgPT09IG51bGwgfHwgbGFzdC5wcmljZWQgPT09IGZhbHNlID8gJ3VucHJpY2VkJyA6IGZvcm1hdFVzZFByZWNpc2UobGFzdC5jb3N0VXNkKX1gLFxuICAgIGxhc3Qub3V0Y29tZSAmJiBsYXN0Lm91dGNvbWUgIT09ICdvaycgPyBgIFx1MDBCNyAke2VzY2FwZU1hcmtkb3duKGxhc3Qub3V0Y29tZSl9YCA6ICcnLFxuICBdO1xuICByZXR1cm4gcGFydHMuam9pbignJyk7XG59XG5cbi8qKiBPcmRlciB0YXNrcyB0aGUgd2F5IHVzZXJzIHRoaW5rIG9mIHRoZW0sIHVua25vd24gb25lcyBhZnRlci4gKi9cbmNvbnN0IFRBU0tfT1JERVIgPSBbJ2F1dG9jb21wbGV0ZScsICdyZW5hbWUnLCAnZXhwbGFpbicsICdyZWZhY3RvciddO1xuY29uc3QgVElFUl9PUkRFUiA9IFsnbWluaScsICdmcm9udGllciddO1xuXG5mdW5jdGlvbiBvcmRlcmVkKGtleXM6IHN0cmluZ1tdLCBvcmRlcjogc3RyaW5nW10pOiBzdHJpbmdbXSB7XG4gIHJldHVybiBbLi4ua2V5c10uc29ydCgoYSwgYikgPT4ge1xuICAgIGNvbnN0IGlhID0gb3JkZXIuaW5kZXhPZihhKTtcbiAgICBjb25zdCBpYiA9IG9yZGVyLmluZGV4T2YoYik7XG4gICAgcmV0dXJuIChpYSA8IDAgPyA5OSA6IGlhKSAtIChpYiA8IDAgPyA5OSA6IGliKSB8fCBhLmxvY2FsZUNvbXBhcmUoYik7XG4gIH0pO1xufVxuXG4vKipcbiAqIFRoZSBzdGF0dXMgYmFyIHRvb2x0aXA6IHNlc3Npb24gdG90YWxzLCBhIGJ5LXRhc2sgdGFibGUsIGEgYnktdGllciBsaW5lLCB0aGUgbGFzdCByZXF1ZXN0LFxuICogdGhlIGJ1ZGdldCwgYW5kIGNvbW1hbmQgbGlua3MuIE1hcmtkb3duIGZvciBhIGB2c2NvZGUuTWFya2Rvd25TdHJpbmdgIHdpdGggYHN1cHBvcnRUaGVtZUljb25zYC5cbiAqL1xuZXhwb3J0IGZ1bmN0aW9uIHRvb2x0aXBNYXJrZG93bihzbmFwc2hvdDogU3BlbmRTbmFwc2hvdCB8IG51bGwgfCB1bmRlZmluZWQsIG5vdGljZT86IHN0cmluZyk6IHN0cmluZyB7XG4gIGNvbnN0IGxpbmVzOiBzdHJpbmdbXSA9IFtdO1xuICBsaW5lcy5wdXNoKCcqKkxTUCBSb3V0ZXIqKiBcdTIwMTQgc2Vzc2lvbiBzcGVuZCcpO1xuICBsaW5lcy5wdXNoKCcnKTtcbiAgaWYgKG5vdGljZSkge1xuICAgIGxpbmVzLnB1c2gobm90aWNlKTtcbiAgICBsaW5lcy5wdXNoKCcnKTtcbiAgfVxuICBpZiAoIXNuYXBzaG90KSB7XG4gICAgbGluZXMucHVzaCgnTm8gcmVxdWVzdHMgeWV0LicpO1xuICB9IGVsc2Uge1xuICAgIGNvbnN0IHMgPSBzbmFwc2hvdC5zZXNzaW9uO1xuICAgIGxpbmVzLnB1c2goXG4gICAgICBgU2Vzc2lvbiBcXGAke1N0cmluZyhzLmlkID8/ICcnKS5yZXBsYWNlKC9gL2csIFwiJ1wiKX1cXGA6ICoqJHtmb3JtYXRVc2RQcmVjaXNlKHMuY29zdFVzZCl9Kiogc3BlbnQsIGAgK1xuICAgICAgICBgKioke2Zvcm1hdFVzZFByZWNpc2Uocy5zYXZlZFVzZCl9Kiogc2F2ZWQgdnMgYWxsLWZyb250aWVyYCArXG4gICAgICAgIChpc051bWJlcihzLmZyb250aWVyQ29zdFVzZCkgPyBgICgke2Zvcm1hdFVzZFByZWNpc2Uocy5mcm9udGllckNvc3RVc2QpfSlgIDogJycpLFxuICAgICk7XG4gICAgbGluZXMucHVzaCgnJyk7XG4gICAgbGluZXMucHVzaChcbiAgICAgIGAke2Zvcm1hdENvdW50KHMucmVxdWVzdHMsICdyZXF1ZXN0Jyl9IFx1MDBCNyAke2Zvcm1hdENvdW50KHMuY2FjaGVIaXRzLCAnY2FjaGUgaGl0Jyl9IFx1MDBCNyBgICtcbiAgICAgICAgYCR7Zm9ybWF0Q291bnQocy5lc2NhbGF0aW9ucywgJ2VzY2FsYXRpb24nKX1gICtcbiAgICAgICAgKHMuZXJyb3JzID8gYCBcdTAwQjcgJHtmb3JtYXRDb3VudChzLmVycm9ycywgJ2Vycm9yJyl9YCA6ICcnKSArXG4gICAgICAgIChzLnVucHJpY2VkID8gYCBcdTAwQjcgJHtzLnVucHJpY2VkfSB1bnByaWNlZGAgOiAnJyksXG4gICAgKTtcbiAgICBjb25zdCB0YXNrcyA9IG9yZGVyZWQoT2JqZWN0LmtleXMocy5ieVRhc2sgPz8ge30pLCBUQVNLX09SREVSKTtcbiAgICBpZiAodGFza3MubGVuZ3RoKSB7XG4gICAgICBsaW5lcy5wdXNoKCcnKTtcbiAgICAgIGxpbmVzLnB1c2goJyoqQnkgdGFzayoqJyk7XG4gICAgICBsaW5lcy5wdXNoKCcnKTtcbiAgICAgIGxpbmVzLnB1c2goJ3wgdGFzayB8IGNvc3QgfCBzYXZlZCB8IHJlcXVlc3RzIHwgY2FjaGUgaGl0cyB8IGVzY2FsYXRpb25zIHwnKTtcbiAgICAgIGxpbmVzLnB1c2goJ3w6LS18LS06fC0tOnwtLTp8LS06fC0tOnwnKTtcbiAgICAgIGZvciAoY29uc3QgdCBvZiB0YXNrcykge1xuICAgICAgICBjb25zdCB2ID0gcy5ieVRhc2shW3RdO1xuICAgICAgICBsaW5lcy5wdXNoKFxuICAgICAgICAgIGB8ICR7ZXNjYXBlTWFya2Rvd24odCl9IHwgJHtmb3JtYXRVc2RQcmVjaXNlKHYuY29zdFVzZCl9IHwgJHtmb3JtYXRVc2RQcmVjaXNlKHYuc2F2ZWRVc2QgPz8gMCl9IHwgYCArXG4gICAgICAgICAgICBgJHt2LnJlcXVlc3RzID8/IDB9IHwgJHt2LmNhY2hlSGl0cyA/PyAwfSB8ICR7di5lc2NhbGF0aW9ucyA/PyAwfSB8YCxcbiAgICAgICAgKTtcbiAgICAgIH1cbiAgICB9XG4gICAgY29uc3QgdGllcnMgPSBvcmRlcmVkKE9iamVjdC5rZXlzKHMuYnlUaWVyID8/IHt9KSwgVElFUl9PUkRFUik7XG4gICAgaWYgKHRpZXJzLmxlbmd0aCkge1xuICAgICAgbGluZXMucHVzaCgnJyk7XG4gICAgICBsaW5lcy5wdXNoKFxuICAgICAgICAnKipCeSB0aWVyOioqICcgK1xuICAgICAgICAgIHRpZXJzXG4gICAgICAgICAgICAubWFwKCh0KSA9PiB7XG4gICAgICAgICAgICAgIGNvbnN0IHYgPSBzLmJ5VGllciFbdF07XG4gICAgICAgICAgICAgIHJldHVybiBgJHtlc2NhcGVNYXJrZG93bih0KX0gJHtmb3JtYXRVc2RQcmVjaXNlKHYuY29zdFVzZCl9ICgke2Zvcm1hdENvdW50KHYucmVxdWVzdHMsICdyZXF1ZXN0Jyl9KWA7XG4gICAgICAgICAgICB9KVxuICAgICAgICAgICAgLmpvaW4oJyBcdTAwQjcgJyksXG4gICAgICApO1xuICAgIH1cbiAgICBpZiAoc25hcHNob3QubGFzdCkge1xuICAgICAgbGluZXMucHVzaCgnJyk7XG4gICAgICBsaW5lcy5wdXNoKGxhc3RMaW5lKHNuYXBzaG90Lmxhc3QpKTtcbiAgICB9XG4gICAgY29uc3QgYiA9IGJ1ZGdldExpbmUocy5idWRnZXQpO1xuICAgIGlmIChiKSB7XG4gICAgICBsaW5lcy5wdXNoKCcnKTtcbiAgICAgIGxpbmVzLnB1c2goYik7XG4gICAgfVxuICB9XG4gIGxpbmVzLnB1c2goJycpO1xuICBsaW5lcy5wdXNoKFxuICAgICdbJChncmFwaCkgU3BlbmQgdmlld10oY29tbWFuZDpsc3BSb3V0ZXIuc2hvd1NwZW5kKSBcdTAwQjcgWyQocmVmcmVzaCkgUmVzZXQgc2Vzc2lvbl0oY29tbWFuZDpsc3BSb3V0ZXIubmV3U2Vzc2lvbikgXHUwMEI3ICcgK1xuICAgICAgJ1skKG91dHB1dCkgU2VydmVyIGxvZ10oY29tbWFuZDpsc3BSb3V0ZXIuc2hvd091dHB1dCknLFxuICApO1xuICByZXR1cm4gbGluZXMuam9pbignXFxuJyk7XG59XG5cbi8qKiBIZWFkZXIgbGluZSBhYm92ZSBhbiBleHBsYW5hdGlvbjogXCJmcm9udGllciBcdTAwQjcgYW50aHJvcGljOmNsYXVkZS1vcHVzLTQtNyBcdTAwQjcgJDAuMDA0MiBcdTAwQjcgY2FjaGVkXCIuICovXG5leHBvcnQgZnVuY3Rpb24gZXhwbGFpbkhlYWRlcihyOiB7XG4gIHRpZXI/OiBzdHJpbmc7XG4gIG1vZGVsPzogc3RyaW5nO1xuICBjb3N0VXNkPzogbnVtYmVyIHwgbnVsbDtcbiAgY2FjaGVkPzogYm9vbGVhbjtcbiAgcmVhc29uPzogc3RyaW5nO1xufSk6IHN0cmluZyB7XG4gIGNvbnN0IHBhcnRzOiBzdHJpbmdbXSA9IFtdO1xuICBpZiAoci50aWVyKSBwYXJ0cy5wdXNoKFN0cmluZyhyLnRpZXIpKTtcbiAgaWYgKHIubW9kZWwpIHBhcnRzLnB1c2goci5tb2RlbCk7XG4gIGlmIChyLmNhY2hlZCkgcGFydHMucHVzaCgnY2FjaGUgaGl0Jyk7XG4gIGVsc2UgaWYgKHIuY29zdFVzZCA9PT0gbnVsbCkgcGFydHMucHVzaCgndW5wcmljZWQnKTtcbiAgZWxzZSBpZiAoaXNOdW1iZXIoci5jb3N0VXNkKSkgcGFydHMucHVzaChmb3JtYXRVc2RQcmVjaXNlKHIuY29zdFVzZCkpO1xuICBpZiAoci5yZWFzb24pIHBhcnRzLnB1c2goci5yZWFzb24pO1xuICByZXR1cm4gcGFydHMuam9pbignIFx1MDBCNyAnKTtcbn1cbiJdLAogICJtYXBwaW5ncyI6ICI7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7OztBQUFBO0FBQUE7QUFBQTtBQUFBO0FBQUE7QUFBQSx1QkFBcUI7QUFDckIsb0JBQW1COzs7QUNHbkIsSUFBTSxlQUFlO0FBRXJCLFNBQVMsV0FBVyxHQUFXLGFBQTZCO0FBQzFELFFBQU0sTUFBTSxFQUFFLFFBQVEsR0FBRztBQUN6QixNQUFJLE1BQU0sRUFBRyxRQUFPO0FBQ3BCLE1BQUksTUFBTSxFQUFFO0FBQ1osU0FBTyxNQUFNLE1BQU0sSUFBSSxlQUFlLEVBQUUsTUFBTSxDQUFDLE1BQU0sSUFBSztBQUMxRCxNQUFJLFFBQVEsTUFBTSxFQUFHLE9BQU07QUFDM0IsU0FBTyxFQUFFLE1BQU0sR0FBRyxHQUFHO0FBQ3ZCO0FBRUEsU0FBUyxTQUFTLEdBQXlCO0FBQ3pDLFNBQU8sT0FBTyxNQUFNLFlBQVksT0FBTyxTQUFTLENBQUM7QUFDbkQ7QUFPTyxTQUFTLFVBQVUsT0FBMEM7QUFDbEUsTUFBSSxDQUFDLFNBQVMsS0FBSyxFQUFHLFFBQU87QUFDN0IsTUFBSSxVQUFVLEVBQUcsUUFBTztBQUN4QixRQUFNLE9BQU8sUUFBUSxJQUFJLE1BQU07QUFDL0IsUUFBTSxNQUFNLEtBQUssSUFBSSxLQUFLO0FBQzFCLE1BQUksTUFBTSxNQUFNLENBQUMsYUFBYyxRQUFPLEdBQUcsU0FBUyxNQUFNLE9BQU8sR0FBRztBQUNsRSxNQUFJLE9BQU8sS0FBSztBQUNkLFdBQU8sR0FBRyxJQUFJLElBQUksSUFBSSxlQUFlLFNBQVMsRUFBRSx1QkFBdUIsR0FBRyx1QkFBdUIsRUFBRSxDQUFDLENBQUM7QUFBQSxFQUN2RztBQUVBLFFBQU0sV0FBVyxLQUFLLElBQUksY0FBYyxLQUFLLElBQUksR0FBRyxJQUFJLEtBQUssTUFBTSxLQUFLLE1BQU0sR0FBRyxDQUFDLENBQUMsQ0FBQztBQUNwRixTQUFPLEdBQUcsSUFBSSxJQUFJLFdBQVcsSUFBSSxRQUFRLFFBQVEsR0FBRyxDQUFDLENBQUM7QUFDeEQ7QUFHTyxTQUFTLGlCQUFpQixPQUEwQztBQUN6RSxNQUFJLENBQUMsU0FBUyxLQUFLLEVBQUcsUUFBTztBQUM3QixNQUFJLFVBQVUsRUFBRyxRQUFPO0FBQ3hCLFFBQU0sT0FBTyxRQUFRLElBQUksTUFBTTtBQUMvQixRQUFNLE1BQU0sS0FBSyxJQUFJLEtBQUs7QUFDMUIsUUFBTSxRQUFRLElBQUksUUFBUSxZQUFZO0FBQ3RDLE1BQUksT0FBTyxLQUFLLE1BQU0sRUFBRyxRQUFPLEdBQUcsU0FBUyxNQUFNLE9BQU8sR0FBRztBQUM1RCxRQUFNLENBQUMsU0FBUyxJQUFJLElBQUksV0FBVyxPQUFPLENBQUMsRUFBRSxNQUFNLEdBQUc7QUFDdEQsUUFBTSxVQUFVLE9BQU8sT0FBTyxFQUFFLGVBQWUsT0FBTztBQUN0RCxTQUFPLEdBQUcsSUFBSSxJQUFJLE9BQU8sR0FBRyxTQUFTLFNBQVksTUFBTSxPQUFPLEVBQUU7QUFDbEU7QUFFTyxTQUFTLFlBQVksR0FBOEIsVUFBa0IsU0FBUyxXQUFXLEtBQWE7QUFDM0csUUFBTSxJQUFJLFNBQVMsQ0FBQyxJQUFJLElBQUk7QUFDNUIsU0FBTyxHQUFHLENBQUMsSUFBSSxNQUFNLElBQUksV0FBVyxNQUFNO0FBQzVDO0FBY08sU0FBUyxnQkFBZ0IsT0FBMEM7QUFDeEUsTUFBSSxDQUFDLE1BQU8sUUFBTztBQUNuQixRQUFNLElBQUksTUFBTSxRQUFRLEdBQUc7QUFDM0IsU0FBTyxJQUFJLElBQUksTUFBTSxNQUFNLEdBQUcsQ0FBQyxJQUFJO0FBQ3JDO0FBU08sU0FBUyxlQUFlLE1BQXNCO0FBQ25ELFNBQU8sT0FBTyxJQUFJLEVBQ2YsUUFBUSxPQUFPLE1BQU0sRUFDckIsUUFBUSx1QkFBdUIsTUFBTSxFQUNyQyxRQUFRLFVBQVUsR0FBRztBQUMxQjtBQUVPLFNBQVMsZUFBZSxRQUFxRTtBQUNsRyxVQUFRLFFBQVEsT0FBTztBQUFBLElBQ3JCLEtBQUs7QUFDSCxhQUFPO0FBQUEsSUFDVCxLQUFLO0FBQUEsSUFDTCxLQUFLO0FBQ0gsYUFBTztBQUFBLElBQ1Q7QUFDRSxhQUFPO0FBQUEsRUFDWDtBQUNGO0FBRU8sU0FBUyxXQUFXLFFBQTJEO0FBQ3BGLE1BQUksQ0FBQyxVQUFVLENBQUMsU0FBUyxPQUFPLEdBQUcsRUFBRyxRQUFPO0FBQzdDLFFBQU0sUUFBUSxPQUFPLFFBQVEsR0FBRyxPQUFPLEtBQUssTUFBTTtBQUNsRCxRQUFNLE1BQU0sT0FBTyxNQUFNLElBQUksS0FBSyxLQUFLLE1BQU8sT0FBTyxPQUFPLE9BQU8sTUFBTyxHQUFHLENBQUMsT0FBTztBQUNyRixRQUFNLFFBQ0osT0FBTyxVQUFVLFNBQ2Isb0NBQ0EsT0FBTyxVQUFVLFNBQ2Ysa0NBQ0EsT0FBTyxVQUFVLFlBQ2YsK0NBQ0E7QUFDVixTQUFPLFdBQVcsaUJBQWlCLE9BQU8sSUFBSSxDQUFDLE9BQU8saUJBQWlCLE9BQU8sR0FBRyxDQUFDLElBQUksS0FBSyxNQUFNLEdBQUcsR0FBRyxLQUFLO0FBQzlHO0FBR08sU0FBUyxVQUFVLFNBQWdGO0FBQ3hHLFFBQU0sT0FBTyxVQUFVLFNBQVMsV0FBVyxDQUFDO0FBQzVDLFFBQU0sUUFBUSxTQUFTLFlBQVk7QUFDbkMsU0FBTyxRQUFRLElBQUksWUFBWSxJQUFJLGVBQVksVUFBVSxLQUFLLENBQUMsS0FBSyxZQUFZLElBQUk7QUFDdEY7QUFFQSxTQUFTLFNBQVMsTUFBMkI7QUFDM0MsUUFBTSxRQUFRO0FBQUEsSUFDWixhQUFhLGVBQWUsS0FBSyxJQUFJLENBQUMsYUFBUSxlQUFlLE9BQU8sS0FBSyxJQUFJLENBQUMsQ0FBQztBQUFBLElBQy9FLEtBQUssUUFBUSxNQUFNLEtBQUssTUFBTSxRQUFRLE1BQU0sR0FBRyxDQUFDLE9BQU87QUFBQSxJQUN2RCxLQUFLLFNBQVMsV0FBTSxlQUFlLEtBQUssTUFBTSxDQUFDLEtBQUs7QUFBQSxJQUNwRCxTQUFNLEtBQUssU0FBUyxjQUFjLEtBQUssWUFBWSxRQUFRLEtBQUssV0FBVyxRQUFRLGFBQWEsaUJBQWlCLEtBQUssT0FBTyxDQUFDO0FBQUEsSUFDOUgsS0FBSyxXQUFXLEtBQUssWUFBWSxPQUFPLFNBQU0sZUFBZSxLQUFLLE9BQU8sQ0FBQyxLQUFLO0FBQUEsRUFDakY7QUFDQSxTQUFPLE1BQU0sS0FBSyxFQUFFO0FBQ3RCO0FBR0EsSUFBTSxhQUFhLENBQUMsZ0JBQWdCLFVBQVUsV0FBVyxVQUFVO0FBQ25FLElBQU0sYUFBYSxDQUFDLFFBQVEsVUFBVTtBQUV0QyxTQUFTLFFBQVEsTUFBZ0IsT0FBMkI7QUFDMUQsU0FBTyxDQUFDLEdBQUcsSUFBSSxFQUFFLEtBQUssQ0FBQyxHQUFHLE1BQU07QUFDOUIsVUFBTSxLQUFLLE1BQU0sUUFBUSxDQUFDO0FBQzFCLFVBQU0sS0FBSyxNQUFNLFFBQVEsQ0FBQztBQUMxQixZQUFRLEtBQUssSUFBSSxLQUFLLE9BQU8sS0FBSyxJQUFJLEtBQUssT0FBTyxFQUFFLGNBQWMsQ0FBQztBQUFBLEVBQ3JFLENBQUM7QUFDSDtBQU1PLFNBQVMsZ0JBQWdCLFVBQTRDLFFBQXlCO0FBQ25HLFFBQU0sUUFBa0IsQ0FBQztBQUN6QixRQUFNLEtBQUsscUNBQWdDO0FBQzNDLFFBQU0sS0FBSyxFQUFFO0FBQ2IsTUFBSSxRQUFRO0FBQ1YsVUFBTSxLQUFLLE1BQU07QUFDakIsVUFBTSxLQUFLLEVBQUU7QUFBQSxFQUNmO0FBQ0EsTUFBSSxDQUFDLFVBQVU7QUFDYixVQUFNLEtBQUssa0JBQWtCO0FBQUEsRUFDL0IsT0FBTztBQUNMLFVBQU0sSUFBSSxTQUFTO0FBQ25CLFVBQU07QUFBQSxNQUNKLGFBQWEsT0FBTyxFQUFFLE1BQU0sRUFBRSxFQUFFLFFBQVEsTUFBTSxHQUFHLENBQUMsU0FBUyxpQkFBaUIsRUFBRSxPQUFPLENBQUMsZUFDL0UsaUJBQWlCLEVBQUUsUUFBUSxDQUFDLDhCQUNoQyxTQUFTLEVBQUUsZUFBZSxJQUFJLEtBQUssaUJBQWlCLEVBQUUsZUFBZSxDQUFDLE1BQU07QUFBQSxJQUNqRjtBQUNBLFVBQU0sS0FBSyxFQUFFO0FBQ2IsVUFBTTtBQUFBLE1BQ0osR0FBRyxZQUFZLEVBQUUsVUFBVSxTQUFTLENBQUMsU0FBTSxZQUFZLEVBQUUsV0FBVyxXQUFXLENBQUMsU0FDM0UsWUFBWSxFQUFFLGFBQWEsWUFBWSxDQUFDLE1BQzFDLEVBQUUsU0FBUyxTQUFNLFlBQVksRUFBRSxRQUFRLE9BQU8sQ0FBQyxLQUFLLE9BQ3BELEVBQUUsV0FBVyxTQUFNLEVBQUUsUUFBUSxjQUFjO0FBQUEsSUFDaEQ7QUFDQSxVQUFNLFFBQVEsUUFBUSxPQUFPLEtBQUssRUFBRSxVQUFVLENBQUMsQ0FBQyxHQUFHLFVBQVU7QUFDN0QsUUFBSSxNQUFNLFFBQVE7QUFDaEIsWUFBTSxLQUFLLEVBQUU7QUFDYixZQUFNLEtBQUssYUFBYTtBQUN4QixZQUFNLEtBQUssRUFBRTtBQUNiLFlBQU0sS0FBSywrREFBK0Q7QUFDMUUsWUFBTSxLQUFLLDJCQUEyQjtBQUN0QyxpQkFBVyxLQUFLLE9BQU87QUFDckIsY0FBTSxJQUFJLEVBQUUsT0FBUSxDQUFDO0FBQ3JCLGNBQU07QUFBQSxVQUNKLEtBQUssZUFBZSxDQUFDLENBQUMsTUFBTSxpQkFBaUIsRUFBRSxPQUFPLENBQUMsTUFBTSxpQkFBaUIsRUFBRSxZQUFZLENBQUMsQ0FBQyxNQUN6RixFQUFFLFlBQVksQ0FBQyxNQUFNLEVBQUUsYUFBYSxDQUFDLE1BQU0sRUFBRSxlQUFlLENBQUM7QUFBQSxRQUNwRTtBQUFBLE1BQ0Y7QUFBQSxJQUNGO0FBQ0EsVUFBTSxRQUFRLFFBQVEsT0FBTyxLQUFLLEVBQUUsVUFBVSxDQUFDLENBQUMsR0FBRyxVQUFVO0FBQzdELFFBQUksTUFBTSxRQUFRO0FBQ2hCLFlBQU0sS0FBSyxFQUFFO0FBQ2IsWUFBTTtBQUFBLFFBQ0osa0JBQ0UsTUFDRyxJQUFJLENBQUMsTUFBTTtBQUNWLGdCQUFNLElBQUksRUFBRSxPQUFRLENBQUM7QUFDckIsaUJBQU8sR0FBRyxlQUFlLENBQUMsQ0FBQyxJQUFJLGlCQUFpQixFQUFFLE9BQU8sQ0FBQyxLQUFLLFlBQVksRUFBRSxVQUFVLFNBQVMsQ0FBQztBQUFBLFFBQ25HLENBQUMsRUFDQSxLQUFLLFFBQUs7QUFBQSxNQUNqQjtBQUFBLElBQ0Y7QUFDQSxRQUFJLFNBQVMsTUFBTTtBQUNqQixZQUFNLEtBQUssRUFBRTtBQUNiLFlBQU0sS0FBSyxTQUFTLFNBQVMsSUFBSSxDQUFDO0FBQUEsSUFDcEM7QUFDQSxVQUFNLElBQUksV0FBVyxFQUFFLE1BQU07QUFDN0IsUUFBSSxHQUFHO0FBQ0wsWUFBTSxLQUFLLEVBQUU7QUFDYixZQUFNLEtBQUssQ0FBQztBQUFBLElBQ2Q7QUFBQSxFQUNGO0FBQ0EsUUFBTSxLQUFLLEVBQUU7QUFDYixRQUFNO0FBQUEsSUFDSjtBQUFBLEVBRUY7QUFDQSxTQUFPLE1BQU0sS0FBSyxJQUFJO0FBQ3hCO0FBR08sU0FBUyxjQUFjLEdBTW5CO0FBQ1QsUUFBTSxRQUFrQixDQUFDO0FBQ3pCLE1BQUksRUFBRSxLQUFNLE9BQU0sS0FBSyxPQUFPLEVBQUUsSUFBSSxDQUFDO0FBQ3JDLE1BQUksRUFBRSxNQUFPLE9BQU0sS0FBSyxFQUFFLEtBQUs7QUFDL0IsTUFBSSxFQUFFLE9BQVEsT0FBTSxLQUFLLFdBQVc7QUFBQSxXQUMzQixFQUFFLFlBQVksS0FBTSxPQUFNLEtBQUssVUFBVTtBQUFBLFdBQ3pDLFNBQVMsRUFBRSxPQUFPLEVBQUcsT0FBTSxLQUFLLGlCQUFpQixFQUFFLE9BQU8sQ0FBQztBQUNwRSxNQUFJLEVBQUUsT0FBUSxPQUFNLEtBQUssRUFBRSxNQUFNO0FBQ2pDLFNBQU8sTUFBTSxLQUFLLFFBQUs7QUFDekI7OztJRDVOQSx1QkFBSywrQ0FBK0MsTUFBTTtBQUN4RCxnQkFBQUEsUUFBTyxNQUFNLFVBQVUsQ0FBQyxHQUFHLE9BQU87QUFDbEMsZ0JBQUFBLFFBQU8sTUFBTSxVQUFVLEtBQUssR0FBRyxRQUFRO0FBQ3ZDLGdCQUFBQSxRQUFPLE1BQU0sVUFBVSxJQUFJLEdBQUcsT0FBTztBQUNyQyxnQkFBQUEsUUFBTyxNQUFNLFVBQVUsS0FBSyxHQUFHLE9BQU87QUFDdEMsZ0JBQUFBLFFBQU8sTUFBTSxVQUFVLElBQUksR0FBRyxPQUFPO0FBQ3JDLGdCQUFBQSxRQUFPLE1BQU0sVUFBVSxLQUFNLEdBQUcsU0FBUztBQUN6QyxnQkFBQUEsUUFBTyxNQUFNLFVBQVUsT0FBVSxHQUFHLFdBQVc7QUFDL0MsZ0JBQUFBLFFBQU8sTUFBTSxVQUFVLE1BQU0sR0FBRyxPQUFPO0FBQ3ZDLGdCQUFBQSxRQUFPLE1BQU0sVUFBVSxDQUFDLEdBQUcsT0FBTztBQUNsQyxnQkFBQUEsUUFBTyxNQUFNLFVBQVUsSUFBSSxHQUFHLFFBQVE7QUFDdEMsZ0JBQUFBLFFBQU8sTUFBTSxVQUFVLFFBQVEsR0FBRyxXQUFXO0FBQzdDLGdCQUFBQSxRQUFPLE1BQU0sVUFBVSxNQUFNLEdBQUcsU0FBUztBQUN6QyxnQkFBQUEsUUFBTyxNQUFNLFVBQVUsSUFBSSxHQUFHLFlBQVk7QUFDMUMsZ0JBQUFBLFFBQU8sTUFBTSxVQUFVLElBQUksR0FBRyxTQUFJO0FBQ2xDLGdCQUFBQSxRQUFPLE1BQU0sVUFBVSxNQUFTLEdBQUcsU0FBSTtBQUN2QyxnQkFBQUEsUUFBTyxNQUFNLFVBQVUsT0FBTyxHQUFHLEdBQUcsU0FBSTtBQUMxQyxDQUFDO0FBQUEsSUFFRCx1QkFBSyxzREFBc0QsTUFBTTtBQUMvRCxnQkFBQUEsUUFBTyxNQUFNLGlCQUFpQixDQUFDLEdBQUcsT0FBTztBQUN6QyxnQkFBQUEsUUFBTyxNQUFNLGlCQUFpQixHQUFHLEdBQUcsT0FBTztBQUMzQyxnQkFBQUEsUUFBTyxNQUFNLGlCQUFpQixXQUFZLEdBQUcsV0FBVztBQUN4RCxnQkFBQUEsUUFBTyxNQUFNLGlCQUFpQixNQUFRLEdBQUcsV0FBVztBQUNwRCxnQkFBQUEsUUFBTyxNQUFNLGlCQUFpQixNQUFNLEdBQUcsV0FBVztBQUNsRCxnQkFBQUEsUUFBTyxNQUFNLGlCQUFpQixJQUFJLEdBQUcsWUFBWTtBQUNqRCxnQkFBQUEsUUFBTyxNQUFNLGlCQUFpQixJQUFJLEdBQUcsUUFBRztBQUMxQyxDQUFDO0FBQUEsSUFFRCx1QkFBSyxrQ0FBa0MsTUFBTTtBQUMzQyxnQkFBQUEsUUFBTyxNQUFNLFVBQVUsSUFBSSxHQUFHLGdCQUFnQjtBQUM5QyxnQkFBQUEsUUFBTyxNQUFNLFVBQVUsRUFBRSxTQUFTLEdBQUcsVUFBVSxFQUFFLENBQUMsR0FBRyxnQkFBZ0I7QUFDckUsZ0JBQUFBLFFBQU8sTUFBTSxVQUFVLEVBQUUsU0FBUyxPQUFPLFVBQVUsS0FBSyxDQUFDLEdBQUcsa0NBQStCO0FBQzNGLGdCQUFBQSxRQUFPLE1BQU0sVUFBVSxFQUFFLFNBQVMsT0FBTyxVQUFVLE1BQU0sQ0FBQyxHQUFHLGlCQUFpQjtBQUNoRixDQUFDO0FBQUEsSUFFRCx1QkFBSyxtQkFBbUIsTUFBTTtBQUM1QixnQkFBQUEsUUFBTyxNQUFNLGdCQUFnQixxQkFBcUIsR0FBRyxRQUFRO0FBQzdELGdCQUFBQSxRQUFPLE1BQU0sZ0JBQWdCLDJCQUEyQixHQUFHLFdBQVc7QUFDdEUsZ0JBQUFBLFFBQU8sTUFBTSxnQkFBZ0IsUUFBUSxHQUFHLEVBQUU7QUFDMUMsZ0JBQUFBLFFBQU8sTUFBTSxnQkFBZ0IsTUFBUyxHQUFHLEVBQUU7QUFDN0MsQ0FBQztBQUFBLElBRUQsdUJBQUssMkNBQTJDLE1BQU07QUFDcEQsZ0JBQUFBLFFBQU8sTUFBTSxlQUFlLEtBQUssR0FBRyxPQUFPO0FBQzNDLGdCQUFBQSxRQUFPLE1BQU0sZUFBZSxhQUFhLEdBQUcsWUFBWTtBQUN4RCxnQkFBQUEsUUFBTyxNQUFNLGVBQWUsS0FBSyxHQUFHLFNBQVM7QUFDL0MsQ0FBQztBQUFBLElBRUQsdUJBQUssNEJBQTRCLE1BQU07QUFDckMsZ0JBQUFBLFFBQU8sTUFBTSxlQUFlLE1BQVMsR0FBRyxNQUFNO0FBQzlDLGdCQUFBQSxRQUFPLE1BQU0sZUFBZSxFQUFFLEtBQUssR0FBRyxNQUFNLEtBQUssT0FBTyxLQUFLLENBQUMsR0FBRyxNQUFNO0FBQ3ZFLGdCQUFBQSxRQUFPLE1BQU0sZUFBZSxFQUFFLEtBQUssR0FBRyxNQUFNLEtBQUssT0FBTyxPQUFPLENBQUMsR0FBRyxTQUFTO0FBQzVFLGdCQUFBQSxRQUFPLE1BQU0sZUFBZSxFQUFFLEtBQUssR0FBRyxNQUFNLEtBQUssT0FBTyxPQUFPLENBQUMsR0FBRyxPQUFPO0FBQzFFLGdCQUFBQSxRQUFPLE1BQU0sZUFBZSxFQUFFLEtBQUssR0FBRyxNQUFNLEtBQUssT0FBTyxVQUFVLENBQUMsR0FBRyxPQUFPO0FBQzdFLGdCQUFBQSxRQUFPLE1BQU0sV0FBVyxFQUFFLEtBQUssTUFBTSxNQUFNLEdBQUcsT0FBTyxLQUFLLENBQUMsR0FBRyxNQUFTO0FBQ3ZFLGdCQUFBQSxRQUFPO0FBQUEsSUFDTCxXQUFXLEVBQUUsS0FBSyxHQUFHLE1BQU0sS0FBSyxPQUFPLFFBQVEsT0FBTyxVQUFVLENBQUM7QUFBQSxJQUNqRTtBQUFBLEVBQ0Y7QUFDRixDQUFDO0FBRU0sSUFBTSxXQUEwQjtBQUFBLEVBQ3JDLFNBQVM7QUFBQSxJQUNQLElBQUk7QUFBQSxJQUNKLFNBQVM7QUFBQSxJQUNULFVBQVU7QUFBQSxJQUNWLGlCQUFpQjtBQUFBLElBQ2pCLFVBQVU7QUFBQSxJQUNWLFdBQVc7QUFBQSxJQUNYLGFBQWE7QUFBQSxJQUNiLFFBQVE7QUFBQSxJQUNSLFVBQVU7QUFBQSxJQUNWLFFBQVE7QUFBQSxNQUNOLFNBQVMsRUFBRSxTQUFTLE1BQU0sVUFBVSxLQUFLLFVBQVUsR0FBRyxXQUFXLEdBQUcsYUFBYSxFQUFFO0FBQUEsTUFDbkYsY0FBYyxFQUFFLFNBQVMsVUFBVyxVQUFVLE1BQU0sVUFBVSxHQUFHLFdBQVcsR0FBRyxhQUFhLEVBQUU7QUFBQSxJQUNoRztBQUFBLElBQ0EsUUFBUSxFQUFFLFVBQVUsRUFBRSxTQUFTLE1BQU0sVUFBVSxFQUFFLEdBQUcsTUFBTSxFQUFFLFNBQVMsVUFBVyxVQUFVLEVBQUUsRUFBRTtBQUFBLElBQzlGLFFBQVEsRUFBRSxLQUFLLEdBQUcsTUFBTSxXQUFXLE9BQU8sTUFBTSxPQUFPLFVBQVU7QUFBQSxFQUNuRTtBQUFBLEVBQ0EsTUFBTTtBQUFBLElBQ0osTUFBTTtBQUFBLElBQ04sTUFBTTtBQUFBLElBQ04sT0FBTztBQUFBLElBQ1AsUUFBUTtBQUFBLElBQ1IsU0FBUztBQUFBLElBQ1QsUUFBUTtBQUFBLElBQ1IsU0FBUztBQUFBLElBQ1QsUUFBUTtBQUFBLElBQ1IsYUFBYTtBQUFBLElBQ2IsY0FBYztBQUFBLElBQ2QsV0FBVztBQUFBLEVBQ2I7QUFDRjtBQUFBLElBRUEsdUJBQUssNERBQTRELE1BQU07QUFDckUsUUFBTSxLQUFLLGdCQUFnQixRQUFRO0FBQ25DLGdCQUFBQSxRQUFPLE1BQU0sSUFBSSxtR0FBbUc7QUFDcEgsZ0JBQUFBLFFBQU8sTUFBTSxJQUFJLHlDQUF5QztBQUMxRCxnQkFBQUEsUUFBTyxNQUFNLElBQUksaUJBQWlCO0FBRWxDLGdCQUFBQSxRQUFPLEdBQUcsR0FBRyxRQUFRLGtCQUFrQixJQUFJLEdBQUcsUUFBUSxhQUFhLENBQUM7QUFDcEUsZ0JBQUFBLFFBQU8sTUFBTSxJQUFJLDZEQUE2RDtBQUM5RSxnQkFBQUEsUUFBTyxNQUFNLElBQUksb0RBQW9EO0FBQ3JFLGdCQUFBQSxRQUFPLE1BQU0sSUFBSSxtRkFBbUY7QUFDcEcsZ0JBQUFBLFFBQU8sTUFBTSxJQUFJLDJIQUEySDtBQUM1SSxnQkFBQUEsUUFBTyxNQUFNLElBQUksbURBQW1EO0FBQ3BFLGdCQUFBQSxRQUFPLE1BQU0sSUFBSSw4QkFBOEI7QUFDakQsQ0FBQztBQUFBLElBRUQsdUJBQUssb0VBQW9FLE1BQU07QUFDN0UsZ0JBQUFBLFFBQU8sTUFBTSxnQkFBZ0IsSUFBSSxHQUFHLGlCQUFpQjtBQUNyRCxRQUFNLEtBQUssZ0JBQWdCLEVBQUUsR0FBRyxVQUFVLE1BQU0sRUFBRSxHQUFHLFNBQVMsTUFBTyxRQUFRLE1BQU0sU0FBUyxFQUFFLEVBQUUsR0FBRyxRQUFRO0FBQzNHLGdCQUFBQSxRQUFPLE1BQU0sSUFBSSxRQUFRO0FBQ3pCLGdCQUFBQSxRQUFPLE1BQU0sSUFBSSxhQUFhO0FBQzlCLFFBQU0sV0FBVyxnQkFBZ0IsRUFBRSxHQUFHLFVBQVUsTUFBTSxFQUFFLEdBQUcsU0FBUyxNQUFPLFNBQVMsTUFBTSxRQUFRLE1BQU0sRUFBRSxDQUFDO0FBQzNHLGdCQUFBQSxRQUFPLE1BQU0sVUFBVSxZQUFZO0FBQ3JDLENBQUM7QUFBQSxJQUVELHVCQUFLLGlCQUFpQixNQUFNO0FBQzFCLGdCQUFBQSxRQUFPO0FBQUEsSUFDTCxjQUFjLEVBQUUsTUFBTSxRQUFRLE9BQU8sdUJBQXVCLFNBQVMsUUFBVSxRQUFRLE9BQU8sUUFBUSxrQkFBa0IsQ0FBQztBQUFBLElBQ3pIO0FBQUEsRUFDRjtBQUNBLGdCQUFBQSxRQUFPLE1BQU0sY0FBYyxFQUFFLE1BQU0sUUFBUSxPQUFPLEtBQUssU0FBUyxHQUFHLFFBQVEsS0FBSyxDQUFDLEdBQUcsNEJBQXNCO0FBQzFHLGdCQUFBQSxRQUFPLE1BQU0sY0FBYyxFQUFFLFNBQVMsS0FBSyxDQUFDLEdBQUcsVUFBVTtBQUMzRCxDQUFDOyIsCiAgIm5hbWVzIjogWyJhc3NlcnQiXQp9Cg==
