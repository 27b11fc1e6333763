// The spend view's HTML: this session's requests as a table and an inline SVG chart of cumulative
// spend against the all-frontier counterfactual. Pure (no `vscode` import): unit tested.

import { formatLatency, formatTokens, formatUsd, formatUsdPrecise } from './format';
import type { SessionSpend, SpendSnapshot } from './protocol';
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
  maxUsd: number;
}

/** Chart geometry: x = request number (0 = start of session), y = cumulative USD. */
export function chartGeometry(records: SpendRecord[], width = 560, height = 180, pad = 28): ChartGeometry {
  const n = records.length;
  const maxUsd = Math.max(
    1e-9,
    ...records.map((r) => r.cumulativeFrontierUsd),
    ...records.map((r) => r.cumulativeUsd),
  );
  const x = (i: number) => pad + (n === 0 ? 0 : (i / n) * (width - 2 * pad));
  const y = (v: number) => height - pad - (v / maxUsd) * (height - 2 * pad);
  const pts = (f: (r: SpendRecord) => number) =>
    [`${x(0).toFixed(1)},${y(0).toFixed(1)}`, ...records.map((r, i) => `${x(i + 1).toFixed(1)},${y(f(r)).toFixed(1)}`)].join(' ');
  return {
    width,
    height,
    actual: pts((r) => r.cumulativeUsd),
    frontier: pts((r) => r.cumulativeFrontierUsd),
    maxUsd: records.length ? maxUsd : 0,
  };
}

export function chartSvg(records: SpendRecord[]): string {
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

export function rowsHtml(records: SpendRecord[]): string {
  if (!records.length) {
    return '<tr><td colspan="11" class="empty">No requests in this session yet.</td></tr>';
  }
  return [...records]
    .reverse()
    .map((r) => {
      const l = r.last;
      const cost = l.cached ? 'cache hit' : l.costUsd === null || l.priced === false ? 'unpriced' : formatUsdPrecise(l.costUsd);
      const time = new Date(r.time).toLocaleTimeString('en-GB', { hour12: false });
      return (
        `<tr class="tier-${escapeHtml(l.tier)}">` +
        `<td class="num">${r.index}</td>` +
        `<td>${escapeHtml(time)}</td>` +
        `<td>${escapeHtml(l.task)}</td>` +
        `<td><span class="tier">${escapeHtml(l.tier)}</span></td>` +
        `<td><code>${escapeHtml(l.model)}</code></td>` +
        `<td>${escapeHtml(l.reason)}</td>` +
        `<td>${escapeHtml(formatTokens(l.inputTokens, l.outputTokens))}</td>` +
        `<td class="num">${escapeHtml(formatLatency(l.latencyMs))}</td>` +
        `<td class="num">${escapeHtml(cost)}</td>` +
        `<td class="num">${escapeHtml(formatUsdPrecise(r.cumulativeUsd))}</td>` +
        `<td>${escapeHtml(l.outcome ?? 'ok')}</td>` +
        `</tr>`
      );
    })
    .join('\n');
}

/** Cost and accept rate per tier, side by side: the quality half of the claim. */
export function tierQualityHtml(s: SessionSpend): string {
  const tiers = Object.keys(s.byTier ?? {}).concat(Object.keys(s.quality?.byTier ?? {}));
  const unique = [...new Set(tiers)].sort((a, b) => TIERS.indexOf(a) - TIERS.indexOf(b));
  if (!unique.length) return '';
  const rows = unique
    .map((t) => {
      const cost = s.byTier?.[t];
      const q = s.quality?.byTier?.[t];
      const rate = q && q.shown ? `${Math.round((100 * q.accepted) / q.shown)}%` : '–';
      const perAccepted = q?.costPerAcceptedUsd != null ? formatUsdPrecise(q.costPerAcceptedUsd) : '–';
      return (
        `<tr class="tier-${escapeHtml(t)}"><td><span class="tier">${escapeHtml(t)}</span></td>` +
        `<td class="num">${escapeHtml(cost ? formatUsdPrecise(cost.costUsd) : '–')}</td>` +
        `<td class="num">${cost?.requests ?? 0}</td>` +
        `<td class="num accept-rate" data-tier="${escapeHtml(t)}">${escapeHtml(rate)}</td>` +
        `<td class="num">${q ? `${q.accepted} / ${q.shown}` : '–'}</td>` +
        `<td class="num">${escapeHtml(perAccepted)}</td></tr>`
      );
    })
    .join('');
  return `<table class="tiers" id="tier-quality"><thead><tr><th>tier</th><th class="num">cost</th><th class="num">requests</th>` +
    `<th class="num">accept rate</th><th class="num">accepted / shown</th><th class="num">cost / accepted</th></tr></thead>` +
    `<tbody>${rows}</tbody></table>`;
}

const TIERS = ['static', 'nano', 'mini', 'frontier'];

export interface SpendPageOptions {
  records: SpendRecord[];
  snapshot: SpendSnapshot | null;
  nonce: string;
  cspSource: string;
}

export function spendPageHtml(o: SpendPageOptions): string {
  const s = o.snapshot?.session;
  const summary = s
    ? `<p class="summary"><strong id="session-cost">${escapeHtml(formatUsdPrecise(s.costUsd))}</strong> spent ·
       <strong>${escapeHtml(formatUsdPrecise(s.savedUsd))}</strong> saved against all-frontier
       (${escapeHtml(formatUsdPrecise(s.frontierCostUsd ?? s.costUsd + s.savedUsd))}) ·
       ${s.requests} requests · ${s.cacheHits} cache hits · ${s.escalations} escalations
       <span class="muted">— session <code id="session-id">${escapeHtml(s.id)}</code></span></p>
       ${tierQualityHtml(s)}`
    : '<p class="summary muted">No spend reported by the server yet.</p>';
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
