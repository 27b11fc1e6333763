import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderMarkdown } from '../../src/markdown';
import { chartGeometry, escapeHtml, rowsHtml, spendPageHtml } from '../../src/spendHtml';
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
  const g = chartGeometry([rec(1, 0.001, 0.01), rec(2, 0.002, 0.02)], 100, 100, 10);
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
