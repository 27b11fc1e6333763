import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderMarkdown } from '../../src/markdown';
import { chartGeometry, chartSvg, escapeHtml, niceStep, rowsHtml, sessionsHtml, shortModel, spendPageHtml, todayHtml } from '../../src/spendHtml';
import type { SpendHistory } from '../../src/spendHtml';
import type { SpendRecord } from '../../src/state';

const rec = (index: number, cost: number, frontier: number, tier = 'mini'): SpendRecord => ({
  index,
  time: Date.UTC(2026, 0, 1, 12, 0, index),
  last: { task: 'explain', tier, model: `x:${tier}`, reason: '<b>why</b>', costUsd: 0.001, cached: false, outcome: 'ok', inputTokens: 10, outputTokens: 5, latencyMs: 420 },
  cumulativeUsd: cost,
  cumulativeFrontierUsd: frontier,
});

test('escapeHtml', () => {
  assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
});

test('chart: cumulative spend under the all-frontier line, starting at zero', () => {
  const g = chartGeometry([rec(1, 0.001, 0.01), rec(2, 0.002, 0.02)], 100, 100, { left: 10, right: 10, top: 10, bottom: 10 });
  assert.equal(g.maxUsd, 0.02);
  assert.equal(g.frontier, '10.0,90.0 50.0,50.0 90.0,10.0');
  assert.equal(g.actual, '10.0,90.0 50.0,86.0 90.0,82.0');
  assert.equal(chartGeometry([]).maxUsd, 0);
});

test('table rows: newest first, escaped, tier class', () => {
  const html = rowsHtml([rec(1, 0.001, 0.01), rec(2, 0.002, 0.02, 'frontier')]);
  assert.ok(html.indexOf('<td class="num">2</td>') < html.indexOf('<td class="num">1</td>'));
  assert.match(html, /&lt;b&gt;why&lt;\/b&gt;/);
  assert.match(html, /class="tier-frontier"/);
  assert.match(html, /10 in \/ 5 out/);
  assert.match(html, /420 ms/);
  assert.match(rowsHtml([]), /No requests/);
});

test('spend page has a CSP with the nonce, the chart and the table', () => {
  const html = spendPageHtml({ records: [rec(1, 0.001, 0.01)], snapshot: null, nonce: 'N0NCE', cspSource: 'vscode-webview:' });
  assert.match(html, /script-src 'nonce-N0NCE'/);
  assert.match(html, /<svg class="chart"/);
  assert.match(html, /<polyline class="frontier"/);
  assert.match(html, /<table id="requests">/);
});

test('chart axes: dollar ticks on y up to a round top, request numbers on x', () => {
  assert.equal(niceStep(0.064, 4), 0.02);
  assert.equal(niceStep(7, 5), 2);
  const records = [1, 2, 3, 4, 5, 6, 7].map((i) => rec(i, 0.001 * i, 0.009 * i));
  const g = chartGeometry(records);
  assert.ok(Math.abs(g.maxUsd - 0.08) < 1e-12, `top ${g.maxUsd}`); // 0.063 rounded up to a tick
  assert.deepEqual(g.yTicks.map((t) => +t.usd.toFixed(6)), [0, 0.02, 0.04, 0.06, 0.08]);
  assert.deepEqual(g.xTicks.map((t) => t.n), [0, 2, 4, 6]);
  const svg = chartSvg(records);
  assert.deepEqual([...svg.matchAll(/class="label y-tick"[^>]*>([^<]*)</g)].map((m) => m[1]), ['$0.00', '$0.02', '$0.04', '$0.06', '$0.08']);
  assert.deepEqual([...svg.matchAll(/class="label x-tick"[^>]*>([^<]*)</g)].map((m) => m[1]), ['0', '2', '4', '6']);
  assert.match(svg, /request #/);
});

test('request rows: cost first, model short with the full name on hover, reason whole on hover', () => {
  const r = rec(1, 0.00213, 0.02);
  r.last = { ...r.last, model: 'anthropic:claude-opus-4-7', costUsd: 0.00210375, reason: 'frontier: a long reason that is cut' };
  const html = rowsHtml([r]);
  assert.match(html, /^<tr[^>]*><td class="num cost" title="\$0\.002104">\$0\.0021<\/td>/);
  assert.match(html, /<td class="model" title="anthropic:claude-opus-4-7"><code>claude-opus-4-7<\/code>/);
  assert.match(html, /<td class="reason" title="frontier: a long reason that is cut">/);
  assert.equal(shortModel('openai:gpt-5.4-mini'), 'gpt-5.4-mini');
  assert.equal(shortModel('local-model'), 'local-model');
});

const history: SpendHistory = {
  today: { day: '2026-12-04', costUsd: 0.5, savedUsd: 1.5, requests: 12, cacheHits: 3, escalations: 1,
    byTier: { frontier: { costUsd: 0.45, savedUsd: 0, requests: 2, cacheHits: 0, escalations: 0 },
      mini: { costUsd: 0.05, savedUsd: 1.5, requests: 10, cacheHits: 3, escalations: 1, shown: 8, accepted: 6, acceptRate: 0.75, costPerAcceptedUsd: 0.0083 } } },
  sessions: [
    { id: 'new', start: '2026-12-04T10:00:00+00:00', end: '2026-12-04T11:00:00+00:00', current: true, costUsd: 0.2, savedUsd: 0.6, requests: 4, cacheHits: 1, escalations: 0, shown: 4, accepted: 2, costPerAcceptedUsd: 0.1 },
    { id: 'old', start: '2026-12-03T09:00:00+00:00', end: '2026-12-03T09:30:00+00:00', current: false, costUsd: 0.3, savedUsd: 0.9, requests: 0, cacheHits: 0, escalations: 0 },
  ],
};

test('today and last sessions: totals, tiers cheapest first, sessions newest first', () => {
  const today = todayHtml(history);
  assert.match(today, /id="today-cost"><span title="\$0\.50">\$0\.50</);
  assert.match(today, /12 requests · 3 cache hits · 1 escalation\b/);
  assert.ok(today.indexOf('tier-mini') < today.indexOf('tier-frontier'));
  assert.match(today, /data-tier="mini">75%/);
  const sessions = sessionsHtml(history);
  assert.ok(sessions.indexOf('data-session="new"') < sessions.indexOf('data-session="old"'));
  assert.match(sessions, /<tr class="current" data-session="new"><td class="num cost">/);
  assert.match(sessions, /this one/);
  assert.match(sessions, /50%/); // 2 of 4 accepted
  assert.match(sessionsHtml({ ...history, sessions: [] }), /No sessions/);
});

test('spend page: the switch marks its scope and the history replaces the session figures', () => {
  const page = spendPageHtml({ records: [], snapshot: null, nonce: 'N', cspSource: 'x', scope: 'sessions', history });
  assert.match(page, /data-scope="sessions" aria-pressed="true"/);
  assert.match(page, /<table id="sessions">/);
  assert.doesNotMatch(page, /<table id="requests">/);
  assert.match(spendPageHtml({ records: [], snapshot: null, nonce: 'N', cspSource: 'x', scope: 'today' }), /Reading the ledger/);
  assert.match(spendPageHtml({ records: [], snapshot: null, nonce: 'N', cspSource: 'x', scope: 'today', historyError: 'disk <full>' }), /disk &lt;full&gt;/);
});

test('markdown: escaped, code fences, lists, inline', () => {
  const html = renderMarkdown('# Title\n\nSome `a<b>` and **bold** <script>x</script>\n\n- one\n- two\n\n```python\nif a < b:\n    pass\n```');
  assert.match(html, /<h1>Title<\/h1>/);
  assert.match(html, /<code>a&lt;b&gt;<\/code>/);
  assert.match(html, /<strong>bold<\/strong>/);
  assert.match(html, /&lt;script&gt;/);
  assert.doesNotMatch(html, /<script>/);
  assert.match(html, /<ul><li>one<\/li><li>two<\/li><\/ul>/);
  assert.match(html, /<pre><code class="language-python">if a &lt; b:\n    pass<\/code><\/pre>/);
  // an unterminated fence while streaming still renders
  assert.match(renderMarkdown('```\npartial'), /<pre><code>partial<\/code><\/pre>/);
});
