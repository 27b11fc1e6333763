import { test } from 'node:test';
import assert from 'node:assert/strict';
import { initialStatusState, SessionLedger, statusView, type StatusState } from '../../src/state';
import type { SpendSnapshot } from '../../src/protocol';

function snap(id: string, requests: number, cost: number, saved: number, last = true): SpendSnapshot {
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
      budget: { cap: null, used: cost, state: 'ok' },
    },
    last: last
      ? { task: 'explain', tier: 'mini', model: 'openai:gpt-5.4-mini', reason: 'r', costUsd: 0.001, cached: false, outcome: 'ok' }
      : null,
  };
}

test('ledger: one record per new request, cumulative and counterfactual', () => {
  const l = new SessionLedger();
  assert.equal(l.apply(snap('a', 0, 0, 0, false), false), false);
  assert.equal(l.records.length, 0);
  assert.equal(l.apply(snap('a', 1, 0.001, 0.01), true, 1000), true);
  assert.equal(l.apply(snap('a', 1, 0.001, 0.01), true, 1001), false, 'same totals: not a new request');
  assert.equal(l.apply(snap('a', 2, 0.003, 0.02), true, 2000), true);
  assert.deepEqual(
    l.records.map((r) => [r.index, r.cumulativeUsd, r.cumulativeFrontierUsd]),
    [
      [1, 0.001, 0.011],
      [2, 0.003, 0.023],
    ],
  );
  // a pulled snapshot (lspRouter/spend) never adds a record
  assert.equal(l.apply(snap('a', 3, 0.004, 0.03), false), false);
  assert.equal(l.latest?.session.requests, 3);
});

test('ledger: a new session id starts over', () => {
  const l = new SessionLedger();
  l.apply(snap('a', 1, 0.001, 0.01), true);
  l.apply(snap('b', 1, 0.002, 0), true);
  assert.equal(l.sessionId, 'b');
  assert.equal(l.records.length, 1);
  assert.equal(l.records[0].cumulativeUsd, 0.002);
});

test('status view: running, spend and budget colours', () => {
  const s: StatusState = { ...initialStatusState(), phase: 'running' };
  let v = statusView(s);
  assert.equal(v.text, '$(pulse) $0.00');
  assert.equal(v.severity, 'none');
  assert.equal(v.command.command, 'lspRouter.showSpend');

  s.snapshot = snap('a', 2, 0.042, 0.31);
  v = statusView(s);
  assert.equal(v.text, '$(pulse) $0.04 · saved $0.31');
  assert.match(v.tooltip, /Session `a`/);

  s.snapshot.session.budget = { cap: 0.05, used: 0.042, state: 'near', scope: 'session' };
  assert.equal(statusView(s).severity, 'warning');
  s.snapshot.session.budget = { cap: 0.04, used: 0.042, state: 'over', scope: 'session' };
  assert.equal(statusView(s).severity, 'error');
  s.snapshot.session.budget = { cap: 0.04, used: 0.042, state: 'stopped', scope: 'session' };
  assert.equal(statusView(s).severity, 'error');
});

test('status view: no key, with a one-click fix', () => {
  const s: StatusState = { ...initialStatusState(), phase: 'running', noKey: [{ provider: 'anthropic', message: 'No key.' }] };
  const v = statusView(s);
  assert.equal(v.text, '$(key) No Anthropic key');
  assert.equal(v.severity, 'warning');
  assert.deepEqual(v.command.arguments, ['anthropic']);
  assert.equal(v.command.command, 'lspRouter.setApiKey');
  assert.match(v.tooltip, /command:lspRouter\.setApiKey\?%5B%22anthropic%22%5D/);
});

test('status view: every provider without a key is named (issue 17)', () => {
  const s: StatusState = { ...initialStatusState(), phase: 'running', noKey: [{ provider: 'openai' }, { provider: 'anthropic' }] };
  const v = statusView(s);
  assert.equal(v.text, '$(key) No OpenAI and Anthropic keys');
  assert.match(v.tooltip, /No API key for OpenAI and Anthropic\./);
  assert.match(v.tooltip, /Set OpenAI API key\]\(command:lspRouter\.setApiKey\?%5B%22openai%22%5D\)/);
  assert.match(v.tooltip, /Set Anthropic API key\]\(command:lspRouter\.setApiKey\?%5B%22anthropic%22%5D\)/);
});

test('status view: starting and error', () => {
  assert.match(statusView(initialStatusState()).text, /^\$\(sync~spin\) \$0\.00$/);
  const v = statusView({ ...initialStatusState(), phase: 'error', error: 'Could not find lsp-router.' });
  assert.equal(v.severity, 'error');
  assert.equal(v.command.command, 'lspRouter.showOutput');
  assert.match(v.tooltip, /Could not find lsp-router/);
});

test('team ledger: the spend object\'s team shows in the tooltip; offline is a quiet icon, words in the tooltip', () => {
  const online: SpendSnapshot = {
    ...snap('t', 2, 0.01, 0),
    team: {
      costUsd: 0.25, monthCostUsd: 3.5, userCostUsd: 0.1, user: 'alice@example.com', name: 'core', ledger: 'online',
      budget: { cap: 1, used: 0.85, state: 'near', scope: 'teamDaily' },
      byUser: [{ user: 'bob@example.com', costUsd: 0.15 }, { user: 'alice@example.com', costUsd: 0.1 }],
    },
  };
  const state: StatusState = { ...initialStatusState(), phase: 'running', snapshot: online };
  const view = statusView(state);
  assert.doesNotMatch(view.text, /cloud-offline/);
  assert.match(view.tooltip, /\*\*Team core:\*\* \$0\.25 today · \$3\.50 this month · you \(alice@example\.com\) \$0\.10/);
  assert.match(view.tooltip, /Budget: \$0\.85 of \$1\.00 team daily cap \(85%\)/);
  assert.match(view.tooltip, /\| bob@example\.com \| (&nbsp;)+\$0\.15 \|/);
  assert.equal(view.severity, 'warning', 'a team cap near: the same warning colour as a session cap');

  const offline = statusView({ ...state, snapshot: { ...online, team: { ...online.team!, ledger: 'offline', unsent: 3, byUser: undefined } } });
  assert.match(offline.text, / \$\(cloud-offline\)$/);
  assert.match(offline.tooltip, /Team ledger offline: 3 rows kept locally, sent when it is back\./);
  assert.match(offline.accessibilityLabel, /team ledger offline/);
  assert.doesNotMatch(offline.tooltip, /\| user \|/);

  const alone = statusView({ ...state, snapshot: snap('t', 2, 0.01, 0) });
  assert.doesNotMatch(alone.tooltip, /Team/);
});
