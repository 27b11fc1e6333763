// AI rename without hijacking F2: by default the extension's rename is its own command and code
// action ("LSP Router: Rename with Mentions…"), and the language server of the file keeps the
// rename provider; `lspRouter.rename.asDefault` makes LSP Router the provider. Pure helpers here
// (unit-tested without VS Code); the wiring is in extension.ts.

export const RENAME_COMMAND = 'lspRouter.renameWithMentions';
export const RENAME_TITLE = 'LSP Router: Rename with Mentions…';
/** The server's annotation on mention edits (comments, docstrings, strings), to be confirmed. */
export const MENTIONS_ANNOTATION = 'lspRouter.mentions';

type EditLike = object & { annotationId?: string };
interface WorkspaceEditLike {
  changes?: Record<string, object[]>;
  documentChanges?: object[];
}

/** Identifier edits and mention edits (annotated `lspRouter.mentions`) in a rename's WorkspaceEdit. */
export function countRenameEdits(edit: WorkspaceEditLike | null | undefined): { identifiers: number; mentions: number } {
  const out = { identifiers: 0, mentions: 0 };
  if (!edit) return out;
  const lists: EditLike[][] = [];
  for (const edits of Object.values(edit.changes ?? {})) lists.push(edits as EditLike[]);
  for (const change of edit.documentChanges ?? []) {
    // a TextDocumentEdit (file create/rename/delete operations carry no edits)
    if ('edits' in change && Array.isArray(change.edits)) lists.push(change.edits as EditLike[]);
  }
  for (const e of lists.flat()) {
    if (e.annotationId === MENTIONS_ANNOTATION) out.mentions++;
    else out.identifiers++;
  }
  return out;
}

/** e.g. "4 occurrences, 2 mentions to confirm". */
export function renameSummary(counts: { identifiers: number; mentions: number }): string {
  const n = (k: number, word: string) => `${k} ${word}${k === 1 ? '' : 's'}`;
  const parts = [n(counts.identifiers, 'occurrence')];
  if (counts.mentions) parts.push(`${n(counts.mentions, 'mention')} to confirm`);
  return parts.join(', ');
}

/** Whether F2 (the rename provider) goes to the server: only with `lspRouter.rename.asDefault`. */
export function renameIsDefault(get: (key: string) => unknown): boolean {
  return get('rename.asDefault') === true;
}
