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

// test/unit/state.test.ts
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
var PROVIDER_NAMES = { openai: "OpenAI", anthropic: "Anthropic" };
function providerDisplayName(provider) {
  return PROVIDER_NAMES[provider] ?? provider;
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

// src/state.ts
function num(v) {
  return typeof v === "number" && Number.isFinite(v) ? v : 0;
}
var SessionLedger = class {
  sessionId;
  records = [];
  latest = null;
  lastKey;
  /**
   * Take a snapshot. `fromNotification`: a spendChanged notification (one new request), as opposed
   * to the answer of an `lspRouter/spend` request (no new request). Returns true if a record was added.
   */
  apply(snapshot, fromNotification, now = Date.now()) {
    if (!snapshot || !snapshot.session) return false;
    const s = snapshot.session;
    if (this.sessionId !== s.id) {
      this.reset(s.id);
    }
    this.latest = snapshot;
    if (!fromNotification || !snapshot.last) return false;
    const key = [s.requests, s.cacheHits, s.errors ?? 0, s.escalations, s.costUsd, s.savedUsd].join("|");
    if (key === this.lastKey) return false;
    this.lastKey = key;
    const cumulative = num(s.costUsd);
    const frontier = typeof s.frontierCostUsd === "number" ? s.frontierCostUsd : cumulative + num(s.savedUsd);
    this.records.push({
      index: this.records.length + 1,
      time: now,
      last: snapshot.last,
      cumulativeUsd: cumulative,
      cumulativeFrontierUsd: frontier
    });
    return true;
  }
  reset(sessionId) {
    this.sessionId = sessionId;
    this.records = [];
    this.latest = null;
    this.lastKey = void 0;
  }
};
function initialStatusState() {
  return { phase: "starting", snapshot: null, noKey: [] };
}
function statusView(state) {
  const snapshot = state.snapshot;
  const spend = spendText(snapshot?.session);
  if (state.phase === "error") {
    return {
      text: "$(error) LSP Router",
      tooltip: tooltipMarkdown(snapshot, `$(error) **The server is not running.** ${state.error ?? ""}`.trim()),
      severity: "error",
      command: { command: "lspRouter.showOutput", title: "Show the server log" },
      accessibilityLabel: `LSP Router: server not running. ${state.error ?? ""}`.trim()
    };
  }
  if (state.noKey.length) {
    const first = state.noKey[0];
    const name = providerDisplayName(first.provider);
    const all = state.noKey.map((k) => providerDisplayName(k.provider)).join(", ");
    const notice = `$(key) **No API key for ${all}.** ` + (first.message ? `${first.message} ` : "") + `[Set ${name} API key](command:lspRouter.setApiKey?${encodeURIComponent(JSON.stringify([first.provider]))})`;
    return {
      text: `$(key) No ${name} key`,
      tooltip: tooltipMarkdown(snapshot, notice),
      severity: "warning",
      command: { command: "lspRouter.setApiKey", title: `Set ${name} API key`, arguments: [first.provider] },
      accessibilityLabel: `LSP Router: no ${name} API key. Click to set it.`
    };
  }
  const phaseNote = state.phase === "starting" ? "$(sync~spin) Starting the server\u2026" : state.phase === "stopped" ? "$(debug-stop) The server is stopped." : void 0;
  const severity = budgetSeverity(snapshot?.session.budget);
  return {
    text: state.phase === "starting" ? `$(sync~spin) ${formatUsd(snapshot?.session.costUsd ?? 0)}` : spend,
    tooltip: tooltipMarkdown(snapshot, phaseNote),
    severity,
    command: { command: "lspRouter.showSpend", title: "Show session spend" },
    accessibilityLabel: `LSP Router session spend ${formatUsd(snapshot?.session.costUsd ?? 0)}`
  };
}

// test/unit/state.test.ts
function snap(id, requests, cost, saved, last = true) {
  return {
    session: {
      id,
      costUsd: cost,
      savedUsd: saved,
      frontierCostUsd: cost + saved,
      requests,
      cacheHits: 0,
      escalations: 0,
      byTask: {},
      byTier: {},
      budget: { cap: null, used: cost, state: "ok" }
    },
    last: last ? { task: "explain", tier: "mini", model: "openai:gpt-5.4-mini", reason: "r", costUsd: 1e-3, cached: false, outcome: "ok" } : null
  };
}
(0, import_node_test.test)("ledger: one record per new request, cumulative and counterfactual", () => {
  const l = new SessionLedger();
  import_strict.default.equal(l.apply(snap("a", 0, 0, 0, false), false), false);
  import_strict.default.equal(l.records.length, 0);
  import_strict.default.equal(l.apply(snap("a", 1, 1e-3, 0.01), true, 1e3), true);
  import_strict.default.equal(l.apply(snap("a", 1, 1e-3, 0.01), true, 1001), false, "same totals: not a new request");
  import_strict.default.equal(l.apply(snap("a", 2, 3e-3, 0.02), true, 2e3), true);
  import_strict.default.deepEqual(
    l.records.map((r) => [r.index, r.cumulativeUsd, r.cumulativeFrontierUsd]),
    [
      [1, 1e-3, 0.011],
      [2, 3e-3, 0.023]
    ]
  );
  import_strict.default.equal(l.apply(snap("a", 3, 4e-3, 0.03), false), false);
  import_strict.default.equal(l.latest?.session.requests, 3);
});
(0, import_node_test.test)("ledger: a new session id starts over", () => {
  const l = new SessionLedger();
  l.apply(snap("a", 1, 1e-3, 0.01), true);
  l.apply(snap("b", 1, 2e-3, 0), true);
  import_strict.default.equal(l.sessionId, "b");
  import_strict.default.equal(l.records.length, 1);
  import_strict.default.equal(l.records[0].cumulativeUsd, 2e-3);
});
(0, import_node_test.test)("status view: running, spend and budget colours", () => {
  const s = { ...initialStatusState(), phase: "running" };
  let v = statusView(s);
  import_strict.default.equal(v.text, "$(pulse) $0.00");
  import_strict.default.equal(v.severity, "none");
  import_strict.default.equal(v.command.command, "lspRouter.showSpend");
  s.snapshot = snap("a", 2, 0.042, 0.31);
  v = statusView(s);
  import_strict.default.equal(v.text, "$(pulse) $0.042 \xB7 saved $0.31");
  import_strict.default.match(v.tooltip, /Session `a`/);
  s.snapshot.session.budget = { cap: 0.05, used: 0.042, state: "near", scope: "session" };
  import_strict.default.equal(statusView(s).severity, "warning");
  s.snapshot.session.budget = { cap: 0.04, used: 0.042, state: "over", scope: "session" };
  import_strict.default.equal(statusView(s).severity, "error");
  s.snapshot.session.budget = { cap: 0.04, used: 0.042, state: "stopped", scope: "session" };
  import_strict.default.equal(statusView(s).severity, "error");
});
(0, import_node_test.test)("status view: no key, with a one-click fix", () => {
  const s = { ...initialStatusState(), phase: "running", noKey: [{ provider: "anthropic", message: "No key." }] };
  const v = statusView(s);
  import_strict.default.equal(v.text, "$(key) No Anthropic key");
  import_strict.default.equal(v.severity, "warning");
  import_strict.default.deepEqual(v.command.arguments, ["anthropic"]);
  import_strict.default.equal(v.command.command, "lspRouter.setApiKey");
  import_strict.default.match(v.tooltip, /command:lspRouter\.setApiKey\?%5B%22anthropic%22%5D/);
});
(0, import_node_test.test)("status view: starting and error", () => {
  import_strict.default.match(statusView(initialStatusState()).text, /^\$\(sync~spin\) \$0\.00$/);
  const v = statusView({ ...initialStatusState(), phase: "error", error: "Could not find lsp-router." });
  import_strict.default.equal(v.severity, "error");
  import_strict.default.equal(v.command.command, "lspRouter.showOutput");
  import_strict.default.match(v.tooltip, /Could not find lsp-router/);
});
//# sourceMappingURL=data:application/json;base64,ewogICJ2ZXJzaW9uIjogMywKICAic291cmNlcyI6IFsiLi4vLi4vLi4vdGVzdC91bml0L3N0YXRlLnRlc3QudHMiLCAiLi4vLi4vLi4vc3JjL2Zvcm1hdC50cyIsICIuLi8uLi8uLi9zcmMvc3RhdGUudHMiXSwKICAic291cmNlc0NvbnRlbnQiOiBbImltcG9ydCB7IHRlc3QgfSBmcm9tICdub2RlOnRlc3QnO1xuaW1wb3J0IGFzc2VydCBmcm9tICdub2RlOmFzc2VydC9zdHJpY3QnO1xuaW1wb3J0IHsgaW5pdGlhbFN0YXR1c1N0YXRlLCBTZXNzaW9uTGVkZ2VyLCBzdGF0dXNWaWV3LCB0eXBlIFN0YXR1c1N0YXRlIH0gZnJvbSAnLi4vLi4vc3JjL3N0YXRlJztcbmltcG9ydCB0eXBlIHsgU3BlbmRTbmFwc2hvdCB9IGZyb20gJy4uLy4uL3NyYy9wcm90b2NvbCc7XG5cbmZ1bmN0aW9uIHNuYXAoaWQ6IHN0cmluZywgcmVxdWVzdHM6IG51bWJlciwgY29zdDogbnVtYmVyLCBzYXZlZDogbnVtYmVyLCBsYXN0ID0gdHJ1ZSk6IFNwZW5kU25hcHNob3Qge1xuICByZXR1cm4ge1xuICAgIHNlc3Npb246IHtcbiAgICAgIGlkLFxuICAgICAgY29zdFVzZDogY29zdCxcbiAgICAgIHNhdmVkVXNkOiBzYXZlZCxcbiAgICAgIGZyb250aWVyQ29zdFVzZDogY29zdCArIHNhdmVkLFxuICAgICAgcmVxdWVzdHMsXG4gICAgICBjYWNoZUhpdHM6IDAsXG4gICAgICBlc2NhbGF0aW9uczogMCxcbiAgICAgIGJ5VGFzazoge30sXG4gICAgICBieVRpZXI6IHt9LFxuICAgICAgYnVkZ2V0OiB7IGNhcDogbnVsbCwgdXNlZDogY29zdCwgc3RhdGU6ICdvaycgfSxcbiAgICB9LFxuICAgIGxhc3Q6IGxhc3RcbiAgICAgID8geyB0YXNrOiAnZXhwbGFpbicsIHRpZXI6ICdtaW5pJywgbW9kZWw6ICdvcGVuYWk6Z3B0LTUuNC1taW5pJywgcmVhc29uOiAncicsIGNvc3RVc2Q6IDAuMDAxLCBjYWNoZWQ6IGZhbHNlLCBvdXRjb21lOiAnb2snIH1cbiAgICAgIDogbnVsbCxcbiAgfTtcbn1cblxudGVzdCgnbGVkZ2VyOiBvbmUgcmVjb3JkIHBlciBuZXcgcmVxdWVzdCwgY3VtdWxhdGl2ZSBhbmQgY291bnRlcmZhY3R1YWwnLCAoKSA9PiB7XG4gIGNvbnN0IGwgPSBuZXcgU2Vzc2lvbkxlZGdlcigpO1xuICBhc3NlcnQuZXF1YWwobC5hcHBseShzbmFwKCdhJywgMCwgMCwgMCwgZmFsc2UpLCBmYWxzZSksIGZhbHNlKTtcbiAgYXNzZXJ0LmVxdWFsKGwucmVjb3Jkcy5sZW5ndGgsIDApO1xuICBhc3NlcnQuZXF1YWwobC5hcHBseShzbmFwKCdhJywgMSwgMC4wMDEsIDAuMDEpLCB0cnVlLCAxMDAwKSwgdHJ1ZSk7XG4gIGFzc2VydC5lcXVhbChsLmFwcGx5KHNuYXAoJ2EnLCAxLCAwLjAwMSwgMC4wMSksIHRydWUsIDEwMDEpLCBmYWxzZSwgJ3NhbWUgdG90YWxzOiBub3QgYSBuZXcgcmVxdWVzdCcpO1xuICBhc3NlcnQuZXF1YWwobC5hcHBseShzbmFwKCdhJywgMiwgMC4wMDMsIDAuMDIpLCB0cnVlLCAyMDAwKSwgdHJ1ZSk7XG4gIGFzc2VydC5kZWVwRXF1YWwoXG4gICAgbC5yZWNvcmRzLm1hcCgocikgPT4gW3IuaW5kZXgsIHIuY3VtdWxhdGl2ZVVzZCwgci5jdW11bGF0aXZlRnJvbnRpZXJVc2RdKSxcbiAgICBbXG4gICAgICBbMSwgMC4wMDEsIDAuMDExXSxcbiAgICAgIFsyLCAwLjAwMywgMC4wMjNdLFxuICAgIF0sXG4gICk7XG4gIC8vIGEgcHVsbGVkIHNuYXBzaG90IChsc3BSb3V0ZXIvc3BlbmQpIG5ldmVyIGFkZHMgYSByZWNvcmRcbiAgYXNzZXJ0LmVxdWFsKGwuYXBwbHkoc25hcCgnYScsIDMsIDAuMDA0LCAwLjAzKSwgZmFsc2UpLCBmYWxzZSk7XG4gIGFzc2VydC5lcXVhbChsLmxhdGVzdD8uc2Vzc2lvbi5yZXF1ZXN0cywgMyk7XG59KTtcblxudGVzdCgnbGVkZ2VyOiBhIG5ldyBzZXNzaW9uIGlkIHN0YXJ0cyBvdmVyJywgKCkgPT4ge1xuICBjb25zdCBsID0gbmV3IFNlc3Npb25MZWRnZXIoKTtcbiAgbC5hcHBseShzbmFwKCdhJywgMSwgMC4wMDEsIDAuMDEpLCB0cnVlKTtcbiAgbC5hcHBseShzbmFwKCdiJywgMSwgMC4wMDIsIDApLCB0cnVlKTtcbiAgYXNzZXJ0LmVxdWFsKGwuc2Vzc2lvbklkLCAnYicpO1xuICBhc3NlcnQuZXF1YWwobC5yZWNvcmRzLmxlbmd0aCwgMSk7XG4gIGFzc2VydC5lcXVhbChsLnJlY29yZHNbMF0uY3VtdWxhdGl2ZVVzZCwgMC4wMDIpO1xufSk7XG5cbnRlc3QoJ3N0YXR1cyB2aWV3OiBydW5uaW5nLCBzcGVuZCBhbmQgYnVkZ2V0IGNvbG91cnMnLCAoKSA9PiB7XG4gIGNvbnN0IHM6IFN0YXR1c1N0YXRlID0geyAuLi5pbml0aWFsU3RhdHVzU3RhdGUoKSwgcGhhc2U6ICdydW5uaW5nJyB9O1xuICBsZXQgdiA9IHN0YXR1c1ZpZXcocyk7XG4gIGFzc2VydC5lcXVhbCh2LnRleHQsICckKHB1bHNlKSAkMC4wMCcpO1xuICBhc3NlcnQuZXF1YWwodi5zZXZlcml0eSwgJ25vbmUnKTtcbiAgYXNzZXJ0LmVxdWFsKHYuY29tbWFuZC5jb21tYW5kLCAnbHNwUm91dGVyLnNob3dTcGVuZCcpO1xuXG4gIHMuc25hcHNob3QgPSBzbmFwKCdhJywgMiwgMC4wNDIsIDAuMzEpO1xuICB2ID0gc3RhdHVzVmlldyhzKTtcbiAgYXNzZXJ0LmVxdWFsKHYudGV4dCwgJyQocHVsc2UpICQwLjA0MiBcdTAwQjcgc2F2ZWQgJDAuMzEnKTtcbiAgYXNzZXJ0Lm1hdGNoKHYudG9vbHRpcCwgL1Nlc3Npb24gYGFgLyk7XG5cbiAgcy5zbmFwc2hvdC5zZXNzaW9uLmJ1ZGdldCA9IHsgY2FwOiAwLjA1LCB1c2VkOiAwLjA0Miwgc3RhdGU6ICduZWFyJywgc2NvcGU6ICdzZXNzaW9uJyB9O1xuICBhc3NlcnQuZXF1YWwoc3RhdHVzVmlldyhzKS5zZXZlcml0eSwgJ3dhcm5pbmcnKTtcbiAgcy5zbmFwc2hvdC5zZXNzaW9uLmJ1ZGdldCA9IHsgY2FwOiAwLjA0LCB1c2VkOiAwLjA0Miwgc3RhdGU6ICdvdmVyJywgc2NvcGU6ICdzZXNzaW9uJyB9O1xuICBhc3NlcnQuZXF1YWwoc3RhdHVzVmlldyhzKS5zZXZlcml0eSwgJ2Vycm9yJyk7XG4gIHMuc25hcHNob3Quc2Vzc2lvbi5idWRnZXQgPSB7IGNhcDogMC4wNCwgdXNlZDogMC4wNDIsIHN0YXRlOiAnc3RvcHBlZCcsIHNjb3BlOiAnc2Vzc2lvbicgfTtcbiAgYXNzZXJ0LmVxdWFsKHN0YXR1c1ZpZXcocykuc2V2ZXJpdHksICdlcnJvcicpO1xufSk7XG5cbnRlc3QoJ3N0YXR1cyB2aWV3OiBubyBrZXksIHdpdGggYSBvbmUtY2xpY2sgZml4JywgKCkgPT4ge1xuICBjb25zdCBzOiBTdGF0dXNTdGF0ZSA9IHsgLi4uaW5pdGlhbFN0YXR1c1N0YXRlKCksIHBoYXNlOiAncnVubmluZycsIG5vS2V5OiBbeyBwcm92aWRlcjogJ2FudGhyb3BpYycsIG1lc3NhZ2U6ICdObyBrZXkuJyB9XSB9O1xuICBjb25zdCB2ID0gc3RhdHVzVmlldyhzKTtcbiAgYXNzZXJ0LmVxdWFsKHYudGV4dCwgJyQoa2V5KSBObyBBbnRocm9waWMga2V5Jyk7XG4gIGFzc2VydC5lcXVhbCh2LnNldmVyaXR5LCAnd2FybmluZycpO1xuICBhc3NlcnQuZGVlcEVxdWFsKHYuY29tbWFuZC5hcmd1bWVudHMsIFsnYW50aHJvcGljJ10pO1xuICBhc3NlcnQuZXF1YWwodi5jb21tYW5kLmNvbW1hbmQsICdsc3BSb3V0ZXIuc2V0QXBpS2V5Jyk7XG4gIGFzc2VydC5tYXRjaCh2LnRvb2x0aXAsIC9jb21tYW5kOmxzcFJvdXRlclxcLnNldEFwaUtleVxcPyU1QiUyMmFudGhyb3BpYyUyMiU1RC8pO1xufSk7XG5cbnRlc3QoJ3N0YXR1cyB2aWV3OiBzdGFydGluZyBhbmQgZXJyb3InLCAoKSA9PiB7XG4gIGFzc2VydC5tYXRjaChzdGF0dXNWaWV3KGluaXRpYWxTdGF0dXNTdGF0ZSgpKS50ZXh0LCAvXlxcJFxcKHN5bmN+c3BpblxcKSBcXCQwXFwuMDAkLyk7XG4gIGNvbnN0IHYgPSBzdGF0dXNWaWV3KHsgLi4uaW5pdGlhbFN0YXR1c1N0YXRlKCksIHBoYXNlOiAnZXJyb3InLCBlcnJvcjogJ0NvdWxkIG5vdCBmaW5kIGxzcC1yb3V0ZXIuJyB9KTtcbiAgYXNzZXJ0LmVxdWFsKHYuc2V2ZXJpdHksICdlcnJvcicpO1xuICBhc3NlcnQuZXF1YWwodi5jb21tYW5kLmNvbW1hbmQsICdsc3BSb3V0ZXIuc2hvd091dHB1dCcpO1xuICBhc3NlcnQubWF0Y2godi50b29sdGlwLCAvQ291bGQgbm90IGZpbmQgbHNwLXJvdXRlci8pO1xufSk7XG4iLCAiLy8gUHVyZSBmb3JtYXR0aW5nOiBtb25leSwgc3RhdHVzIGJhciB0ZXh0LCB0b29sdGlwIG1hcmtkb3duLiBObyBgdnNjb2RlYCBpbXBvcnQgKHVuaXQgdGVzdGVkKS5cblxuaW1wb3J0IHR5cGUgeyBCdWRnZXRJbmZvLCBMYXN0UmVxdWVzdCwgU2Vzc2lvblNwZW5kLCBTcGVuZFNuYXBzaG90IH0gZnJvbSAnLi9wcm90b2NvbCc7XG5cbmNvbnN0IE1BWF9ERUNJTUFMUyA9IDY7XG5cbmZ1bmN0aW9uIHN0cmlwWmVyb3Moczogc3RyaW5nLCBtaW5EZWNpbWFsczogbnVtYmVyKTogc3RyaW5nIHtcbiAgY29uc3QgZG90ID0gcy5pbmRleE9mKCcuJyk7XG4gIGlmIChkb3QgPCAwKSByZXR1cm4gcztcbiAgbGV0IGVuZCA9IHMubGVuZ3RoO1xuICB3aGlsZSAoZW5kID4gZG90ICsgMSArIG1pbkRlY2ltYWxzICYmIHNbZW5kIC0gMV0gPT09ICcwJykgZW5kLS07XG4gIGlmIChlbmQgPT09IGRvdCArIDEpIGVuZCA9IGRvdDsgLy8gbmV2ZXIgbGVhdmUgYSBiYXJlIFwiLlwiXG4gIHJldHVybiBzLnNsaWNlKDAsIGVuZCk7XG59XG5cbmZ1bmN0aW9uIGlzTnVtYmVyKHY6IHVua25vd24pOiB2IGlzIG51bWJlciB7XG4gIHJldHVybiB0eXBlb2YgdiA9PT0gJ251bWJlcicgJiYgTnVtYmVyLmlzRmluaXRlKHYpO1xufVxuXG4vKipcbiAqIENvbXBhY3QgbW9uZXkgZm9yIHRoZSBzdGF0dXMgYmFyOiB0d28gc2lnbmlmaWNhbnQgZGlnaXRzIGJlbG93IHRlbiBjZW50cywgY2VudHMgYWJvdmUuXG4gKiAgIDAgLT4gXCIkMC4wMFwiLCAwLjA0MiAtPiBcIiQwLjA0MlwiLCAwLjMxIC0+IFwiJDAuMzFcIiwgMC4wMDAwMzQ1IC0+IFwiJDAuMDAwMDM1XCIsIDEyLjUgLT4gXCIkMTIuNTBcIi5cbiAqIEFtb3VudHMgYmVsb3cgJDAuMDAwMDAxIChidXQgbm90IHplcm8pIHNob3cgYXMgXCI8JDAuMDAwMDAxXCIuXG4gKi9cbmV4cG9ydCBmdW5jdGlvbiBmb3JtYXRVc2QodmFsdWU6IG51bWJlciB8IG51bGwgfCB1bmRlZmluZWQpOiBzdHJpbmcge1xuICBpZiAoIWlzTnVtYmVyKHZhbHVlKSkgcmV0dXJuICckXHUyMDE0JztcbiAgaWYgKHZhbHVlID09PSAwKSByZXR1cm4gJyQwLjAwJztcbiAgY29uc3Qgc2lnbiA9IHZhbHVlIDwgMCA/ICctJyA6ICcnO1xuICBjb25zdCBhYnMgPSBNYXRoLmFicyh2YWx1ZSk7XG4gIGlmIChhYnMgPCAxMCAqKiAtTUFYX0RFQ0lNQUxTKSByZXR1cm4gYCR7c2lnbiA9PT0gJy0nID8gJz4tJyA6ICc8J30kMC4wMDAwMDFgO1xuICBpZiAoYWJzID49IDAuMSkge1xuICAgIHJldHVybiBgJHtzaWdufSQke2Ficy50b0xvY2FsZVN0cmluZygnZW4tVVMnLCB7IG1pbmltdW1GcmFjdGlvbkRpZ2l0czogMiwgbWF4aW11bUZyYWN0aW9uRGlnaXRzOiAyIH0pfWA7XG4gIH1cbiAgLy8gVHdvIHNpZ25pZmljYW50IGRpZ2l0czogMC4wNDIgLT4gMyBkZWNpbWFscywgMC4wMDM1IC0+IDQgZGVjaW1hbHMuXG4gIGNvbnN0IGRlY2ltYWxzID0gTWF0aC5taW4oTUFYX0RFQ0lNQUxTLCBNYXRoLm1heCgyLCAxIC0gTWF0aC5mbG9vcihNYXRoLmxvZzEwKGFicykpKSk7XG4gIHJldHVybiBgJHtzaWdufSQke3N0cmlwWmVyb3MoYWJzLnRvRml4ZWQoZGVjaW1hbHMpLCAyKX1gO1xufVxuXG4vKiogTW9uZXkgd2l0aCB1cCB0byBzaXggZGVjaW1hbHMgKHRvb2x0aXBzLCB0YWJsZXMpOiAwLjAwMDM0NTY3ODkgLT4gXCIkMC4wMDAzNDZcIiwgMC41IC0+IFwiJDAuNTBcIi4gKi9cbmV4cG9ydCBmdW5jdGlvbiBmb3JtYXRVc2RQcmVjaXNlKHZhbHVlOiBudW1iZXIgfCBudWxsIHwgdW5kZWZpbmVkKTogc3RyaW5nIHtcbiAgaWYgKCFpc051bWJlcih2YWx1ZSkpIHJldHVybiAnXHUyMDE0JztcbiAgaWYgKHZhbHVlID09PSAwKSByZXR1cm4gJyQwLjAwJztcbiAgY29uc3Qgc2lnbiA9IHZhbHVlIDwgMCA/ICctJyA6ICcnO1xuICBjb25zdCBhYnMgPSBNYXRoLmFicyh2YWx1ZSk7XG4gIGNvbnN0IGZpeGVkID0gYWJzLnRvRml4ZWQoTUFYX0RFQ0lNQUxTKTtcbiAgaWYgKE51bWJlcihmaXhlZCkgPT09IDApIHJldHVybiBgJHtzaWduID09PSAnLScgPyAnPi0nIDogJzwnfSQwLjAwMDAwMWA7XG4gIGNvbnN0IFtpbnRQYXJ0LCBmcmFjXSA9IHN0cmlwWmVyb3MoZml4ZWQsIDIpLnNwbGl0KCcuJyk7XG4gIGNvbnN0IGdyb3VwZWQgPSBOdW1iZXIoaW50UGFydCkudG9Mb2NhbGVTdHJpbmcoJ2VuLVVTJyk7XG4gIHJldHVybiBgJHtzaWdufSQke2dyb3VwZWR9JHtmcmFjICE9PSB1bmRlZmluZWQgPyAnLicgKyBmcmFjIDogJyd9YDtcbn1cblxuZXhwb3J0IGZ1bmN0aW9uIGZvcm1hdENvdW50KG46IG51bWJlciB8IG51bGwgfCB1bmRlZmluZWQsIHNpbmd1bGFyOiBzdHJpbmcsIHBsdXJhbCA9IHNpbmd1bGFyICsgJ3MnKTogc3RyaW5nIHtcbiAgY29uc3QgdiA9IGlzTnVtYmVyKG4pID8gbiA6IDA7XG4gIHJldHVybiBgJHt2fSAke3YgPT09IDEgPyBzaW5ndWxhciA6IHBsdXJhbH1gO1xufVxuXG5leHBvcnQgZnVuY3Rpb24gZm9ybWF0TGF0ZW5jeShtczogbnVtYmVyIHwgbnVsbCB8IHVuZGVmaW5lZCk6IHN0cmluZyB7XG4gIGlmICghaXNOdW1iZXIobXMpKSByZXR1cm4gJ1x1MjAxNCc7XG4gIGlmIChtcyA8IDEwMDApIHJldHVybiBgJHtNYXRoLnJvdW5kKG1zKX0gbXNgO1xuICByZXR1cm4gYCR7KG1zIC8gMTAwMCkudG9GaXhlZCgxKX0gc2A7XG59XG5cbmV4cG9ydCBmdW5jdGlvbiBmb3JtYXRUb2tlbnMoaW5wdXQ6IG51bWJlciB8IG51bGwgfCB1bmRlZmluZWQsIG91dHB1dDogbnVtYmVyIHwgbnVsbCB8IHVuZGVmaW5lZCk6IHN0cmluZyB7XG4gIGlmICghaXNOdW1iZXIoaW5wdXQpICYmICFpc051bWJlcihvdXRwdXQpKSByZXR1cm4gJ1x1MjAxNCc7XG4gIHJldHVybiBgJHtpc051bWJlcihpbnB1dCkgPyBpbnB1dCA6IDB9IGluIC8gJHtpc051bWJlcihvdXRwdXQpID8gb3V0cHV0IDogMH0gb3V0YDtcbn1cblxuLyoqIFwib3BlbmFpOmdwdC01LjQtbWluaVwiIC0+IFwib3BlbmFpXCI7IGEgYmFyZSBtb2RlbCBuYW1lIC0+IFwiXCIuICovXG5leHBvcnQgZnVuY3Rpb24gcHJvdmlkZXJPZk1vZGVsKG1vZGVsOiBzdHJpbmcgfCBudWxsIHwgdW5kZWZpbmVkKTogc3RyaW5nIHtcbiAgaWYgKCFtb2RlbCkgcmV0dXJuICcnO1xuICBjb25zdCBpID0gbW9kZWwuaW5kZXhPZignOicpO1xuICByZXR1cm4gaSA+IDAgPyBtb2RlbC5zbGljZSgwLCBpKSA6ICcnO1xufVxuXG5jb25zdCBQUk9WSURFUl9OQU1FUzogUmVjb3JkPHN0cmluZywgc3RyaW5nPiA9IHsgb3BlbmFpOiAnT3BlbkFJJywgYW50aHJvcGljOiAnQW50aHJvcGljJyB9O1xuXG5leHBvcnQgZnVuY3Rpb24gcHJvdmlkZXJEaXNwbGF5TmFtZShwcm92aWRlcjogc3RyaW5nKTogc3RyaW5nIHtcbiAgcmV0dXJuIFBST1ZJREVSX05BTUVTW3Byb3ZpZGVyXSA/PyBwcm92aWRlcjtcbn1cblxuLyoqIEVzY2FwZSB0ZXh0IGZvciB1c2UgaW5zaWRlIGEgbWFya2Rvd24gdGFibGUgY2VsbCBvciBpbmxpbmUgdGV4dC4gKi9cbmV4cG9ydCBmdW5jdGlvbiBlc2NhcGVNYXJrZG93bih0ZXh0OiBzdHJpbmcpOiBzdHJpbmcge1xuICByZXR1cm4gU3RyaW5nKHRleHQpXG4gICAgLnJlcGxhY2UoL1xcXFwvZywgJ1xcXFxcXFxcJylcbiAgICAucmVwbGFjZSgvKFtgKl97fVxcW1xcXTw+I3x+XSkvZywgJ1xcXFwkMScpXG4gICAgLnJlcGxhY2UoL1xccj9cXG4vZywgJyAnKTtcbn1cblxuZXhwb3J0IGZ1bmN0aW9uIGJ1ZGdldFNldmVyaXR5KGJ1ZGdldDogQnVkZ2V0SW5mbyB8IG51bGwgfCB1bmRlZmluZWQpOiAnbm9uZScgfCAnd2FybmluZycgfCAnZXJyb3InIHtcbiAgc3dpdGNoIChidWRnZXQ/LnN0YXRlKSB7XG4gICAgY2FzZSAnbmVhcic6XG4gICAgICByZXR1cm4gJ3dhcm5pbmcnO1xuICAgIGNhc2UgJ292ZXInOlxuICAgIGNhc2UgJ3N0b3BwZWQnOlxuICAgICAgcmV0dXJuICdlcnJvcic7XG4gICAgZGVmYXVsdDpcbiAgICAgIHJldHVybiAnbm9uZSc7XG4gIH1cbn1cblxuZXhwb3J0IGZ1bmN0aW9uIGJ1ZGdldExpbmUoYnVkZ2V0OiBCdWRnZXRJbmZvIHwgbnVsbCB8IHVuZGVmaW5lZCk6IHN0cmluZyB8IHVuZGVmaW5lZCB7XG4gIGlmICghYnVkZ2V0IHx8ICFpc051bWJlcihidWRnZXQuY2FwKSkgcmV0dXJuIHVuZGVmaW5lZDtcbiAgY29uc3Qgc2NvcGUgPSBidWRnZXQuc2NvcGUgPyBgJHtidWRnZXQuc2NvcGV9IGAgOiAnJztcbiAgY29uc3QgcGN0ID0gYnVkZ2V0LmNhcCA+IDAgPyBgICgke01hdGgucm91bmQoKGJ1ZGdldC51c2VkIC8gYnVkZ2V0LmNhcCkgKiAxMDApfSUpYCA6ICcnO1xuICBjb25zdCBzdGF0ZSA9XG4gICAgYnVkZ2V0LnN0YXRlID09PSAnbmVhcidcbiAgICAgID8gJyBcdTIwMTQgJCh3YXJuaW5nKSBuZWFyIHRoZSBjYXAnXG4gICAgICA6IGJ1ZGdldC5zdGF0ZSA9PT0gJ292ZXInXG4gICAgICAgID8gJyBcdTIwMTQgJChlcnJvcikgb3ZlciB0aGUgY2FwJ1xuICAgICAgICA6IGJ1ZGdldC5zdGF0ZSA9PT0gJ3N0b3BwZWQnXG4gICAgICAgICAgPyAnIFx1MjAxNCAkKGVycm9yKSBzdG9wcGVkOiByZXF1ZXN0cyByZWZ1c2VkJ1xuICAgICAgICAgIDogJyc7XG4gIHJldHVybiBgQnVkZ2V0OiAke2Zvcm1hdFVzZFByZWNpc2UoYnVkZ2V0LnVzZWQpfSBvZiAke2Zvcm1hdFVzZFByZWNpc2UoYnVkZ2V0LmNhcCl9ICR7c2NvcGV9Y2FwJHtwY3R9JHtzdGF0ZX1gO1xufVxuXG4vKiogU3RhdHVzIGJhciB0ZXh0IGZvciBhIHNwZW5kIHNuYXBzaG90LCBlLmcuIFwiJChwdWxzZSkgJDAuMDQyIFx1MDBCNyBzYXZlZCAkMC4zMVwiLiAqL1xuZXhwb3J0IGZ1bmN0aW9uIHNwZW5kVGV4dChzZXNzaW9uOiBQaWNrPFNlc3Npb25TcGVuZCwgJ2Nvc3RVc2QnIHwgJ3NhdmVkVXNkJz4gfCBudWxsIHwgdW5kZWZpbmVkKTogc3RyaW5nIHtcbiAgY29uc3QgY29zdCA9IGZvcm1hdFVzZChzZXNzaW9uPy5jb3N0VXNkID8/IDApO1xuICBjb25zdCBzYXZlZCA9IHNlc3Npb24/LnNhdmVkVXNkID8/IDA7XG4gIHJldHVybiBzYXZlZCA+IDAgPyBgJChwdWxzZSkgJHtjb3N0fSBcdTAwQjcgc2F2ZWQgJHtmb3JtYXRVc2Qoc2F2ZWQpfWAgOiBgJChwdWxzZSkgJHtjb3N0fWA7XG59XG5cbmZ1bmN0aW9uIGxhc3RMaW5lKGxhc3Q6IExhc3RSZXF1ZXN0KTogc3RyaW5nIHtcbiAgY29uc3QgcGFydHMgPSBbXG4gICAgYCoqTGFzdDoqKiAke2VzY2FwZU1hcmtkb3duKGxhc3QudGFzayl9IFx1MjE5MiAqKiR7ZXNjYXBlTWFya2Rvd24oU3RyaW5nKGxhc3QudGllcikpfSoqYCxcbiAgICBsYXN0Lm1vZGVsID8gYCBcXGAke2xhc3QubW9kZWwucmVwbGFjZSgvYC9nLCBcIidcIil9XFxgYCA6ICcnLFxuICAgIGxhc3QucmVhc29uID8gYCBcdTIwMTQgJHtlc2NhcGVNYXJrZG93bihsYXN0LnJlYXNvbil9YCA6ICcnLFxuICAgIGAgXHUwMEI3ICR7bGFzdC5jYWNoZWQgPyAnY2FjaGUgaGl0JyA6IGxhc3QuY29zdFVzZCA9PT0gbnVsbCB8fCBsYXN0LnByaWNlZCA9PT0gZmFsc2UgPyAndW5wcmljZWQnIDogZm9ybWF0VXNkUHJlY2lzZShsYXN0LmNvc3RVc2QpfWAsXG4gICAgbGFzdC5vdXRjb21lICYmIGxhc3Qub3V0Y29tZSAhPT0gJ29rJyA/IGAgXHUwMEI3ICR7ZXNjYXBlTWFya2Rvd24obGFzdC5vdXRjb21lKX1gIDogJycsXG4gIF07XG4gIHJldHVybiBwYXJ0cy5qb2luKCcnKTtcbn1cblxuLyoqIE9yZGVyIHRhc2tzIHRoZSB3YXkgdXNlcnMgdGhpbmsgb2YgdGhlbSwgdW5rbm93biBvbmVzIGFmdGVyLiAqL1xuY29uc3QgVEFTS19PUkRFUiA9IFsnYXV0b2NvbXBsZXRlJywgJ3JlbmFtZScsICdleHBsYWluJywgJ3JlZmFjdG9yJ107XG5jb25zdCBUSUVSX09SREVSID0gWydtaW5pJywgJ2Zyb250aWVyJ107XG5cbmZ1bmN0aW9uIG9yZGVyZWQoa2V5czogc3RyaW5nW10sIG9yZGVyOiBzdHJpbmdbXSk6IHN0cmluZ1tdIHtcbiAgcmV0dXJuIFsuLi5rZXlzXS5zb3J0KChhLCBiKSA9PiB7XG4gICAgY29uc3QgaWEgPSBvcmRlci5pbmRleE9mKGEpO1xuICAgIGNvbnN0IGliID0gb3JkZXIuaW5kZXhPZihiKTtcbiAgICByZXR1cm4gKGlhIDwgMCA/IDk5IDogaWEpIC0gKGliIDwgMCA/IDk5IDogaWIpIHx8IGEubG9jYWxlQ29tcGFyZShiKTtcbiAgfSk7XG59XG5cbi8qKlxuICogVGhlIHN0YXR1cyBiYXIgdG9vbHRpcDogc2Vzc2lvbiB0b3RhbHMsIGEgYnktdGFzayB0YWJsZSwgYSBieS10aWVyIGxpbmUsIHRoZSBsYXN0IHJlcXVlc3QsXG4gKiB0aGUgYnVkZ2V0LCBhbmQgY29tbWFuZCBsaW5rcy4gTWFya2Rvd24gZm9yIGEgYHZzY29kZS5NYXJrZG93blN0cmluZ2Agd2l0aCBgc3VwcG9ydFRoZW1lSWNvbnNgLlxuICovXG5leHBvcnQgZnVuY3Rpb24gdG9vbHRpcE1hcmtkb3duKHNuYXBzaG90OiBTcGVuZFNuYXBzaG90IHwgbnVsbCB8IHVuZGVmaW5lZCwgbm90aWNlPzogc3RyaW5nKTogc3RyaW5nIHtcbiAgY29uc3QgbGluZXM6IHN0cmluZ1tdID0gW107XG4gIGxpbmVzLnB1c2goJyoqTFNQIFJvdXRlcioqIFx1MjAxNCBzZXNzaW9uIHNwZW5kJyk7XG4gIGxpbmVzLnB1c2goJycpO1xuICBpZiAobm90aWNlKSB7XG4gICAgbGluZXMucHVzaChub3RpY2UpO1xuICAgIGxpbmVzLnB1c2goJycpO1xuICB9XG4gIGlmICghc25hcHNob3QpIHtcbiAgICBsaW5lcy5wdXNoKCdObyByZXF1ZXN0cyB5ZXQuJyk7XG4gIH0gZWxzZSB7XG4gICAgY29uc3QgcyA9IHNuYXBzaG90LnNlc3Npb247XG4gICAgbGluZXMucHVzaChcbiAgICAgIGBTZXNzaW9uIFxcYCR7U3RyaW5nKHMuaWQgPz8gJycpLnJlcGxhY2UoL2AvZywgXCInXCIpfVxcYDogKioke2Zvcm1hdFVzZFByZWNpc2Uocy5jb3N0VXNkKX0qKiBzcGVudCwgYCArXG4gICAgICAgIGAqKiR7Zm9ybWF0VXNkUHJlY2lzZShzLnNhdmVkVXNkKX0qKiBzYXZlZCB2cyBhbGwtZnJvbnRpZXJgICtcbiAgICAgICAgKGlzTnVtYmVyKHMuZnJvbnRpZXJDb3N0VXNkKSA/IGAgKCR7Zm9ybWF0VXNkUHJlY2lzZShzLmZyb250aWVyQ29zdFVzZCl9KWAgOiAnJyksXG4gICAgKTtcbiAgICBsaW5lcy5wdXNoKCcnKTtcbiAgICBsaW5lcy5wdXNoKFxuICAgICAgYCR7Zm9ybWF0Q291bnQocy5yZXF1ZXN0cywgJ3JlcXVlc3QnKX0gXHUwMEI3ICR7Zm9ybWF0Q291bnQocy5jYWNoZUhpdHMsICdjYWNoZSBoaXQnKX0gXHUwMEI3IGAgK1xuICAgICAgICBgJHtmb3JtYXRDb3VudChzLmVzY2FsYXRpb25zLCAnZXNjYWxhdGlvbicpfWAgK1xuICAgICAgICAocy5lcnJvcnMgPyBgIFx1MDBCNyAke2Zvcm1hdENvdW50KHMuZXJyb3JzLCAnZXJyb3InKX1gIDogJycpICtcbiAgICAgICAgKHMudW5wcmljZWQgPyBgIFx1MDBCNyAke3MudW5wcmljZWR9IHVucHJpY2VkYCA6ICcnKSxcbiAgICApO1xuICAgIGNvbnN0IHRhc2tzID0gb3JkZXJlZChPYmplY3Qua2V5cyhzLmJ5VGFzayA/PyB7fSksIFRBU0tfT1JERVIpO1xuICAgIGlmICh0YXNrcy5sZW5ndGgpIHtcbiAgICAgIGxpbmVzLnB1c2goJycpO1xuICAgICAgbGluZXMucHVzaCgnKipCeSB0YXNrKionKTtcbiAgICAgIGxpbmVzLnB1c2goJycpO1xuICAgICAgbGluZXMucHVzaCgnfCB0YXNrIHwgY29zdCB8IHNhdmVkIHwgcmVxdWVzdHMgfCBjYWNoZSBoaXRzIHwgZXNjYWxhdGlvbnMgfCcpO1xuICAgICAgbGluZXMucHVzaCgnfDotLXwtLTp8LS06fC0tOnwtLTp8LS06fCcpO1xuICAgICAgZm9yIChjb25zdCB0IG9mIHRhc2tzKSB7XG4gICAgICAgIGNvbnN0IHYgPSBzLmJ5VGFzayFbdF07XG4gICAgICAgIGxpbmVzLnB1c2goXG4gICAgICAgICAgYHwgJHtlc2NhcGVNYXJrZG93bih0KX0gfCAke2Zvcm1hdFVzZFByZWNpc2Uodi5jb3N0VXNkKX0gfCAke2Zvcm1hdFVzZFByZWNpc2Uodi5zYXZlZFVzZCA/PyAwKX0gfCBgICtcbiAgICAgICAgICAgIGAke3YucmVxdWVzdHMgPz8gMH0gfCAke3YuY2FjaGVIaXRzID8/IDB9IHwgJHt2LmVzY2FsYXRpb25zID8/IDB9IHxgLFxuICAgICAgICApO1xuICAgICAgfVxuICAgIH1cbiAgICBjb25zdCB0aWVycyA9IG9yZGVyZWQoT2JqZWN0LmtleXMocy5ieVRpZXIgPz8ge30pLCBUSUVSX09SREVSKTtcbiAgICBpZiAodGllcnMubGVuZ3RoKSB7XG4gICAgICBsaW5lcy5wdXNoKCcnKTtcbiAgICAgIGxpbmVzLnB1c2goXG4gICAgICAgICcqKkJ5IHRpZXI6KiogJyArXG4gICAgICAgICAgdGllcnNcbiAgICAgICAgICAgIC5tYXAoKHQpID0+IHtcbiAgICAgICAgICAgICAgY29uc3QgdiA9IHMuYnlUaWVyIVt0XTtcbiAgICAgICAgICAgICAgcmV0dXJuIGAke2VzY2FwZU1hcmtkb3duKHQpfSAke2Zvcm1hdFVzZFByZWNpc2Uodi5jb3N0VXNkKX0gKCR7Zm9ybWF0Q291bnQodi5yZXF1ZXN0cywgJ3JlcXVlc3QnKX0pYDtcbiAgICAgICAgICAgIH0pXG4gICAgICAgICAgICAuam9pbignIFx1MDBCNyAnKSxcbiAgICAgICk7XG4gICAgfVxuICAgIGlmIChzbmFwc2hvdC5sYXN0KSB7XG4gICAgICBsaW5lcy5wdXNoKCcnKTtcbiAgICAgIGxpbmVzLnB1c2gobGFzdExpbmUoc25hcHNob3QubGFzdCkpO1xuICAgIH1cbiAgICBjb25zdCBiID0gYnVkZ2V0TGluZShzLmJ1ZGdldCk7XG4gICAgaWYgKGIpIHtcbiAgICAgIGxpbmVzLnB1c2goJycpO1xuICAgICAgbGluZXMucHVzaChiKTtcbiAgICB9XG4gIH1cbiAgbGluZXMucHVzaCgnJyk7XG4gIGxpbmVzLnB1c2goXG4gICAgJ1skKGdyYXBoKSBTcGVuZCB2aWV3XShjb21tYW5kOmxzcFJvdXRlci5zaG93U3BlbmQpIFx1MDBCNyBbJChyZWZyZXNoKSBSZXNldCBzZXNzaW9uXShjb21tYW5kOmxzcFJvdXRlci5uZXdTZXNzaW9uKSBcdTAwQjcgJyArXG4gICAgICAnWyQob3V0cHV0KSBTZXJ2ZXIgbG9nXShjb21tYW5kOmxzcFJvdXRlci5zaG93T3V0cHV0KScsXG4gICk7XG4gIHJldHVybiBsaW5lcy5qb2luKCdcXG4nKTtcbn1cblxuLyoqIEhlYWRlciBsaW5lIGFib3ZlIGFuIGV4cGxhbmF0aW9uOiBcImZyb250aWVyIFx1MDBCNyBhbnRocm9waWM6Y2xhdWRlLW9wdXMtNC03IFx1MDBCNyAkMC4wMDQyIFx1MDBCNyBjYWNoZWRcIi4gKi9cbmV4cG9ydCBmdW5jdGlvbiBleHBsYWluSGVhZGVyKHI6IHtcbiAgdGllcj86IHN0cmluZztcbiAgbW9kZWw/OiBzdHJpbmc7XG4gIGNvc3RVc2Q/OiBudW1iZXIgfCBudWxsO1xuICBjYWNoZWQ/OiBib29sZWFuO1xuICByZWFzb24/OiBzdHJpbmc7XG59KTogc3RyaW5nIHtcbiAgY29uc3QgcGFydHM6IHN0cmluZ1tdID0gW107XG4gIGlmIChyLnRpZXIpIHBhcnRzLnB1c2goU3RyaW5nKHIudGllcikpO1xuICBpZiAoci5tb2RlbCkgcGFydHMucHVzaChyLm1vZGVsKTtcbiAgaWYgKHIuY2FjaGVkKSBwYXJ0cy5wdXNoKCdjYWNoZSBoaXQnKTtcbiAgZWxzZSBpZiAoci5jb3N0VXNkID09PSBudWxsKSBwYXJ0cy5wdXNoKCd1bnByaWNlZCcpO1xuICBlbHNlIGlmIChpc051bWJlcihyLmNvc3RVc2QpKSBwYXJ0cy5wdXNoKGZvcm1hdFVzZFByZWNpc2Uoci5jb3N0VXNkKSk7XG4gIGlmIChyLnJlYXNvbikgcGFydHMucHVzaChyLnJlYXNvbik7XG4gIHJldHVybiBwYXJ0cy5qb2luKCcgXHUwMEI3ICcpO1xufVxuIiwgIi8vIFRoZSBleHRlbnNpb24ncyBvd24gc3RhdGUsIGtlcHQgcHVyZSAobm8gYHZzY29kZWAgaW1wb3J0KSBzbyB1bml0IHRlc3RzIGNhbiBkcml2ZSBpdDpcbi8vIHRoZSBzZXNzaW9uJ3MgcmVxdWVzdCBsZWRnZXIgKGZvciB0aGUgc3BlbmQgdmlldykgYW5kIHRoZSBzdGF0dXMgYmFyIHZpZXcgbW9kZWwuXG5cbmltcG9ydCB7XG4gIGJ1ZGdldFNldmVyaXR5LFxuICBmb3JtYXRVc2QsXG4gIHByb3ZpZGVyRGlzcGxheU5hbWUsXG4gIHNwZW5kVGV4dCxcbiAgdG9vbHRpcE1hcmtkb3duLFxufSBmcm9tICcuL2Zvcm1hdCc7XG5pbXBvcnQgdHlwZSB7IExhc3RSZXF1ZXN0LCBTcGVuZFNuYXBzaG90IH0gZnJvbSAnLi9wcm90b2NvbCc7XG5cbmV4cG9ydCBpbnRlcmZhY2UgU3BlbmRSZWNvcmQge1xuICAvKiogMS1iYXNlZCBwb3NpdGlvbiBpbiB0aGlzIHNlc3Npb24uICovXG4gIGluZGV4OiBudW1iZXI7XG4gIC8qKiBNaWxsaXNlY29uZHMgc2luY2UgdGhlIGVwb2NoIHdoZW4gdGhlIG5vdGlmaWNhdGlvbiBhcnJpdmVkLiAqL1xuICB0aW1lOiBudW1iZXI7XG4gIGxhc3Q6IExhc3RSZXF1ZXN0O1xuICAvKiogU2Vzc2lvbiB0b3RhbHMgcmlnaHQgYWZ0ZXIgdGhpcyByZXF1ZXN0LiAqL1xuICBjdW11bGF0aXZlVXNkOiBudW1iZXI7XG4gIC8qKiBXaGF0IHRoZSBzZXNzaW9uIHdvdWxkIGhhdmUgY29zdCB3aXRoIGV2ZXJ5IHJlcXVlc3Qgb24gdGhlIGZyb250aWVyIG1vZGVsLiAqL1xuICBjdW11bGF0aXZlRnJvbnRpZXJVc2Q6IG51bWJlcjtcbn1cblxuZnVuY3Rpb24gbnVtKHY6IHVua25vd24pOiBudW1iZXIge1xuICByZXR1cm4gdHlwZW9mIHYgPT09ICdudW1iZXInICYmIE51bWJlci5pc0Zpbml0ZSh2KSA/IHYgOiAwO1xufVxuXG4vKipcbiAqIFRoaXMgc2Vzc2lvbidzIHJlcXVlc3RzLCBhY2N1bXVsYXRlZCBmcm9tIGBsc3BSb3V0ZXIvc3BlbmRDaGFuZ2VkYCBub3RpZmljYXRpb25zXG4gKiAoZWFjaCBjYXJyaWVzIHRoZSBzZXNzaW9uIHRvdGFscyBhbmQgdGhlIGBsYXN0YCByZXF1ZXN0KS5cbiAqL1xuZXhwb3J0IGNsYXNzIFNlc3Npb25MZWRnZXIge1xuICBzZXNzaW9uSWQ6IHN0cmluZyB8IHVuZGVmaW5lZDtcbiAgcmVjb3JkczogU3BlbmRSZWNvcmRbXSA9IFtdO1xuICBsYXRlc3Q6IFNwZW5kU25hcHNob3QgfCBudWxsID0gbnVsbDtcbiAgcHJpdmF0ZSBsYXN0S2V5OiBzdHJpbmcgfCB1bmRlZmluZWQ7XG5cbiAgLyoqXG4gICAqIFRha2UgYSBzbmFwc2hvdC4gYGZyb21Ob3RpZmljYXRpb25gOiBhIHNwZW5kQ2hhbmdlZCBub3RpZmljYXRpb24gKG9uZSBuZXcgcmVxdWVzdCksIGFzIG9wcG9zZWRcbiAgICogdG8gdGhlIGFuc3dlciBvZiBhbiBgbHNwUm91dGVyL3NwZW5kYCByZXF1ZXN0IChubyBuZXcgcmVxdWVzdCkuIFJldHVybnMgdHJ1ZSBpZiBhIHJlY29yZCB3YXMgYWRkZWQuXG4gICAqL1xuICBhcHBseShzbmFwc2hvdDogU3BlbmRTbmFwc2hvdCwgZnJvbU5vdGlmaWNhdGlvbjogYm9vbGVhbiwgbm93ID0gRGF0ZS5ub3coKSk6IGJvb2xlYW4ge1xuICAgIGlmICghc25hcHNob3QgfHwgIXNuYXBzaG90LnNlc3Npb24pIHJldHVybiBmYWxzZTtcbiAgICBjb25zdCBzID0gc25hcHNob3Quc2Vzc2lvbjtcbiAgICBpZiAodGhpcy5zZXNzaW9uSWQgIT09IHMuaWQpIHtcbiAgICAgIHRoaXMucmVzZXQocy5pZCk7XG4gICAgfVxuICAgIHRoaXMubGF0ZXN0ID0gc25hcHNob3Q7XG4gICAgaWYgKCFmcm9tTm90aWZpY2F0aW9uIHx8ICFzbmFwc2hvdC5sYXN0KSByZXR1cm4gZmFsc2U7XG4gICAgLy8gT25lIHJlY29yZCBwZXIgZGlzdGluY3QgY2hhbmdlIG9mIHRoZSBzZXNzaW9uJ3MgY291bnRlcnM6IGEgcmVwZWF0ZWQgbm90aWZpY2F0aW9uIGZvciB0aGVcbiAgICAvLyBzYW1lIHJlcXVlc3QgKHNhbWUgdG90YWxzKSBpcyBub3QgYSBuZXcgcmVxdWVzdC5cbiAgICBjb25zdCBrZXkgPSBbcy5yZXF1ZXN0cywgcy5jYWNoZUhpdHMsIHMuZXJyb3JzID8/IDAsIHMuZXNjYWxhdGlvbnMsIHMuY29zdFVzZCwgcy5zYXZlZFVzZF0uam9pbignfCcpO1xuICAgIGlmIChrZXkgPT09IHRoaXMubGFzdEtleSkgcmV0dXJuIGZhbHNlO1xuICAgIHRoaXMubGFzdEtleSA9IGtleTtcbiAgICBjb25zdCBjdW11bGF0aXZlID0gbnVtKHMuY29zdFVzZCk7XG4gICAgY29uc3QgZnJvbnRpZXIgPVxuICAgICAgdHlwZW9mIHMuZnJvbnRpZXJDb3N0VXNkID09PSAnbnVtYmVyJyA/IHMuZnJvbnRpZXJDb3N0VXNkIDogY3VtdWxhdGl2ZSArIG51bShzLnNhdmVkVXNkKTtcbiAgICB0aGlzLnJlY29yZHMucHVzaCh7XG4gICAgICBpbmRleDogdGhpcy5yZWNvcmRzLmxlbmd0aCArIDEsXG4gICAgICB0aW1lOiBub3csXG4gICAgICBsYXN0OiBzbmFwc2hvdC5sYXN0LFxuICAgICAgY3VtdWxhdGl2ZVVzZDogY3VtdWxhdGl2ZSxcbiAgICAgIGN1bXVsYXRpdmVGcm9udGllclVzZDogZnJvbnRpZXIsXG4gICAgfSk7XG4gICAgcmV0dXJuIHRydWU7XG4gIH1cblxuICByZXNldChzZXNzaW9uSWQ/OiBzdHJpbmcpOiB2b2lkIHtcbiAgICB0aGlzLnNlc3Npb25JZCA9IHNlc3Npb25JZDtcbiAgICB0aGlzLnJlY29yZHMgPSBbXTtcbiAgICB0aGlzLmxhdGVzdCA9IG51bGw7XG4gICAgdGhpcy5sYXN0S2V5ID0gdW5kZWZpbmVkO1xuICB9XG59XG5cbmV4cG9ydCB0eXBlIFBoYXNlID0gJ3N0YXJ0aW5nJyB8ICdydW5uaW5nJyB8ICdzdG9wcGVkJyB8ICdlcnJvcic7XG5cbmV4cG9ydCBpbnRlcmZhY2UgTm9LZXlTdGF0ZSB7XG4gIHByb3ZpZGVyOiBzdHJpbmc7XG4gIG1lc3NhZ2U/OiBzdHJpbmc7XG59XG5cbmV4cG9ydCBpbnRlcmZhY2UgU3RhdHVzU3RhdGUge1xuICBwaGFzZTogUGhhc2U7XG4gIHNuYXBzaG90OiBTcGVuZFNuYXBzaG90IHwgbnVsbDtcbiAgLyoqIFByb3ZpZGVycyB0aGF0IG5lZWQgYSBrZXkgYW5kIGhhdmUgbm9uZSAoZnJvbSB0aGUgc2VydmVyJ3MgbHNwUm91dGVyL3N0YXR1cywgb3Igb3VyIG93biBjaGVjaykuICovXG4gIG5vS2V5OiBOb0tleVN0YXRlW107XG4gIC8qKiBXaHkgdGhlIHNlcnZlciBpcyBub3QgcnVubmluZyAocGhhc2UgJ2Vycm9yJykuICovXG4gIGVycm9yPzogc3RyaW5nO1xufVxuXG5leHBvcnQgdHlwZSBTZXZlcml0eSA9ICdub25lJyB8ICd3YXJuaW5nJyB8ICdlcnJvcic7XG5cbmV4cG9ydCBpbnRlcmZhY2UgU3RhdHVzVmlldyB7XG4gIHRleHQ6IHN0cmluZztcbiAgdG9vbHRpcDogc3RyaW5nO1xuICBzZXZlcml0eTogU2V2ZXJpdHk7XG4gIGNvbW1hbmQ6IHsgY29tbWFuZDogc3RyaW5nOyB0aXRsZTogc3RyaW5nOyBhcmd1bWVudHM/OiB1bmtub3duW10gfTtcbiAgYWNjZXNzaWJpbGl0eUxhYmVsOiBzdHJpbmc7XG59XG5cbmV4cG9ydCBmdW5jdGlvbiBpbml0aWFsU3RhdHVzU3RhdGUoKTogU3RhdHVzU3RhdGUge1xuICByZXR1cm4geyBwaGFzZTogJ3N0YXJ0aW5nJywgc25hcHNob3Q6IG51bGwsIG5vS2V5OiBbXSB9O1xufVxuXG4vKiogRXZlcnl0aGluZyB0aGUgc3RhdHVzIGJhciBpdGVtIHNob3dzLCBjb21wdXRlZCBmcm9tIHRoZSBzdGF0ZS4gKi9cbmV4cG9ydCBmdW5jdGlvbiBzdGF0dXNWaWV3KHN0YXRlOiBTdGF0dXNTdGF0ZSk6IFN0YXR1c1ZpZXcge1xuICBjb25zdCBzbmFwc2hvdCA9IHN0YXRlLnNuYXBzaG90O1xuICBjb25zdCBzcGVuZCA9IHNwZW5kVGV4dChzbmFwc2hvdD8uc2Vzc2lvbik7XG4gIGlmIChzdGF0ZS5waGFzZSA9PT0gJ2Vycm9yJykge1xuICAgIHJldHVybiB7XG4gICAgICB0ZXh0OiAnJChlcnJvcikgTFNQIFJvdXRlcicsXG4gICAgICB0b29sdGlwOiB0b29sdGlwTWFya2Rvd24oc25hcHNob3QsIGAkKGVycm9yKSAqKlRoZSBzZXJ2ZXIgaXMgbm90IHJ1bm5pbmcuKiogJHtzdGF0ZS5lcnJvciA/PyAnJ31gLnRyaW0oKSksXG4gICAgICBzZXZlcml0eTogJ2Vycm9yJyxcbiAgICAgIGNvbW1hbmQ6IHsgY29tbWFuZDogJ2xzcFJvdXRlci5zaG93T3V0cHV0JywgdGl0bGU6ICdTaG93IHRoZSBzZXJ2ZXIgbG9nJyB9LFxuICAgICAgYWNjZXNzaWJpbGl0eUxhYmVsOiBgTFNQIFJvdXRlcjogc2VydmVyIG5vdCBydW5uaW5nLiAke3N0YXRlLmVycm9yID8/ICcnfWAudHJpbSgpLFxuICAgIH07XG4gIH1cbiAgaWYgKHN0YXRlLm5vS2V5Lmxlbmd0aCkge1xuICAgIGNvbnN0IGZpcnN0ID0gc3RhdGUubm9LZXlbMF07XG4gICAgY29uc3QgbmFtZSA9IHByb3ZpZGVyRGlzcGxheU5hbWUoZmlyc3QucHJvdmlkZXIpO1xuICAgIGNvbnN0IGFsbCA9IHN0YXRlLm5vS2V5Lm1hcCgoaykgPT4gcHJvdmlkZXJEaXNwbGF5TmFtZShrLnByb3ZpZGVyKSkuam9pbignLCAnKTtcbiAgICBjb25zdCBub3RpY2UgPVxuICAgICAgYCQoa2V5KSAqKk5vIEFQSSBrZXkgZm9yICR7YWxsfS4qKiBgICtcbiAgICAgIChmaXJzdC5tZXNzYWdlID8gYCR7Zmlyc3QubWVzc2FnZX0gYCA6ICcnKSArXG4gICAgICBgW1NldCAke25hbWV9IEFQSSBrZXldKGNvbW1hbmQ6bHNwUm91dGVyLnNldEFwaUtleT8ke2VuY29kZVVSSUNvbXBvbmVudChKU09OLnN0cmluZ2lmeShbZmlyc3QucHJvdmlkZXJdKSl9KWA7XG4gICAgcmV0dXJuIHtcbiAgICAgIHRleHQ6IGAkKGtleSkgTm8gJHtuYW1lfSBrZXlgLFxuICAgICAgdG9vbHRpcDogdG9vbHRpcE1hcmtkb3duKHNuYXBzaG90LCBub3RpY2UpLFxuICAgICAgc2V2ZXJpdHk6ICd3YXJuaW5nJyxcbiAgICAgIGNvbW1hbmQ6IHsgY29tbWFuZDogJ2xzcFJvdXRlci5zZXRBcGlLZXknLCB0aXRsZTogYFNldCAke25hbWV9IEFQSSBrZXlgLCBhcmd1bWVudHM6IFtmaXJzdC5wcm92aWRlcl0gfSxcbiAgICAgIGFjY2Vzc2liaWxpdHlMYWJlbDogYExTUCBSb3V0ZXI6IG5vICR7bmFtZX0gQVBJIGtleS4gQ2xpY2sgdG8gc2V0IGl0LmAsXG4gICAgfTtcbiAgfVxuICBjb25zdCBwaGFzZU5vdGUgPVxuICAgIHN0YXRlLnBoYXNlID09PSAnc3RhcnRpbmcnXG4gICAgICA/ICckKHN5bmN+c3BpbikgU3RhcnRpbmcgdGhlIHNlcnZlclx1MjAyNidcbiAgICAgIDogc3RhdGUucGhhc2UgPT09ICdzdG9wcGVkJ1xuICAgICAgICA/ICckKGRlYnVnLXN0b3ApIFRoZSBzZXJ2ZXIgaXMgc3RvcHBlZC4nXG4gICAgICAgIDogdW5kZWZpbmVkO1xuICBjb25zdCBzZXZlcml0eSA9IGJ1ZGdldFNldmVyaXR5KHNuYXBzaG90Py5zZXNzaW9uLmJ1ZGdldCk7XG4gIHJldHVybiB7XG4gICAgdGV4dDogc3RhdGUucGhhc2UgPT09ICdzdGFydGluZycgPyBgJChzeW5jfnNwaW4pICR7Zm9ybWF0VXNkKHNuYXBzaG90Py5zZXNzaW9uLmNvc3RVc2QgPz8gMCl9YCA6IHNwZW5kLFxuICAgIHRvb2x0aXA6IHRvb2x0aXBNYXJrZG93bihzbmFwc2hvdCwgcGhhc2VOb3RlKSxcbiAgICBzZXZlcml0eSxcbiAgICBjb21tYW5kOiB7IGNvbW1hbmQ6ICdsc3BSb3V0ZXIuc2hvd1NwZW5kJywgdGl0bGU6ICdTaG93IHNlc3Npb24gc3BlbmQnIH0sXG4gICAgYWNjZXNzaWJpbGl0eUxhYmVsOiBgTFNQIFJvdXRlciBzZXNzaW9uIHNwZW5kICR7Zm9ybWF0VXNkKHNuYXBzaG90Py5zZXNzaW9uLmNvc3RVc2QgPz8gMCl9YCxcbiAgfTtcbn1cbiJdLAogICJtYXBwaW5ncyI6ICI7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7QUFBQSx1QkFBcUI7QUFDckIsb0JBQW1COzs7QUNHbkIsSUFBTSxlQUFlO0FBRXJCLFNBQVMsV0FBVyxHQUFXLGFBQTZCO0FBQzFELFFBQU0sTUFBTSxFQUFFLFFBQVEsR0FBRztBQUN6QixNQUFJLE1BQU0sRUFBRyxRQUFPO0FBQ3BCLE1BQUksTUFBTSxFQUFFO0FBQ1osU0FBTyxNQUFNLE1BQU0sSUFBSSxlQUFlLEVBQUUsTUFBTSxDQUFDLE1BQU0sSUFBSztBQUMxRCxNQUFJLFFBQVEsTUFBTSxFQUFHLE9BQU07QUFDM0IsU0FBTyxFQUFFLE1BQU0sR0FBRyxHQUFHO0FBQ3ZCO0FBRUEsU0FBUyxTQUFTLEdBQXlCO0FBQ3pDLFNBQU8sT0FBTyxNQUFNLFlBQVksT0FBTyxTQUFTLENBQUM7QUFDbkQ7QUFPTyxTQUFTLFVBQVUsT0FBMEM7QUFDbEUsTUFBSSxDQUFDLFNBQVMsS0FBSyxFQUFHLFFBQU87QUFDN0IsTUFBSSxVQUFVLEVBQUcsUUFBTztBQUN4QixRQUFNLE9BQU8sUUFBUSxJQUFJLE1BQU07QUFDL0IsUUFBTSxNQUFNLEtBQUssSUFBSSxLQUFLO0FBQzFCLE1BQUksTUFBTSxNQUFNLENBQUMsYUFBYyxRQUFPLEdBQUcsU0FBUyxNQUFNLE9BQU8sR0FBRztBQUNsRSxNQUFJLE9BQU8sS0FBSztBQUNkLFdBQU8sR0FBRyxJQUFJLElBQUksSUFBSSxlQUFlLFNBQVMsRUFBRSx1QkFBdUIsR0FBRyx1QkFBdUIsRUFBRSxDQUFDLENBQUM7QUFBQSxFQUN2RztBQUVBLFFBQU0sV0FBVyxLQUFLLElBQUksY0FBYyxLQUFLLElBQUksR0FBRyxJQUFJLEtBQUssTUFBTSxLQUFLLE1BQU0sR0FBRyxDQUFDLENBQUMsQ0FBQztBQUNwRixTQUFPLEdBQUcsSUFBSSxJQUFJLFdBQVcsSUFBSSxRQUFRLFFBQVEsR0FBRyxDQUFDLENBQUM7QUFDeEQ7QUFHTyxTQUFTLGlCQUFpQixPQUEwQztBQUN6RSxNQUFJLENBQUMsU0FBUyxLQUFLLEVBQUcsUUFBTztBQUM3QixNQUFJLFVBQVUsRUFBRyxRQUFPO0FBQ3hCLFFBQU0sT0FBTyxRQUFRLElBQUksTUFBTTtBQUMvQixRQUFNLE1BQU0sS0FBSyxJQUFJLEtBQUs7QUFDMUIsUUFBTSxRQUFRLElBQUksUUFBUSxZQUFZO0FBQ3RDLE1BQUksT0FBTyxLQUFLLE1BQU0sRUFBRyxRQUFPLEdBQUcsU0FBUyxNQUFNLE9BQU8sR0FBRztBQUM1RCxRQUFNLENBQUMsU0FBUyxJQUFJLElBQUksV0FBVyxPQUFPLENBQUMsRUFBRSxNQUFNLEdBQUc7QUFDdEQsUUFBTSxVQUFVLE9BQU8sT0FBTyxFQUFFLGVBQWUsT0FBTztBQUN0RCxTQUFPLEdBQUcsSUFBSSxJQUFJLE9BQU8sR0FBRyxTQUFTLFNBQVksTUFBTSxPQUFPLEVBQUU7QUFDbEU7QUFFTyxTQUFTLFlBQVksR0FBOEIsVUFBa0IsU0FBUyxXQUFXLEtBQWE7QUFDM0csUUFBTSxJQUFJLFNBQVMsQ0FBQyxJQUFJLElBQUk7QUFDNUIsU0FBTyxHQUFHLENBQUMsSUFBSSxNQUFNLElBQUksV0FBVyxNQUFNO0FBQzVDO0FBb0JBLElBQU0saUJBQXlDLEVBQUUsUUFBUSxVQUFVLFdBQVcsWUFBWTtBQUVuRixTQUFTLG9CQUFvQixVQUEwQjtBQUM1RCxTQUFPLGVBQWUsUUFBUSxLQUFLO0FBQ3JDO0FBR08sU0FBUyxlQUFlLE1BQXNCO0FBQ25ELFNBQU8sT0FBTyxJQUFJLEVBQ2YsUUFBUSxPQUFPLE1BQU0sRUFDckIsUUFBUSx1QkFBdUIsTUFBTSxFQUNyQyxRQUFRLFVBQVUsR0FBRztBQUMxQjtBQUVPLFNBQVMsZUFBZSxRQUFxRTtBQUNsRyxVQUFRLFFBQVEsT0FBTztBQUFBLElBQ3JCLEtBQUs7QUFDSCxhQUFPO0FBQUEsSUFDVCxLQUFLO0FBQUEsSUFDTCxLQUFLO0FBQ0gsYUFBTztBQUFBLElBQ1Q7QUFDRSxhQUFPO0FBQUEsRUFDWDtBQUNGO0FBRU8sU0FBUyxXQUFXLFFBQTJEO0FBQ3BGLE1BQUksQ0FBQyxVQUFVLENBQUMsU0FBUyxPQUFPLEdBQUcsRUFBRyxRQUFPO0FBQzdDLFFBQU0sUUFBUSxPQUFPLFFBQVEsR0FBRyxPQUFPLEtBQUssTUFBTTtBQUNsRCxRQUFNLE1BQU0sT0FBTyxNQUFNLElBQUksS0FBSyxLQUFLLE1BQU8sT0FBTyxPQUFPLE9BQU8sTUFBTyxHQUFHLENBQUMsT0FBTztBQUNyRixRQUFNLFFBQ0osT0FBTyxVQUFVLFNBQ2Isb0NBQ0EsT0FBTyxVQUFVLFNBQ2Ysa0NBQ0EsT0FBTyxVQUFVLFlBQ2YsK0NBQ0E7QUFDVixTQUFPLFdBQVcsaUJBQWlCLE9BQU8sSUFBSSxDQUFDLE9BQU8saUJBQWlCLE9BQU8sR0FBRyxDQUFDLElBQUksS0FBSyxNQUFNLEdBQUcsR0FBRyxLQUFLO0FBQzlHO0FBR08sU0FBUyxVQUFVLFNBQWdGO0FBQ3hHLFFBQU0sT0FBTyxVQUFVLFNBQVMsV0FBVyxDQUFDO0FBQzVDLFFBQU0sUUFBUSxTQUFTLFlBQVk7QUFDbkMsU0FBTyxRQUFRLElBQUksWUFBWSxJQUFJLGVBQVksVUFBVSxLQUFLLENBQUMsS0FBSyxZQUFZLElBQUk7QUFDdEY7QUFFQSxTQUFTLFNBQVMsTUFBMkI7QUFDM0MsUUFBTSxRQUFRO0FBQUEsSUFDWixhQUFhLGVBQWUsS0FBSyxJQUFJLENBQUMsYUFBUSxlQUFlLE9BQU8sS0FBSyxJQUFJLENBQUMsQ0FBQztBQUFBLElBQy9FLEtBQUssUUFBUSxNQUFNLEtBQUssTUFBTSxRQUFRLE1BQU0sR0FBRyxDQUFDLE9BQU87QUFBQSxJQUN2RCxLQUFLLFNBQVMsV0FBTSxlQUFlLEtBQUssTUFBTSxDQUFDLEtBQUs7QUFBQSxJQUNwRCxTQUFNLEtBQUssU0FBUyxjQUFjLEtBQUssWUFBWSxRQUFRLEtBQUssV0FBVyxRQUFRLGFBQWEsaUJBQWlCLEtBQUssT0FBTyxDQUFDO0FBQUEsSUFDOUgsS0FBSyxXQUFXLEtBQUssWUFBWSxPQUFPLFNBQU0sZUFBZSxLQUFLLE9BQU8sQ0FBQyxLQUFLO0FBQUEsRUFDakY7QUFDQSxTQUFPLE1BQU0sS0FBSyxFQUFFO0FBQ3RCO0FBR0EsSUFBTSxhQUFhLENBQUMsZ0JBQWdCLFVBQVUsV0FBVyxVQUFVO0FBQ25FLElBQU0sYUFBYSxDQUFDLFFBQVEsVUFBVTtBQUV0QyxTQUFTLFFBQVEsTUFBZ0IsT0FBMkI7QUFDMUQsU0FBTyxDQUFDLEdBQUcsSUFBSSxFQUFFLEtBQUssQ0FBQyxHQUFHLE1BQU07QUFDOUIsVUFBTSxLQUFLLE1BQU0sUUFBUSxDQUFDO0FBQzFCLFVBQU0sS0FBSyxNQUFNLFFBQVEsQ0FBQztBQUMxQixZQUFRLEtBQUssSUFBSSxLQUFLLE9BQU8sS0FBSyxJQUFJLEtBQUssT0FBTyxFQUFFLGNBQWMsQ0FBQztBQUFBLEVBQ3JFLENBQUM7QUFDSDtBQU1PLFNBQVMsZ0JBQWdCLFVBQTRDLFFBQXlCO0FBQ25HLFFBQU0sUUFBa0IsQ0FBQztBQUN6QixRQUFNLEtBQUsscUNBQWdDO0FBQzNDLFFBQU0sS0FBSyxFQUFFO0FBQ2IsTUFBSSxRQUFRO0FBQ1YsVUFBTSxLQUFLLE1BQU07QUFDakIsVUFBTSxLQUFLLEVBQUU7QUFBQSxFQUNmO0FBQ0EsTUFBSSxDQUFDLFVBQVU7QUFDYixVQUFNLEtBQUssa0JBQWtCO0FBQUEsRUFDL0IsT0FBTztBQUNMLFVBQU0sSUFBSSxTQUFTO0FBQ25CLFVBQU07QUFBQSxNQUNKLGFBQWEsT0FBTyxFQUFFLE1BQU0sRUFBRSxFQUFFLFFBQVEsTUFBTSxHQUFHLENBQUMsU0FBUyxpQkFBaUIsRUFBRSxPQUFPLENBQUMsZUFDL0UsaUJBQWlCLEVBQUUsUUFBUSxDQUFDLDhCQUNoQyxTQUFTLEVBQUUsZUFBZSxJQUFJLEtBQUssaUJBQWlCLEVBQUUsZUFBZSxDQUFDLE1BQU07QUFBQSxJQUNqRjtBQUNBLFVBQU0sS0FBSyxFQUFFO0FBQ2IsVUFBTTtBQUFBLE1BQ0osR0FBRyxZQUFZLEVBQUUsVUFBVSxTQUFTLENBQUMsU0FBTSxZQUFZLEVBQUUsV0FBVyxXQUFXLENBQUMsU0FDM0UsWUFBWSxFQUFFLGFBQWEsWUFBWSxDQUFDLE1BQzFDLEVBQUUsU0FBUyxTQUFNLFlBQVksRUFBRSxRQUFRLE9BQU8sQ0FBQyxLQUFLLE9BQ3BELEVBQUUsV0FBVyxTQUFNLEVBQUUsUUFBUSxjQUFjO0FBQUEsSUFDaEQ7QUFDQSxVQUFNLFFBQVEsUUFBUSxPQUFPLEtBQUssRUFBRSxVQUFVLENBQUMsQ0FBQyxHQUFHLFVBQVU7QUFDN0QsUUFBSSxNQUFNLFFBQVE7QUFDaEIsWUFBTSxLQUFLLEVBQUU7QUFDYixZQUFNLEtBQUssYUFBYTtBQUN4QixZQUFNLEtBQUssRUFBRTtBQUNiLFlBQU0sS0FBSywrREFBK0Q7QUFDMUUsWUFBTSxLQUFLLDJCQUEyQjtBQUN0QyxpQkFBVyxLQUFLLE9BQU87QUFDckIsY0FBTSxJQUFJLEVBQUUsT0FBUSxDQUFDO0FBQ3JCLGNBQU07QUFBQSxVQUNKLEtBQUssZUFBZSxDQUFDLENBQUMsTUFBTSxpQkFBaUIsRUFBRSxPQUFPLENBQUMsTUFBTSxpQkFBaUIsRUFBRSxZQUFZLENBQUMsQ0FBQyxNQUN6RixFQUFFLFlBQVksQ0FBQyxNQUFNLEVBQUUsYUFBYSxDQUFDLE1BQU0sRUFBRSxlQUFlLENBQUM7QUFBQSxRQUNwRTtBQUFBLE1BQ0Y7QUFBQSxJQUNGO0FBQ0EsVUFBTSxRQUFRLFFBQVEsT0FBTyxLQUFLLEVBQUUsVUFBVSxDQUFDLENBQUMsR0FBRyxVQUFVO0FBQzdELFFBQUksTUFBTSxRQUFRO0FBQ2hCLFlBQU0sS0FBSyxFQUFFO0FBQ2IsWUFBTTtBQUFBLFFBQ0osa0JBQ0UsTUFDRyxJQUFJLENBQUMsTUFBTTtBQUNWLGdCQUFNLElBQUksRUFBRSxPQUFRLENBQUM7QUFDckIsaUJBQU8sR0FBRyxlQUFlLENBQUMsQ0FBQyxJQUFJLGlCQUFpQixFQUFFLE9BQU8sQ0FBQyxLQUFLLFlBQVksRUFBRSxVQUFVLFNBQVMsQ0FBQztBQUFBLFFBQ25HLENBQUMsRUFDQSxLQUFLLFFBQUs7QUFBQSxNQUNqQjtBQUFBLElBQ0Y7QUFDQSxRQUFJLFNBQVMsTUFBTTtBQUNqQixZQUFNLEtBQUssRUFBRTtBQUNiLFlBQU0sS0FBSyxTQUFTLFNBQVMsSUFBSSxDQUFDO0FBQUEsSUFDcEM7QUFDQSxVQUFNLElBQUksV0FBVyxFQUFFLE1BQU07QUFDN0IsUUFBSSxHQUFHO0FBQ0wsWUFBTSxLQUFLLEVBQUU7QUFDYixZQUFNLEtBQUssQ0FBQztBQUFBLElBQ2Q7QUFBQSxFQUNGO0FBQ0EsUUFBTSxLQUFLLEVBQUU7QUFDYixRQUFNO0FBQUEsSUFDSjtBQUFBLEVBRUY7QUFDQSxTQUFPLE1BQU0sS0FBSyxJQUFJO0FBQ3hCOzs7QUNqTUEsU0FBUyxJQUFJLEdBQW9CO0FBQy9CLFNBQU8sT0FBTyxNQUFNLFlBQVksT0FBTyxTQUFTLENBQUMsSUFBSSxJQUFJO0FBQzNEO0FBTU8sSUFBTSxnQkFBTixNQUFvQjtBQUFBLEVBQ3pCO0FBQUEsRUFDQSxVQUF5QixDQUFDO0FBQUEsRUFDMUIsU0FBK0I7QUFBQSxFQUN2QjtBQUFBO0FBQUE7QUFBQTtBQUFBO0FBQUEsRUFNUixNQUFNLFVBQXlCLGtCQUEyQixNQUFNLEtBQUssSUFBSSxHQUFZO0FBQ25GLFFBQUksQ0FBQyxZQUFZLENBQUMsU0FBUyxRQUFTLFFBQU87QUFDM0MsVUFBTSxJQUFJLFNBQVM7QUFDbkIsUUFBSSxLQUFLLGNBQWMsRUFBRSxJQUFJO0FBQzNCLFdBQUssTUFBTSxFQUFFLEVBQUU7QUFBQSxJQUNqQjtBQUNBLFNBQUssU0FBUztBQUNkLFFBQUksQ0FBQyxvQkFBb0IsQ0FBQyxTQUFTLEtBQU0sUUFBTztBQUdoRCxVQUFNLE1BQU0sQ0FBQyxFQUFFLFVBQVUsRUFBRSxXQUFXLEVBQUUsVUFBVSxHQUFHLEVBQUUsYUFBYSxFQUFFLFNBQVMsRUFBRSxRQUFRLEVBQUUsS0FBSyxHQUFHO0FBQ25HLFFBQUksUUFBUSxLQUFLLFFBQVMsUUFBTztBQUNqQyxTQUFLLFVBQVU7QUFDZixVQUFNLGFBQWEsSUFBSSxFQUFFLE9BQU87QUFDaEMsVUFBTSxXQUNKLE9BQU8sRUFBRSxvQkFBb0IsV0FBVyxFQUFFLGtCQUFrQixhQUFhLElBQUksRUFBRSxRQUFRO0FBQ3pGLFNBQUssUUFBUSxLQUFLO0FBQUEsTUFDaEIsT0FBTyxLQUFLLFFBQVEsU0FBUztBQUFBLE1BQzdCLE1BQU07QUFBQSxNQUNOLE1BQU0sU0FBUztBQUFBLE1BQ2YsZUFBZTtBQUFBLE1BQ2YsdUJBQXVCO0FBQUEsSUFDekIsQ0FBQztBQUNELFdBQU87QUFBQSxFQUNUO0FBQUEsRUFFQSxNQUFNLFdBQTBCO0FBQzlCLFNBQUssWUFBWTtBQUNqQixTQUFLLFVBQVUsQ0FBQztBQUNoQixTQUFLLFNBQVM7QUFDZCxTQUFLLFVBQVU7QUFBQSxFQUNqQjtBQUNGO0FBNEJPLFNBQVMscUJBQWtDO0FBQ2hELFNBQU8sRUFBRSxPQUFPLFlBQVksVUFBVSxNQUFNLE9BQU8sQ0FBQyxFQUFFO0FBQ3hEO0FBR08sU0FBUyxXQUFXLE9BQWdDO0FBQ3pELFFBQU0sV0FBVyxNQUFNO0FBQ3ZCLFFBQU0sUUFBUSxVQUFVLFVBQVUsT0FBTztBQUN6QyxNQUFJLE1BQU0sVUFBVSxTQUFTO0FBQzNCLFdBQU87QUFBQSxNQUNMLE1BQU07QUFBQSxNQUNOLFNBQVMsZ0JBQWdCLFVBQVUsMkNBQTJDLE1BQU0sU0FBUyxFQUFFLEdBQUcsS0FBSyxDQUFDO0FBQUEsTUFDeEcsVUFBVTtBQUFBLE1BQ1YsU0FBUyxFQUFFLFNBQVMsd0JBQXdCLE9BQU8sc0JBQXNCO0FBQUEsTUFDekUsb0JBQW9CLG1DQUFtQyxNQUFNLFNBQVMsRUFBRSxHQUFHLEtBQUs7QUFBQSxJQUNsRjtBQUFBLEVBQ0Y7QUFDQSxNQUFJLE1BQU0sTUFBTSxRQUFRO0FBQ3RCLFVBQU0sUUFBUSxNQUFNLE1BQU0sQ0FBQztBQUMzQixVQUFNLE9BQU8sb0JBQW9CLE1BQU0sUUFBUTtBQUMvQyxVQUFNLE1BQU0sTUFBTSxNQUFNLElBQUksQ0FBQyxNQUFNLG9CQUFvQixFQUFFLFFBQVEsQ0FBQyxFQUFFLEtBQUssSUFBSTtBQUM3RSxVQUFNLFNBQ0osMkJBQTJCLEdBQUcsVUFDN0IsTUFBTSxVQUFVLEdBQUcsTUFBTSxPQUFPLE1BQU0sTUFDdkMsUUFBUSxJQUFJLHlDQUF5QyxtQkFBbUIsS0FBSyxVQUFVLENBQUMsTUFBTSxRQUFRLENBQUMsQ0FBQyxDQUFDO0FBQzNHLFdBQU87QUFBQSxNQUNMLE1BQU0sYUFBYSxJQUFJO0FBQUEsTUFDdkIsU0FBUyxnQkFBZ0IsVUFBVSxNQUFNO0FBQUEsTUFDekMsVUFBVTtBQUFBLE1BQ1YsU0FBUyxFQUFFLFNBQVMsdUJBQXVCLE9BQU8sT0FBTyxJQUFJLFlBQVksV0FBVyxDQUFDLE1BQU0sUUFBUSxFQUFFO0FBQUEsTUFDckcsb0JBQW9CLGtCQUFrQixJQUFJO0FBQUEsSUFDNUM7QUFBQSxFQUNGO0FBQ0EsUUFBTSxZQUNKLE1BQU0sVUFBVSxhQUNaLDJDQUNBLE1BQU0sVUFBVSxZQUNkLHlDQUNBO0FBQ1IsUUFBTSxXQUFXLGVBQWUsVUFBVSxRQUFRLE1BQU07QUFDeEQsU0FBTztBQUFBLElBQ0wsTUFBTSxNQUFNLFVBQVUsYUFBYSxnQkFBZ0IsVUFBVSxVQUFVLFFBQVEsV0FBVyxDQUFDLENBQUMsS0FBSztBQUFBLElBQ2pHLFNBQVMsZ0JBQWdCLFVBQVUsU0FBUztBQUFBLElBQzVDO0FBQUEsSUFDQSxTQUFTLEVBQUUsU0FBUyx1QkFBdUIsT0FBTyxxQkFBcUI7QUFBQSxJQUN2RSxvQkFBb0IsNEJBQTRCLFVBQVUsVUFBVSxRQUFRLFdBQVcsQ0FBQyxDQUFDO0FBQUEsRUFDM0Y7QUFDRjs7O0FGaEpBLFNBQVMsS0FBSyxJQUFZLFVBQWtCLE1BQWMsT0FBZSxPQUFPLE1BQXFCO0FBQ25HLFNBQU87QUFBQSxJQUNMLFNBQVM7QUFBQSxNQUNQO0FBQUEsTUFDQSxTQUFTO0FBQUEsTUFDVCxVQUFVO0FBQUEsTUFDVixpQkFBaUIsT0FBTztBQUFBLE1BQ3hCO0FBQUEsTUFDQSxXQUFXO0FBQUEsTUFDWCxhQUFhO0FBQUEsTUFDYixRQUFRLENBQUM7QUFBQSxNQUNULFFBQVEsQ0FBQztBQUFBLE1BQ1QsUUFBUSxFQUFFLEtBQUssTUFBTSxNQUFNLE1BQU0sT0FBTyxLQUFLO0FBQUEsSUFDL0M7QUFBQSxJQUNBLE1BQU0sT0FDRixFQUFFLE1BQU0sV0FBVyxNQUFNLFFBQVEsT0FBTyx1QkFBdUIsUUFBUSxLQUFLLFNBQVMsTUFBTyxRQUFRLE9BQU8sU0FBUyxLQUFLLElBQ3pIO0FBQUEsRUFDTjtBQUNGO0FBQUEsSUFFQSx1QkFBSyxxRUFBcUUsTUFBTTtBQUM5RSxRQUFNLElBQUksSUFBSSxjQUFjO0FBQzVCLGdCQUFBQSxRQUFPLE1BQU0sRUFBRSxNQUFNLEtBQUssS0FBSyxHQUFHLEdBQUcsR0FBRyxLQUFLLEdBQUcsS0FBSyxHQUFHLEtBQUs7QUFDN0QsZ0JBQUFBLFFBQU8sTUFBTSxFQUFFLFFBQVEsUUFBUSxDQUFDO0FBQ2hDLGdCQUFBQSxRQUFPLE1BQU0sRUFBRSxNQUFNLEtBQUssS0FBSyxHQUFHLE1BQU8sSUFBSSxHQUFHLE1BQU0sR0FBSSxHQUFHLElBQUk7QUFDakUsZ0JBQUFBLFFBQU8sTUFBTSxFQUFFLE1BQU0sS0FBSyxLQUFLLEdBQUcsTUFBTyxJQUFJLEdBQUcsTUFBTSxJQUFJLEdBQUcsT0FBTyxnQ0FBZ0M7QUFDcEcsZ0JBQUFBLFFBQU8sTUFBTSxFQUFFLE1BQU0sS0FBSyxLQUFLLEdBQUcsTUFBTyxJQUFJLEdBQUcsTUFBTSxHQUFJLEdBQUcsSUFBSTtBQUNqRSxnQkFBQUEsUUFBTztBQUFBLElBQ0wsRUFBRSxRQUFRLElBQUksQ0FBQyxNQUFNLENBQUMsRUFBRSxPQUFPLEVBQUUsZUFBZSxFQUFFLHFCQUFxQixDQUFDO0FBQUEsSUFDeEU7QUFBQSxNQUNFLENBQUMsR0FBRyxNQUFPLEtBQUs7QUFBQSxNQUNoQixDQUFDLEdBQUcsTUFBTyxLQUFLO0FBQUEsSUFDbEI7QUFBQSxFQUNGO0FBRUEsZ0JBQUFBLFFBQU8sTUFBTSxFQUFFLE1BQU0sS0FBSyxLQUFLLEdBQUcsTUFBTyxJQUFJLEdBQUcsS0FBSyxHQUFHLEtBQUs7QUFDN0QsZ0JBQUFBLFFBQU8sTUFBTSxFQUFFLFFBQVEsUUFBUSxVQUFVLENBQUM7QUFDNUMsQ0FBQztBQUFBLElBRUQsdUJBQUssd0NBQXdDLE1BQU07QUFDakQsUUFBTSxJQUFJLElBQUksY0FBYztBQUM1QixJQUFFLE1BQU0sS0FBSyxLQUFLLEdBQUcsTUFBTyxJQUFJLEdBQUcsSUFBSTtBQUN2QyxJQUFFLE1BQU0sS0FBSyxLQUFLLEdBQUcsTUFBTyxDQUFDLEdBQUcsSUFBSTtBQUNwQyxnQkFBQUEsUUFBTyxNQUFNLEVBQUUsV0FBVyxHQUFHO0FBQzdCLGdCQUFBQSxRQUFPLE1BQU0sRUFBRSxRQUFRLFFBQVEsQ0FBQztBQUNoQyxnQkFBQUEsUUFBTyxNQUFNLEVBQUUsUUFBUSxDQUFDLEVBQUUsZUFBZSxJQUFLO0FBQ2hELENBQUM7QUFBQSxJQUVELHVCQUFLLGtEQUFrRCxNQUFNO0FBQzNELFFBQU0sSUFBaUIsRUFBRSxHQUFHLG1CQUFtQixHQUFHLE9BQU8sVUFBVTtBQUNuRSxNQUFJLElBQUksV0FBVyxDQUFDO0FBQ3BCLGdCQUFBQSxRQUFPLE1BQU0sRUFBRSxNQUFNLGdCQUFnQjtBQUNyQyxnQkFBQUEsUUFBTyxNQUFNLEVBQUUsVUFBVSxNQUFNO0FBQy9CLGdCQUFBQSxRQUFPLE1BQU0sRUFBRSxRQUFRLFNBQVMscUJBQXFCO0FBRXJELElBQUUsV0FBVyxLQUFLLEtBQUssR0FBRyxPQUFPLElBQUk7QUFDckMsTUFBSSxXQUFXLENBQUM7QUFDaEIsZ0JBQUFBLFFBQU8sTUFBTSxFQUFFLE1BQU0sa0NBQStCO0FBQ3BELGdCQUFBQSxRQUFPLE1BQU0sRUFBRSxTQUFTLGFBQWE7QUFFckMsSUFBRSxTQUFTLFFBQVEsU0FBUyxFQUFFLEtBQUssTUFBTSxNQUFNLE9BQU8sT0FBTyxRQUFRLE9BQU8sVUFBVTtBQUN0RixnQkFBQUEsUUFBTyxNQUFNLFdBQVcsQ0FBQyxFQUFFLFVBQVUsU0FBUztBQUM5QyxJQUFFLFNBQVMsUUFBUSxTQUFTLEVBQUUsS0FBSyxNQUFNLE1BQU0sT0FBTyxPQUFPLFFBQVEsT0FBTyxVQUFVO0FBQ3RGLGdCQUFBQSxRQUFPLE1BQU0sV0FBVyxDQUFDLEVBQUUsVUFBVSxPQUFPO0FBQzVDLElBQUUsU0FBUyxRQUFRLFNBQVMsRUFBRSxLQUFLLE1BQU0sTUFBTSxPQUFPLE9BQU8sV0FBVyxPQUFPLFVBQVU7QUFDekYsZ0JBQUFBLFFBQU8sTUFBTSxXQUFXLENBQUMsRUFBRSxVQUFVLE9BQU87QUFDOUMsQ0FBQztBQUFBLElBRUQsdUJBQUssNkNBQTZDLE1BQU07QUFDdEQsUUFBTSxJQUFpQixFQUFFLEdBQUcsbUJBQW1CLEdBQUcsT0FBTyxXQUFXLE9BQU8sQ0FBQyxFQUFFLFVBQVUsYUFBYSxTQUFTLFVBQVUsQ0FBQyxFQUFFO0FBQzNILFFBQU0sSUFBSSxXQUFXLENBQUM7QUFDdEIsZ0JBQUFBLFFBQU8sTUFBTSxFQUFFLE1BQU0seUJBQXlCO0FBQzlDLGdCQUFBQSxRQUFPLE1BQU0sRUFBRSxVQUFVLFNBQVM7QUFDbEMsZ0JBQUFBLFFBQU8sVUFBVSxFQUFFLFFBQVEsV0FBVyxDQUFDLFdBQVcsQ0FBQztBQUNuRCxnQkFBQUEsUUFBTyxNQUFNLEVBQUUsUUFBUSxTQUFTLHFCQUFxQjtBQUNyRCxnQkFBQUEsUUFBTyxNQUFNLEVBQUUsU0FBUyxxREFBcUQ7QUFDL0UsQ0FBQztBQUFBLElBRUQsdUJBQUssbUNBQW1DLE1BQU07QUFDNUMsZ0JBQUFBLFFBQU8sTUFBTSxXQUFXLG1CQUFtQixDQUFDLEVBQUUsTUFBTSwyQkFBMkI7QUFDL0UsUUFBTSxJQUFJLFdBQVcsRUFBRSxHQUFHLG1CQUFtQixHQUFHLE9BQU8sU0FBUyxPQUFPLDZCQUE2QixDQUFDO0FBQ3JHLGdCQUFBQSxRQUFPLE1BQU0sRUFBRSxVQUFVLE9BQU87QUFDaEMsZ0JBQUFBLFFBQU8sTUFBTSxFQUFFLFFBQVEsU0FBUyxzQkFBc0I7QUFDdEQsZ0JBQUFBLFFBQU8sTUFBTSxFQUFFLFNBQVMsMkJBQTJCO0FBQ3JELENBQUM7IiwKICAibmFtZXMiOiBbImFzc2VydCJdCn0K
