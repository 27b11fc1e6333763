// What became of each ghost text item shown (issue 14): the item's own command reports an
// accept; this tracker reports the rest: each new item shown, and what became of an item of
// ours that goes away without its command. Pure (no
// `vscode` import): unit tested.
import type { CompletionOutcomeParams } from './protocol';

export interface ShownItem {
  id: string;
  uri: string;
  /** Offset in the document where the item was inserted, and its text. */
  offset: number;
  insertText: string;
}

/** One live item per document; settled when a different one (or none) replaces it. */
export class OutcomeTracker {
  private readonly live = new Map<string, ShownItem>();
  private readonly accepted = new Set<string>();

  constructor(private readonly send: (params: CompletionOutcomeParams) => void) {}

  /** The item's command ran: VS Code inserted it. */
  markAccepted(id: string): void {
    this.accepted.add(id);
    if (this.accepted.size > 512) this.accepted.delete(this.accepted.values().next().value as string);
    for (const [uri, item] of this.live) if (item.id === id) this.live.delete(uri);
  }

  /**
   * A new answer for `uri` (`next`: the item now shown, if ours). `typedSince(offset)` gives the
   * document's text from the old item's offset to the cursor. The old item, when it is not the
   * same answer going on (typed-ahead reuse keeps its id), is settled: accepted already, partly
   * typed out ("partial"), or "dismissed".
   */
  replace(uri: string, next: ShownItem | undefined, typedSince: (offset: number) => string): void {
    const old = this.live.get(uri);
    if (next) this.live.set(uri, next);
    else this.live.delete(uri);
    if (next && next.id !== old?.id) this.send({ id: next.id, outcome: 'shown' });
    if (!old || old.id === next?.id || this.accepted.has(old.id)) return;
    const typed = typedSince(old.offset);
    if (typed && old.insertText.startsWith(typed) && typed.length < old.insertText.length) {
      this.send({ id: old.id, outcome: 'partial', acceptedChars: typed.length });
    } else if (typed && typed.startsWith(old.insertText)) {
      this.send({ id: old.id, outcome: 'accepted', acceptedChars: old.insertText.length });
    } else {
      this.send({ id: old.id, outcome: 'dismissed' });
    }
  }
}

/** The lsp-router answer id an item carries in its `lspRouter.completionAccepted` command. */
export function answerIdOf(command: { command: string; arguments?: unknown[] } | undefined): string | undefined {
  if (!command || command.command !== 'lspRouter.completionAccepted') return undefined;
  const arg = command.arguments?.[0] as { id?: unknown } | undefined;
  return typeof arg?.id === 'string' ? arg.id : undefined;
}
