// The lsp-router server's custom protocol, as the extension sees it.
// Pure types and names: no `vscode` import, so unit tests can load everything that uses them.

/** Notification server -> client, sent after every request that changed the session's spend. */
export const SPEND_CHANGED = 'lspRouter/spendChanged';
/** Request client -> server, no params: the same payload as SPEND_CHANGED. */
export const SPEND_REQUEST = 'lspRouter/spend';
/** Today's totals and the last sessions' (the spend view's switch). */
export const SPEND_HISTORY_REQUEST = 'lspRouter/spendHistory';
/** Notification server -> client: `{state: "noKey", provider, message}` and friends. */
export const STATUS_NOTIFICATION = 'lspRouter/status';

/** `workspace/executeCommand` commands the server implements. */
export const SERVER_COMMANDS = {
  explain: 'lspRouter.explain',
  refactor: 'lspRouter.refactor',
  resetSession: 'lspRouter.resetSession',
} as const;

export type Tier = 'mini' | 'frontier' | string;
export type BudgetState = 'ok' | 'near' | 'over' | 'stopped';

export interface TaskSpend {
  costUsd: number;
  savedUsd?: number;
  requests: number;
  cacheHits?: number;
  escalations?: number;
}

export interface TierSpend {
  costUsd: number;
  requests: number;
}

export interface BudgetInfo {
  cap: number | null;
  used: number;
  state: BudgetState | string;
  scope?: string | null;
}

export interface SessionSpend {
  id: string;
  costUsd: number;
  savedUsd: number;
  frontierCostUsd?: number;
  requests: number;
  cacheHits: number;
  escalations: number;
  errors?: number;
  unpriced?: number;
  byTask?: Record<string, TaskSpend>;
  byTier?: Record<string, TierSpend>;
  budget?: BudgetInfo | null;
  quality?: Quality;
}

/** Accept counts of the answers shown (issue 14): `session.quality.byTier` / `.byTask`. */
export interface AcceptStats {
  shown: number;
  accepted: number;
  acceptRate: number | null;
  costPerAcceptedUsd?: number | null;
}

export interface Quality {
  byTier?: Record<string, AcceptStats>;
  byTask?: Record<string, AcceptStats>;
}

/** Client -> server: what became of a ghost text item (`lspRouter/completionOutcome`). */
export const COMPLETION_OUTCOME = 'lspRouter/completionOutcome';
export const COMPLETION_ACCEPTED = 'lspRouter.completionAccepted';
export type CompletionOutcome = 'shown' | 'accepted' | 'partial' | 'dismissed';
export interface CompletionOutcomeParams {
  id: string;
  outcome: CompletionOutcome;
  acceptedChars?: number;
}

export interface LastRequest {
  task: string;
  tier: Tier;
  model: string;
  reason: string;
  costUsd: number | null;
  cached: boolean;
  outcome?: string;
  priced?: boolean;
  inputTokens?: number;
  outputTokens?: number;
  latencyMs?: number;
}

/** `team`: only when a team ledger (`storage.ledger`, PostgreSQL) is configured (issue 16). */
export interface TeamSpend {
  costUsd: number; // the team's spend today, every machine
  monthCostUsd?: number;
  userCostUsd?: number;
  budget?: BudgetInfo | null; // the tightest of budget.team.dailyUsd, budget.team.monthlyUsd, budget.user.dailyUsd
  byUser?: { user: string; costUsd: number }[]; // only when the database lets this user see it
  ledger?: 'online' | 'offline' | string;
  user?: string;
  name?: string;
  unsent?: number; // rows kept locally until the team ledger is back
}

export interface SpendSnapshot {
  session: SessionSpend;
  last: LastRequest | null;
  team?: TeamSpend;
}

export interface StatusNotificationParams {
  state: 'noKey' | string;
  provider?: string;
  message?: string;
}

/** Result of `lspRouter.explain`. */
export interface ExplainResult {
  markdown: string;
  model?: string;
  tier?: Tier;
  costUsd?: number | null;
  cached?: boolean;
  reason?: string;
}
