import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  budgetLine,
  budgetSeverity,
  escapeMarkdown,
  explainHeader,
  formatUsd,
  formatUsdPrecise,
  providerOfModel,
  spendText,
  tooltipMarkdown,
  statusMessage,
} from '../../src/format';
import type { SpendSnapshot } from '../../src/protocol';

test('formatUsd: the one money format, cents from a cent up, two significant digits below', () => {
  assert.equal(formatUsd(0), '$0.00');
  assert.equal(formatUsd(0.042), '$0.04');
  assert.equal(formatUsd(0.31), '$0.31');
  assert.equal(formatUsd(0.315), '$0.32');
  assert.equal(formatUsd(0.01), '$0.01');
  assert.equal(formatUsd(0.0099), '$0.0099');
  assert.equal(formatUsd(0.00999), '$0.01');
  assert.equal(formatUsd(0.0035), '$0.0035');
  assert.equal(formatUsd(0.00210375), '$0.0021');
  assert.equal(formatUsd(0.00073), '$0.00073');
  assert.equal(formatUsd(0.00003456), '$0.000035');
  assert.equal(formatUsd(0.0999), '$0.10');
  assert.equal(formatUsd(1), '$1.00');
  assert.equal(formatUsd(4.4), '$4.40');
  assert.equal(formatUsd(12.5), '$12.50');
  assert.equal(formatUsd(1234.567), '$1,234.57');
  assert.equal(formatUsd(-0.0021), '-$0.0021');
  assert.equal(formatUsd(1.2e-8), '$0.000000012');
  assert.equal(formatUsd(null), '$—');
  assert.equal(formatUsd(undefined), '$—');
  assert.equal(formatUsd(Number.NaN), '$—');
});

test('formatUsdPrecise: up to six decimals, at least two', () => {
  assert.equal(formatUsdPrecise(0), '$0.00');
  assert.equal(formatUsdPrecise(0.5), '$0.50');
  assert.equal(formatUsdPrecise(0.0003456789), '$0.000346');
  assert.equal(formatUsdPrecise(0.000105), '$0.000105');
  assert.equal(formatUsdPrecise(1234.5), '$1,234.50');
  assert.equal(formatUsdPrecise(1e-8), '<$0.000001');
  assert.equal(formatUsdPrecise(null), '—');
});

test('spendText: the status bar text', () => {
  assert.equal(spendText(null), '$(pulse) $0.00');
  assert.equal(spendText({ costUsd: 0, savedUsd: 0 }), '$(pulse) $0.00');
  assert.equal(spendText({ costUsd: 0.0042, savedUsd: 0.31 }), '$(pulse) $0.0042 · saved $0.31');
  assert.equal(spendText({ costUsd: 0.042, savedUsd: -0.01 }), '$(pulse) $0.04');
});

test('providerOfModel', () => {
  assert.equal(providerOfModel('openai:gpt-5.4-mini'), 'openai');
  assert.equal(providerOfModel('anthropic:claude-opus-4-7'), 'anthropic');
  assert.equal(providerOfModel('gpt-4o'), '');
  assert.equal(providerOfModel(undefined), '');
});

test('escapeMarkdown keeps table cells intact', () => {
  assert.equal(escapeMarkdown('a|b'), 'a\\|b');
  assert.equal(escapeMarkdown('line\nbreak'), 'line break');
  assert.equal(escapeMarkdown('*x*'), '\\*x\\*');
});

test('budget severity and line', () => {
  assert.equal(budgetSeverity(undefined), 'none');
  assert.equal(budgetSeverity({ cap: 1, used: 0.1, state: 'ok' }), 'none');
  assert.equal(budgetSeverity({ cap: 1, used: 0.9, state: 'near' }), 'warning');
  assert.equal(budgetSeverity({ cap: 1, used: 1.2, state: 'over' }), 'error');
  assert.equal(budgetSeverity({ cap: 1, used: 1.2, state: 'stopped' }), 'error');
  assert.equal(budgetLine({ cap: null, used: 0, state: 'ok' }), undefined);
  assert.equal(
    budgetLine({ cap: 2, used: 1.8, state: 'near', scope: 'session' }),
    'Budget: $1.80 of $2.00 session cap (90%) — $(warning) near the cap',
  );
});

export const SNAPSHOT: SpendSnapshot = {
  session: {
    id: 's-123',
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
      autocomplete: { costUsd: 0.0023456, savedUsd: 0.11, requests: 3, cacheHits: 1, escalations: 0 },
    },
    byTier: { frontier: { costUsd: 0.01, requests: 1 }, mini: { costUsd: 0.0023456, requests: 4 } },
    budget: { cap: 1, used: 0.0123456, state: 'ok', scope: 'session' },
  },
  last: {
    task: 'explain',
    tier: 'frontier',
    model: 'anthropic:claude-opus-4-7',
    reason: 'escalated: mini answer failed the check',
    costUsd: 0.008,
    cached: false,
    outcome: 'ok',
    priced: true,
    inputTokens: 1200,
    outputTokens: 300,
    latencyMs: 2300,
  },
};

test('tooltipMarkdown breaks the session down by task and tier, in the one money format', () => {
  const md = tooltipMarkdown(SNAPSHOT);
  assert.match(md, /Session `s-123`: \*\*\$0\.01\*\* spent \(exactly \$0\.012346\), \*\*\$0\.31\*\* saved vs all-frontier \(\$0\.32\)/);
  assert.match(md, /5 requests · 1 cache hit · 1 escalation/);
  assert.match(md, /\*\*By task\*\*/);
  // tasks in the usual order: autocomplete before explain
  assert.ok(md.indexOf('| autocomplete |') < md.indexOf('| explain |'));
  const cells = (row: string) => row.split('|').slice(1, -1).map((c) => c.replace(/&nbsp;/g, ' ').trim());
  const rows = md.split('\n').filter((l) => l.startsWith('| '));
  assert.deepEqual(cells(rows[0]), ['task', 'cost', 'saved', 'requests', 'cache hits', 'escalations']);
  // the tiers in a table of their own, cheapest first, with the accept rate beside the cost
  const tierRows = md.split('**By tier**')[1].split('\n').filter((l) => l.startsWith('| ')).map(cells);
  assert.deepEqual(tierRows, [['tier', 'cost', 'requests', 'accepted'], ['mini', '$0.0023', '4', '–'], ['frontier', '$0.01', '1', '–']]);
  assert.deepEqual(cells(rows[1]), ['autocomplete', '$0.0023', '$0.11', '3', '1', '0']);
  assert.deepEqual(cells(rows[2]), ['explain', '$0.01', '$0.20', '2', '0', '1']);
  // a hover renders tables without padding: every column after the first gets room
  for (const row of rows) {
    const raw = row.split('|').slice(2, -1);
    assert.ok(raw.every((c) => c.trim().startsWith('&nbsp;&nbsp;')), row);
  }
  assert.match(md, /\*\*Last:\*\* explain → \*\*frontier\*\* `anthropic:claude-opus-4-7` — escalated: mini answer failed the check · \$0\.0080/);
  assert.match(md, /Budget: \$0\.01 of \$1\.00 session cap \(1%\)/);
  assert.match(md, /command:lspRouter\.showSpend/);
  // no amount in more than two significant digits below a cent, or in fractions of a cent above it,
  // except the one exact figure
  const amounts = md.replace('exactly $0.012346', '').match(/\$\d[\d,]*\.\d+/g) ?? [];
  for (const a of amounts) {
    const v = Number(a.slice(1).replace(/,/g, ''));
    assert.equal(a, formatUsd(v), a);
  }
});

test('tooltipMarkdown names no model for a static answer (lsp-router answered it)', () => {
  const md = tooltipMarkdown({
    ...SNAPSHOT,
    last: { ...SNAPSHOT.last!, task: 'rename', tier: 'static', model: 'lsp-router:static', costUsd: 0,
      reason: 'static: rename of a local, 5 occurrences, by scope analysis (no model)' },
  });
  assert.match(md, /\*\*Last:\*\* rename → \*\*static\*\* — static: rename of a local, 5 occurrences/);
  assert.doesNotMatch(md, /lsp-router:static/);
});

test('tooltipMarkdown without data, with a notice, cached last request', () => {
  assert.match(tooltipMarkdown(null), /No requests yet/);
  const md = tooltipMarkdown({ ...SNAPSHOT, last: { ...SNAPSHOT.last!, cached: true, costUsd: 0 } }, 'NOTICE');
  assert.match(md, /NOTICE/);
  assert.match(md, /· cache hit/);
  const unpriced = tooltipMarkdown({ ...SNAPSHOT, last: { ...SNAPSHOT.last!, costUsd: null, priced: false } });
  assert.match(unpriced, /· unpriced/);
});

test('explainHeader', () => {
  assert.equal(
    explainHeader({ tier: 'mini', model: 'openai:gpt-5.4-mini', costUsd: 0.000123, cached: false, reason: 'short selection' }),
    'mini · openai:gpt-5.4-mini · $0.00012 · short selection',
  );
  assert.equal(explainHeader({ tier: 'mini', model: 'm', costUsd: 0, cached: true }), 'mini · m · cache hit');
  assert.equal(explainHeader({ costUsd: null }), 'unpriced');
});

test('tooltipMarkdown orders the tiers cheapest first, static and nano included', () => {
  const md = tooltipMarkdown({
    ...SNAPSHOT,
    session: {
      ...SNAPSHOT.session,
      byTier: {
        frontier: { costUsd: 0.01, requests: 1 },
        mini: { costUsd: 0.002, requests: 2 },
        nano: { costUsd: 0.0004, requests: 5 },
        static: { costUsd: 0, requests: 3 },
      },
      quality: { byTier: { nano: { shown: 4, accepted: 3, acceptRate: 0.75 } } },
    },
  } as SpendSnapshot);
  const cells = (row: string) => row.split('|').slice(1, -1).map((c) => c.replace(/&nbsp;/g, ' ').trim());
  const rows = md.split('**By tier**')[1].split('\n\n')[1].split('\n').map(cells);
  assert.deepEqual(rows.slice(2).map((r) => r[0]), ['static', 'nano', 'mini', 'frontier']);
  assert.deepEqual(rows[3], ['nano', '$0.00040', '5', '3 of 4 (75%)']);
  assert.deepEqual(rows[4], ['mini', '$0.0020', '2', '–']);
});

test('statusMessage is short: verb, tier and cost, never the model or the reason', () => {
  const r = { tier: 'mini', model: 'openai:gpt-5.4-mini', costUsd: 0.003802, reason: 'mini (pinned): routing.refactor = mini' };
  assert.equal(statusMessage('refactored', r), 'LSP Router: refactored · mini · $0.0038');
  assert.equal(statusMessage('refactored', { tier: 'frontier', cached: true, costUsd: 0 }), 'LSP Router: refactored · frontier · cache hit');
  assert.equal(statusMessage('refactored', { tier: 'mini', costUsd: null }), 'LSP Router: refactored · mini · unpriced');
  assert.ok(statusMessage('refactored', r).length <= 48);
});
