// Pure formatting: money, status bar text, tooltip markdown. No `vscode` import (unit tested).

import type { BudgetInfo, LastRequest, SessionSpend, SpendSnapshot, TeamSpend } from './protocol';

const MAX_DECIMALS = 6;

function stripZeros(s: string, minDecimals: number): string {
  const dot = s.indexOf('.');
  if (dot < 0) return s;
  let end = s.length;
  while (end > dot + 1 + minDecimals && s[end - 1] === '0') end--;
  if (end === dot + 1) end = dot; // never leave a bare "."
  return s.slice(0, end);
}

function isNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/**
 * The one money format (status bar, tooltip, spend view; the same as the CLI's `format_usd`):
 * cents from one cent up, two significant digits below it. Exact values are in the JSON and on hover
 * (`formatUsdPrecise`).
 *   0 -> "$0.00", 0.042 -> "$0.04", 12.5 -> "$12.50", 0.00210375 -> "$0.0021", 0.00073 -> "$0.00073".
 */
export function formatUsd(value: number | null | undefined): string {
  if (!isNumber(value)) return '$—';
  if (value === 0) return '$0.00';
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  if (abs < 0.01) {
    const decimals = Math.min(20, 1 - Math.floor(Math.log10(abs)));
    const text = abs.toFixed(decimals);
    if (Number(text) < 0.01) return `${sign}$${text}`;
  }
  return `${sign}$${abs.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** Money with up to six decimals (tooltips, tables): 0.0003456789 -> "$0.000346", 0.5 -> "$0.50". */
export function formatUsdPrecise(value: number | null | undefined): string {
  if (!isNumber(value)) return '—';
  if (value === 0) return '$0.00';
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  const fixed = abs.toFixed(MAX_DECIMALS);
  if (Number(fixed) === 0) return `${sign === '-' ? '>-' : '<'}$0.000001`;
  const [intPart, frac] = stripZeros(fixed, 2).split('.');
  const grouped = Number(intPart).toLocaleString('en-US');
  return `${sign}$${grouped}${frac !== undefined ? '.' + frac : ''}`;
}

export function formatCount(n: number | null | undefined, singular: string, plural = singular + 's'): string {
  const v = isNumber(n) ? n : 0;
  return `${v} ${v === 1 ? singular : plural}`;
}

export function formatLatency(ms: number | null | undefined): string {
  if (!isNumber(ms)) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(1)} s`;
}

export function formatTokens(input: number | null | undefined, output: number | null | undefined): string {
  if (!isNumber(input) && !isNumber(output)) return '—';
  return `${isNumber(input) ? input : 0} in / ${isNumber(output) ? output : 0} out`;
}

/** "openai:gpt-5.4-mini" -> "openai"; a bare model name -> "". */
export function providerOfModel(model: string | null | undefined): string {
  if (!model) return '';
  const i = model.indexOf(':');
  return i > 0 ? model.slice(0, i) : '';
}

const PROVIDER_NAMES: Record<string, string> = { openai: 'OpenAI', anthropic: 'Anthropic' };

export function providerDisplayName(provider: string): string {
  return PROVIDER_NAMES[provider] ?? provider;
}

/** Escape text for use inside a markdown table cell or inline text. */
export function escapeMarkdown(text: string): string {
  return String(text)
    .replace(/\\/g, '\\\\')
    .replace(/([`*_{}\[\]<>#|~])/g, '\\$1')
    .replace(/\r?\n/g, ' ');
}

export function budgetSeverity(budget: BudgetInfo | null | undefined): 'none' | 'warning' | 'error' {
  switch (budget?.state) {
    case 'near':
      return 'warning';
    case 'over':
    case 'stopped':
      return 'error';
    default:
      return 'none';
  }
}

/** The team ledger's scopes (issue 16) as a person reads them. */
const SCOPE_NAMES: Record<string, string> = { teamDaily: 'team daily', teamMonthly: 'team monthly', userDaily: 'your daily' };

export function budgetLine(budget: BudgetInfo | null | undefined): string | undefined {
  if (!budget || !isNumber(budget.cap)) return undefined;
  const scope = budget.scope ? `${SCOPE_NAMES[budget.scope] ?? budget.scope} ` : '';
  const pct = budget.cap > 0 ? ` (${Math.round((budget.used / budget.cap) * 100)}%)` : '';
  const state =
    budget.state === 'near'
      ? ' — $(warning) near the cap'
      : budget.state === 'over'
        ? ' — $(error) over the cap'
        : budget.state === 'stopped'
          ? ' — $(error) stopped: requests refused'
          : '';
  return `Budget: ${formatUsd(budget.used)} of ${formatUsd(budget.cap)} ${scope}cap${pct}${state}`;
}

/** Status bar text for a spend snapshot, e.g. "$(pulse) $0.042 · saved $0.31". */
export function spendText(session: Pick<SessionSpend, 'costUsd' | 'savedUsd'> | null | undefined): string {
  const cost = formatUsd(session?.costUsd ?? 0);
  const saved = session?.savedUsd ?? 0;
  return saved > 0 ? `$(pulse) ${cost} · saved ${formatUsd(saved)}` : `$(pulse) ${cost}`;
}

function lastLine(last: LastRequest): string {
  const parts = [
    `**Last:** ${escapeMarkdown(last.task)} → **${escapeMarkdown(String(last.tier))}**`,
    // the static tier's "model" is lsp-router itself: its reason says how it was answered
    last.model && last.tier !== 'static' ? ` \`${last.model.replace(/`/g, "'")}\`` : '',
    last.reason ? ` — ${escapeMarkdown(last.reason)}` : '',
    ` · ${last.cached ? 'cache hit' : last.costUsd === null || last.priced === false ? 'unpriced' : formatUsd(last.costUsd)}`,
    last.outcome && last.outcome !== 'ok' ? ` · ${escapeMarkdown(last.outcome)}` : '',
  ];
  return parts.join('');
}

/**
 * One row of the tooltip's table. A hover renders Markdown tables without cell padding, so the
 * headers ran together ("saved requests cache hits"): every cell after the first gets room.
 */
export const CELL_GAP = '&nbsp;&nbsp;&nbsp;';

function tableRow(cells: string[]): string {
  return `| ${cells.map((c, i) => (i === 0 ? c : CELL_GAP + c)).join(' | ')} |`;
}

/** True while the team ledger is configured and unreachable (rows wait locally). */
export function teamOffline(snapshot: SpendSnapshot | null | undefined): boolean {
  return snapshot?.team?.ledger === 'offline';
}

/** The tooltip's team part: the team's spend across machines, its budget, the ledger's state. */
export function teamLines(team: TeamSpend | null | undefined): string[] {
  if (!team) return [];
  const name = team.name ? ` ${escapeMarkdown(team.name)}` : '';
  const lines: string[] = [];
  lines.push(
    `**Team${name}:** ${formatUsd(team.costUsd)} today` +
      (isNumber(team.monthCostUsd) ? ` · ${formatUsd(team.monthCostUsd)} this month` : '') +
      (isNumber(team.userCostUsd) ? ` · you${team.user ? ` (${escapeMarkdown(team.user)})` : ''} ${formatUsd(team.userCostUsd)}` : ''),
  );
  const b = budgetLine(team.budget);
  if (b) {
    lines.push('');
    lines.push(b);
  }
  if (team.byUser?.length) {
    lines.push('');
    lines.push(tableRow(['user', 'today']));
    lines.push('|:--|--:|');
    for (const u of team.byUser) lines.push(tableRow([escapeMarkdown(u.user), formatUsd(u.costUsd)]));
  }
  if (team.ledger === 'offline') {
    lines.push('');
    const rows = isNumber(team.unsent) && team.unsent > 0 ? ` ${formatCount(team.unsent, 'row')} kept locally,` : '';
    lines.push(`$(cloud-offline) Team ledger offline:${rows} sent when it is back.`);
  }
  return lines;
}

/** Order tasks the way users think of them, unknown ones after. */
const TASK_ORDER = ['autocomplete', 'rename', 'explain', 'refactor'];
const TIER_ORDER = ['static', 'nano', 'mini', 'frontier'];

function ordered(keys: string[], order: string[]): string[] {
  return [...keys].sort((a, b) => {
    const ia = order.indexOf(a);
    const ib = order.indexOf(b);
    return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || a.localeCompare(b);
  });
}

/**
 * The status bar tooltip: session totals, a by-task table, a by-tier table, the last request,
 * the budget, and command links. Markdown for a `vscode.MarkdownString` with `supportThemeIcons`.
 */
export function tooltipMarkdown(snapshot: SpendSnapshot | null | undefined, notice?: string): string {
  const lines: string[] = [];
  lines.push('**LSP Router** — session spend');
  lines.push('');
  if (notice) {
    lines.push(notice);
    lines.push('');
  }
  if (!snapshot) {
    lines.push('No requests yet.');
  } else {
    const s = snapshot.session;
    lines.push(
      `Session \`${String(s.id ?? '').replace(/`/g, "'")}\`: **${formatUsd(s.costUsd)}** spent ` +
        `(exactly ${formatUsdPrecise(s.costUsd)}), **${formatUsd(s.savedUsd)}** saved vs all-frontier` +
        (isNumber(s.frontierCostUsd) ? ` (${formatUsd(s.frontierCostUsd)})` : ''),
    );
    lines.push('');
    lines.push(
      `${formatCount(s.requests, 'request')} · ${formatCount(s.cacheHits, 'cache hit')} · ` +
        `${formatCount(s.escalations, 'escalation')}` +
        (s.errors ? ` · ${formatCount(s.errors, 'error')}` : '') +
        (s.unpriced ? ` · ${s.unpriced} unpriced` : ''),
    );
    const tasks = ordered(Object.keys(s.byTask ?? {}), TASK_ORDER);
    if (tasks.length) {
      lines.push('');
      lines.push('**By task**');
      lines.push('');
      lines.push(tableRow(['task', 'cost', 'saved', 'requests', 'cache hits', 'escalations']));
      lines.push('|:--|--:|--:|--:|--:|--:|');
      for (const t of tasks) {
        const v = s.byTask![t];
        lines.push(
          tableRow([
            escapeMarkdown(t), formatUsd(v.costUsd), formatUsd(v.savedUsd ?? 0),
            String(v.requests ?? 0), String(v.cacheHits ?? 0), String(v.escalations ?? 0),
          ]),
        );
      }
    }
    const tiers = ordered(Object.keys(s.byTier ?? {}), TIER_ORDER);
    if (tiers.length) {
      // accept rates beside the cost: what the cheap tiers' answers were worth (issue 14)
      lines.push('');
      lines.push('**By tier**');
      lines.push('');
      lines.push(tableRow(['tier', 'cost', 'requests', 'accepted']));
      lines.push('|:--|--:|--:|--:|');
      for (const t of tiers) {
        const v = s.byTier![t];
        lines.push(tableRow([escapeMarkdown(t), formatUsd(v.costUsd), String(v.requests ?? 0), acceptCell(s.quality?.byTier?.[t])]));
      }
    }
    if (snapshot.last) {
      lines.push('');
      lines.push(lastLine(snapshot.last));
    }
    const b = budgetLine(s.budget);
    if (b) {
      lines.push('');
      lines.push(b);
    }
    const team = teamLines(snapshot.team);
    if (team.length) {
      lines.push('');
      lines.push(...team);
    }
  }
  lines.push('');
  lines.push(
    '[$(graph) Spend view](command:lspRouter.showSpend) · [$(refresh) Reset session](command:lspRouter.newSession) · ' +
      '[$(output) Server log](command:lspRouter.showOutput)',
  );
  return lines.join('\n');
}

/** Header line above an explanation: "frontier · anthropic:claude-opus-4-7 · $0.0042 · cached". */
export function explainHeader(r: {
  tier?: string;
  model?: string;
  costUsd?: number | null;
  cached?: boolean;
  reason?: string;
}): string {
  const parts: string[] = [];
  if (r.tier) parts.push(String(r.tier));
  if (r.model) parts.push(r.model);
  if (r.cached) parts.push('cache hit');
  else if (r.costUsd === null) parts.push('unpriced');
  else if (isNumber(r.costUsd)) parts.push(formatUsd(r.costUsd));
  if (r.reason) parts.push(r.reason);
  return parts.join(' · ');
}


/** "3 of 4 (75%)", or "–" when nothing was shown: the tooltip's accepted column. */
function acceptCell(stats: { shown: number; accepted: number } | undefined): string {
  if (!stats || !stats.shown) return '–';
  return `${stats.accepted} of ${stats.shown} (${Math.round((100 * stats.accepted) / stats.shown)}%)`;
}

/** "accepted 3 of 4 (75%)", or "" when nothing was shown. */
export function acceptText(stats: { shown: number; accepted: number } | undefined): string {
  if (!stats || !stats.shown) return '';
  return `accepted ${stats.accepted} of ${stats.shown} (${Math.round((100 * stats.accepted) / stats.shown)}%)`;
}

/**
 * The status bar's short message after an action: verb, tier and cost only, e.g.
 * "LSP Router: refactored · mini · $0.0038". Model and reason are in the tooltip and the spend
 * view; a long message would be cut mid-word by the status bar.
 */
export function statusMessage(verb: string, r: { tier?: string; costUsd?: number | null; cached?: boolean }): string {
  const parts = [`LSP Router: ${verb}`];
  if (r.tier) parts.push(String(r.tier));
  if (r.cached) parts.push('cache hit');
  else if (r.costUsd === null) parts.push('unpriced');
  else if (isNumber(r.costUsd)) parts.push(formatUsd(r.costUsd));
  return parts.join(' · ');
}
