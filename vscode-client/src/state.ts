// The extension's own state, kept pure (no `vscode` import) so unit tests can drive it:
// the session's request ledger (for the spend view) and the status bar view model.

import {
  budgetSeverity,
  formatUsd,
  providerDisplayName,
  spendText,
  teamOffline,
  tooltipMarkdown,
} from './format';
import type { LastRequest, SpendSnapshot } from './protocol';

export interface SpendRecord {
  /** 1-based position in this session. */
  index: number;
  /** Milliseconds since the epoch when the notification arrived. */
  time: number;
  last: LastRequest;
  /** Session totals right after this request. */
  cumulativeUsd: number;
  /** What the session would have cost with every request on the frontier model. */
  cumulativeFrontierUsd: number;
}

function num(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}

/**
 * This session's requests, accumulated from `lspRouter/spendChanged` notifications
 * (each carries the session totals and the `last` request).
 */
export class SessionLedger {
  sessionId: string | undefined;
  records: SpendRecord[] = [];
  latest: SpendSnapshot | null = null;
  private lastKey: string | undefined;

  /**
   * Take a snapshot. `fromNotification`: a spendChanged notification (one new request), as opposed
   * to the answer of an `lspRouter/spend` request (no new request). Returns true if a record was added.
   */
  apply(snapshot: SpendSnapshot, fromNotification: boolean, now = Date.now()): boolean {
    if (!snapshot || !snapshot.session) return false;
    const s = snapshot.session;
    if (this.sessionId !== s.id) {
      this.reset(s.id);
    }
    this.latest = snapshot;
    if (!fromNotification || !snapshot.last) return false;
    // One record per distinct change of the session's counters: a repeated notification for the
    // same request (same totals) is not a new request.
    const key = [s.requests, s.cacheHits, s.errors ?? 0, s.escalations, s.costUsd, s.savedUsd].join('|');
    if (key === this.lastKey) return false;
    this.lastKey = key;
    const cumulative = num(s.costUsd);
    const frontier =
      typeof s.frontierCostUsd === 'number' ? s.frontierCostUsd : cumulative + num(s.savedUsd);
    this.records.push({
      index: this.records.length + 1,
      time: now,
      last: snapshot.last,
      cumulativeUsd: cumulative,
      cumulativeFrontierUsd: frontier,
    });
    return true;
  }

  reset(sessionId?: string): void {
    this.sessionId = sessionId;
    this.records = [];
    this.latest = null;
    this.lastKey = undefined;
  }
}

export type Phase = 'starting' | 'running' | 'stopped' | 'error';

export interface NoKeyState {
  provider: string;
  message?: string;
}

export interface StatusState {
  phase: Phase;
  snapshot: SpendSnapshot | null;
  /** Providers that need a key and have none (from the server's lspRouter/status, or our own check). */
  noKey: NoKeyState[];
  /** Why the server is not running (phase 'error'). */
  error?: string;
}

export type Severity = 'none' | 'warning' | 'error';

export interface StatusView {
  text: string;
  tooltip: string;
  severity: Severity;
  command: { command: string; title: string; arguments?: unknown[] };
  accessibilityLabel: string;
}

export function initialStatusState(): StatusState {
  return { phase: 'starting', snapshot: null, noKey: [] };
}

/** Everything the status bar item shows, computed from the state. */
export function statusView(state: StatusState): StatusView {
  const snapshot = state.snapshot;
  const spend = spendText(snapshot?.session);
  if (state.phase === 'error') {
    return {
      text: '$(error) LSP Router',
      tooltip: tooltipMarkdown(snapshot, `$(error) **The server is not running.** ${state.error ?? ''}`.trim()),
      severity: 'error',
      command: { command: 'lspRouter.showOutput', title: 'Show the server log' },
      accessibilityLabel: `LSP Router: server not running. ${state.error ?? ''}`.trim(),
    };
  }
  if (state.noKey.length) {
    // Every provider the settings need that has no key, by name (issue 17); the click sets the first.
    const first = state.noKey[0];
    const name = providerDisplayName(first.provider);
    const names = state.noKey.map((k) => providerDisplayName(k.provider));
    const all = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : names[0];
    const links = state.noKey
      .map((k) => `[Set ${providerDisplayName(k.provider)} API key](command:lspRouter.setApiKey?${encodeURIComponent(JSON.stringify([k.provider]))})`)
      .join(' · ');
    const notice = `$(key) **No API key for ${all}.** ` + (first.message ? `${first.message} ` : '') + links;
    return {
      text: `$(key) No ${all} key${names.length > 1 ? 's' : ''}`,
      tooltip: tooltipMarkdown(snapshot, notice),
      severity: 'warning',
      command: { command: 'lspRouter.setApiKey', title: `Set ${name} API key`, arguments: [first.provider] },
      accessibilityLabel: `LSP Router: no ${all} API key${names.length > 1 ? 's' : ''}. Click to set ${name}'s.`,
    };
  }
  const phaseNote =
    state.phase === 'starting'
      ? '$(sync~spin) Starting the server…'
      : state.phase === 'stopped'
        ? '$(debug-stop) The server is stopped.'
        : undefined;
  const severities = [budgetSeverity(snapshot?.session.budget), budgetSeverity(snapshot?.team?.budget)];
  const severity = severities.includes('error') ? 'error' : severities.includes('warning') ? 'warning' : 'none';
  // quiet: an icon after the spend, the words in the tooltip and for screen readers
  const offline = teamOffline(snapshot);
  return {
    text: (state.phase === 'starting' ? `$(sync~spin) ${formatUsd(snapshot?.session.costUsd ?? 0)}` : spend) +
      (offline ? ' $(cloud-offline)' : ''),
    tooltip: tooltipMarkdown(snapshot, phaseNote),
    severity,
    command: { command: 'lspRouter.showSpend', title: 'Show session spend' },
    accessibilityLabel: `LSP Router session spend ${formatUsd(snapshot?.session.costUsd ?? 0)}` +
      (offline ? ', team ledger offline' : ''),
  };
}
