// The spend view's HTML: this session's requests as a table and an inline SVG chart of cumulative
// spend against the all-frontier counterfactual. Pure (no `vscode` import): unit tested.

import { formatCount, formatLatency, formatTokens, formatUsd, formatUsdPrecise } from './format';
import type { AcceptStats, SessionSpend, SpendSnapshot } from './protocol';
import type { SpendRecord } from './state';

export function escapeHtml(s: unknown): string {
  return String(s ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export interface ChartGeometry {
  width: number;
  height: number;
  /** Points "x,y x,y ..." for the session's cumulative spend. */
  actual: string;
  /** Points for the all-frontier counterfactual. */
  frontier: string;
  /** Top of the y axis: the largest cumulative figure rounded up to a tick. */
  maxUsd: number;
  /** Dollar ticks on the y axis, 0 first, with their y. */
  yTicks: { usd: number; y: number }[];
  /** Request-number ticks on the x axis, 0 first, with their x. */
  xTicks: { n: number; x: number }[];
}

/** A round step (1, 2 or 5 times a power of ten) that cuts `span` into about `parts`. */
export function niceStep(span: number, parts: number): number {
  if (!(span > 0)) return 1;
  const raw = span / parts;
  const power = Math.pow(10, Math.floor(Math.log10(raw)));
  const m = raw / power;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * power;
}

export const CHART_PAD = { left: 58, right: 12, top: 12, bottom: 34 };

/** Chart geometry: x = request number (0 = start of session), y = cumulative USD, with axis ticks. */
export function chartGeometry(records: SpendRecord[], width = 560, height = 200, pad = CHART_PAD): ChartGeometry {
  const n = records.length;
  const top = Math.max(0, ...records.map((r) => r.cumulativeFrontierUsd), ...records.map((r) => r.cumulativeUsd));
  const yStep = niceStep(top, 4);
  const maxUsd = n && top > 0 ? Math.ceil(top / yStep - 1e-9) * yStep : 0;
  const xStep = Math.max(1, Math.round(niceStep(n, 5)));
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const x = (i: number) => pad.left + (n === 0 ? 0 : (i / n) * plotW);
  const y = (v: number) => height - pad.bottom - (maxUsd > 0 ? (v / maxUsd) * plotH : 0);
  const pts = (f: (r: SpendRecord) => number) =>
    [`${x(0).toFixed(1)},${y(0).toFixed(1)}`, ...records.map((r, i) => `${x(i + 1).toFixed(1)},${y(f(r)).toFixed(1)}`)].join(' ');
  const yTicks: { usd: number; y: number }[] = [];
  if (maxUsd > 0) {
    for (let k = 0; k * yStep <= maxUsd + yStep * 1e-9; k++) yTicks.push({ usd: k * yStep, y: y(k * yStep) });
  }
  const xTicks: { n: number; x: number }[] = [];
  for (let k = 0; k <= n; k += xStep) xTicks.push({ n: k, x: x(k) });
  return { width, height, actual: pts((r) => r.cumulativeUsd), frontier: pts((r) => r.cumulativeFrontierUsd), maxUsd, yTicks, xTicks };
}

export function chartSvg(records: SpendRecord[]): string {
  const g = chartGeometry(records);
  const pad = CHART_PAD;
  const bottom = g.height - pad.bottom;
  const yTicks = g.yTicks
    .map((t) =>
      `<line class="grid" x1="${pad.left}" y1="${t.y.toFixed(1)}" x2="${g.width - pad.right}" y2="${t.y.toFixed(1)}"/>` +
      `<text class="label y-tick" x="${pad.left - 6}" y="${(t.y + 4).toFixed(1)}" text-anchor="end">${escapeHtml(formatUsd(t.usd))}</text>`)
    .join('');
  const xTicks = g.xTicks
    .map((t) =>
      `<line class="axis" x1="${t.x.toFixed(1)}" y1="${bottom}" x2="${t.x.toFixed(1)}" y2="${bottom + 4}"/>` +
      `<text class="label x-tick" x="${t.x.toFixed(1)}" y="${bottom + 16}" text-anchor="middle">${t.n}</text>`)
    .join('');
  return `<svg class="chart" viewBox="0 0 ${g.width} ${g.height}" width="${g.width}" height="${g.height}" role="img"
  aria-label="Cumulative spend of this session in dollars, by request number, against the all-frontier counterfactual">
  ${yTicks}
  <line class="axis" x1="${pad.left}" y1="${bottom}" x2="${g.width - pad.right}" y2="${bottom}"/>
  <line class="axis" x1="${pad.left}" y1="${pad.top}" x2="${pad.left}" y2="${bottom}"/>
  ${xTicks}
  <text class="label axis-title" x="${(pad.left + g.width - pad.right) / 2}" y="${g.height - 4}" text-anchor="middle">request #</text>
  <polyline class="frontier" points="${g.frontier}"/>
  <polyline class="actual" points="${g.actual}"/>
</svg>`;
}

/** "openai:gpt-5.4-mini" -> "gpt-5.4-mini": the provider is in the hover. */
export function shortModel(model: string): string {
  const colon = model.indexOf(':');
  return colon >= 0 ? model.slice(colon + 1) : model;
}

const REQUEST_COLUMNS = 10;

export function rowsHtml(records: SpendRecord[]): string {
  if (!records.length) {
    return `<tr><td colspan="${REQUEST_COLUMNS}" class="empty">No requests in this session yet.</td></tr>`;
  }
  return [...records]
    .reverse()
    .map((r) => {
      const l = r.last;
      const cost = l.cached ? 'cache hit' : l.costUsd === null || l.priced === false ? 'unpriced' : formatUsd(l.costUsd);
      const exact = l.cached || l.costUsd === null ? '' : formatUsdPrecise(l.costUsd);
      const time = new Date(r.time).toLocaleTimeString('en-GB', { hour12: false });
      return (
        `<tr class="tier-${escapeHtml(l.tier)}">` +
        `<td class="num cost" title="${escapeHtml(exact)}">${escapeHtml(cost)}</td>` +
        `<td class="num">${r.index}</td>` +
        `<td>${escapeHtml(l.task)}</td>` +
        `<td><span class="tier">${escapeHtml(l.tier)}</span></td>` +
        `<td class="model" title="${escapeHtml(l.model)}"><code>${escapeHtml(shortModel(l.model))}</code></td>` +
        `<td class="reason" title="${escapeHtml(l.reason)}">${escapeHtml(l.reason)}</td>` +
        `<td>${escapeHtml(l.outcome ?? 'ok')}</td>` +
        `<td class="num opt">${escapeHtml(formatTokens(l.inputTokens, l.outputTokens))}</td>` +
        `<td class="num opt">${escapeHtml(formatLatency(l.latencyMs))}</td>` +
        `<td class="num opt" title="${escapeHtml(time)}">${escapeHtml(formatUsd(r.cumulativeUsd))}</td>` +
        `</tr>`
      );
    })
    .join('\n');
}

function money(v: number | null | undefined): string {
  return `<span title="${escapeHtml(formatUsdPrecise(v))}">${escapeHtml(formatUsd(v))}</span>`;
}

interface TierFigures {
  byTier?: Record<string, { costUsd: number; requests: number }>;
  quality?: Record<string, AcceptStats>;
}

/** Cost and accept rate per tier, side by side: the quality half of the claim. */
export function tierQualityHtml(s: SessionSpend): string {
  return tierTable({ byTier: s.byTier, quality: s.quality?.byTier });
}

function tierTable(f: TierFigures, id = 'tier-quality'): string {
  const tiers = Object.keys(f.byTier ?? {}).concat(Object.keys(f.quality ?? {}));
  const unique = [...new Set(tiers)].sort((a, b) => tierRank(a) - tierRank(b));
  if (!unique.length) return '';
  const rows = unique
    .map((t) => {
      const cost = f.byTier?.[t];
      const q = f.quality?.[t];
      const rate = q && q.shown ? `${Math.round((100 * q.accepted) / q.shown)}%` : '–';
      return (
        `<tr class="tier-${escapeHtml(t)}"><td><span class="tier">${escapeHtml(t)}</span></td>` +
        `<td class="num">${cost ? money(cost.costUsd) : '–'}</td>` +
        `<td class="num">${cost?.requests ?? 0}</td>` +
        `<td class="num accept-rate" data-tier="${escapeHtml(t)}">${escapeHtml(rate)}</td>` +
        `<td class="num">${q && q.shown ? `${q.accepted} / ${q.shown}` : '–'}</td>` +
        `<td class="num">${q?.costPerAcceptedUsd != null ? money(q.costPerAcceptedUsd) : '–'}</td></tr>`
      );
    })
    .join('');
  return `<table class="tiers" id="${id}"><thead><tr><th>tier</th><th class="num">cost</th><th class="num">requests</th>` +
    `<th class="num">accept rate</th><th class="num">accepted</th><th class="num">per accepted</th></tr></thead>` +
    `<tbody>${rows}</tbody></table>`;
}

const TIERS = ['static', 'nano', 'mini', 'frontier'];

function tierRank(t: string): number {
  const i = TIERS.indexOf(t);
  return i < 0 ? TIERS.length : i;
}

/** The totals of a group of ledger rows, as `lspRouter/spendHistory` sends them. */
export interface HistoryTotals {
  costUsd: number;
  savedUsd: number;
  frontierCostUsd?: number;
  requests: number;
  cacheHits: number;
  escalations: number;
  shown?: number;
  accepted?: number;
  acceptRate?: number | null;
  costPerAcceptedUsd?: number | null;
  byTier?: Record<string, HistoryTotals>;
  byTask?: Record<string, HistoryTotals>;
}

export interface SpendHistory {
  today: HistoryTotals & { day: string };
  sessions: (HistoryTotals & { id: string; start: string; end: string; current: boolean })[];
}

export type SpendScope = 'session' | 'today' | 'sessions';

function qualityOf(by: Record<string, HistoryTotals> | undefined): Record<string, AcceptStats> {
  const out: Record<string, AcceptStats> = {};
  for (const [k, v] of Object.entries(by ?? {})) {
    if (v.shown) out[k] = { shown: v.shown, accepted: v.accepted ?? 0, acceptRate: v.acceptRate ?? null, costPerAcceptedUsd: v.costPerAcceptedUsd };
  }
  return out;
}

type Summary = Pick<HistoryTotals, 'costUsd' | 'savedUsd' | 'frontierCostUsd' | 'requests' | 'cacheHits' | 'escalations'>;

function summaryLine(t: Summary, costId: string): string {
  const frontier = t.frontierCostUsd ?? t.costUsd + t.savedUsd;
  return `<strong id="${costId}">${money(t.costUsd)}</strong> spent · <strong>${money(t.savedUsd)}</strong> saved against all-frontier ` +
    `(${money(frontier)}) · ${formatCount(t.requests, 'request')} · ${formatCount(t.cacheHits, 'cache hit')} · ` +
    `${formatCount(t.escalations, 'escalation')}`;
}

/** Today, every session of it (this machine's ledger). */
export function todayHtml(h: SpendHistory): string {
  const t = h.today;
  return `<p class="summary">${summaryLine(t, 'today-cost')} <span class="muted">— ${escapeHtml(t.day)}</span></p>` +
    tierTable({ byTier: t.byTier, quality: qualityOf(t.byTier) }, 'today-tiers');
}

/** The last sessions side by side: cost per session, per request and per accepted answer. */
export function sessionsHtml(h: SpendHistory): string {
  if (!h.sessions.length) return '<p class="summary muted">No sessions in the last 30 days.</p>';
  const rows = h.sessions
    .map((s) => {
      const start = new Date(s.start);
      const when = Number.isNaN(start.getTime()) ? s.start : start.toLocaleString('en-GB', { hour12: false, day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
      const perRequest = s.requests ? s.costUsd / s.requests : null;
      const rate = s.shown ? `${Math.round((100 * (s.accepted ?? 0)) / s.shown)}%` : '–';
      return `<tr class="${s.current ? 'current' : ''}" data-session="${escapeHtml(s.id)}">` +
        `<td class="num cost">${money(s.costUsd)}</td>` +
        `<td title="${escapeHtml(s.id)}">${escapeHtml(when)}${s.current ? ' <span class="tier">this one</span>' : ''}</td>` +
        `<td class="num">${s.requests}</td>` +
        `<td class="num">${perRequest === null ? '–' : money(perRequest)}</td>` +
        `<td class="num">${escapeHtml(rate)}</td>` +
        `<td class="num">${s.costPerAcceptedUsd != null ? money(s.costPerAcceptedUsd) : '–'}</td>` +
        `<td class="num opt">${money(s.savedUsd)}</td></tr>`;
    })
    .join('');
  return `<div class="table-wrap"><table id="sessions"><thead><tr><th class="num">cost</th><th>started</th><th class="num">requests</th>` +
    `<th class="num">per request</th><th class="num">accepted</th><th class="num">per accepted</th><th class="num opt">saved</th></tr></thead>` +
    `<tbody>${rows}</tbody></table></div>`;
}

export interface SpendPageOptions {
  records: SpendRecord[];
  snapshot: SpendSnapshot | null;
  nonce: string;
  cspSource: string;
  /** Which figures the switch shows (default this session). */
  scope?: SpendScope;
  /** `lspRouter/spendHistory`'s answer, for the today and last-sessions scopes. */
  history?: SpendHistory | null;
  /** Why the history could not be read. */
  historyError?: string;
}

const SCOPES: [SpendScope, string][] = [
  ['session', 'This session'],
  ['today', 'Today'],
  ['sessions', 'Last sessions'],
];

function sessionHtml(o: SpendPageOptions): string {
  const s = o.snapshot?.session;
  const summary = s
    ? `<p class="summary">${summaryLine(s, 'session-cost')}
       <span class="muted">— session <code id="session-id">${escapeHtml(s.id)}</code></span></p>
       ${tierQualityHtml(s)}`
    : '<p class="summary muted">No spend reported by the server yet.</p>';
  return `${summary}
<div class="legend muted"><span><i class="swatch actual"></i>cumulative spend</span><span><i class="swatch frontier"></i>all-frontier counterfactual</span></div>
${chartSvg(o.records)}
<h2>Requests</h2>
<div class="table-wrap">
<table id="requests">
<thead><tr><th class="num">cost</th><th class="num">#</th><th>task</th><th>tier</th><th>model</th><th>reason</th><th>outcome</th><th class="num opt">tokens</th><th class="num opt">latency</th><th class="num opt">session</th></tr></thead>
<tbody>
${rowsHtml(o.records)}
</tbody>
</table>
</div>
<p><button id="reset">Reset session</button></p>`;
}

function scopeHtml(o: SpendPageOptions, scope: SpendScope): string {
  if (scope === 'session') return sessionHtml(o);
  if (o.historyError) return `<p class="summary error">Could not read the ledger: ${escapeHtml(o.historyError)}</p>`;
  if (!o.history) return '<p class="summary muted">Reading the ledger…</p>';
  return scope === 'today' ? todayHtml(o.history) : sessionsHtml(o.history);
}

export function spendPageHtml(o: SpendPageOptions): string {
  const scope = o.scope ?? 'session';
  const tabs = SCOPES.map(([id, label]) =>
    `<button class="scope${id === scope ? ' active' : ''}" data-scope="${id}" aria-pressed="${id === scope}">${label}</button>`).join('');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${o.cspSource} 'nonce-${o.nonce}'; script-src 'nonce-${o.nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>LSP Router spend</title>
<style nonce="${o.nonce}">
  body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); padding: 0 12px 16px; }
  h2 { font-weight: 600; margin: 16px 0 4px; }
  .muted { color: var(--vscode-descriptionForeground); }
  .error { color: var(--vscode-errorForeground); }
  nav.scopes { margin: 12px 0 4px; display: flex; gap: 4px; flex-wrap: wrap; }
  button.scope { background: var(--vscode-button-secondaryBackground); color: var(--vscode-button-secondaryForeground); }
  button.scope.active { background: var(--vscode-button-background); color: var(--vscode-button-foreground); }
  .chart { max-width: 100%; height: auto; }
  .chart .axis { stroke: var(--vscode-editorWidget-border, #888); stroke-width: 1; }
  .chart .grid { stroke: var(--vscode-editorWidget-border, #888); stroke-width: 1; opacity: .3; }
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
  th, td { text-align: left; padding: 3px 6px; border-bottom: 1px solid var(--vscode-editorWidget-border, rgba(128,128,128,.3)); vertical-align: top; white-space: nowrap; }
  th { font-weight: 600; }
  td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
  th { white-space: normal; }
  /* the reason takes the width that is left and is cut with an ellipsis (max-width 0 lets the cell
     shrink below its text); the whole text, like the full model name, is on hover */
  td.reason { max-width: 0; width: 100%; overflow: hidden; text-overflow: ellipsis; min-width: 4em; }
  tr.current td { font-weight: 600; }
  /* a half-width panel keeps cost, task, tier, model, reason and outcome; the rest comes back when wider */
  @media (max-width: 760px) { .opt { display: none; } }
  .tier { padding: 0 6px; border-radius: 8px; background: var(--vscode-badge-background); color: var(--vscode-badge-foreground); }
  .tier-frontier .tier { background: var(--vscode-charts-orange, #d18616); color: var(--vscode-editor-background); }
  .empty { color: var(--vscode-descriptionForeground); font-style: italic; }
  button { color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: none; padding: 4px 10px; cursor: pointer; }
  button:hover { background: var(--vscode-button-hoverBackground); }
</style>
</head>
<body data-scope="${scope}">
<nav class="scopes" aria-label="Which spend">${tabs}</nav>
${scopeHtml(o, scope)}
<script nonce="${o.nonce}">
  const vscode = acquireVsCodeApi();
  document.getElementById('reset')?.addEventListener('click', () => vscode.postMessage({ type: 'reset' }));
  for (const b of document.querySelectorAll('button.scope')) {
    b.addEventListener('click', () => vscode.postMessage({ type: 'scope', scope: b.dataset.scope }));
  }
</script>
</body>
</html>`;
}
