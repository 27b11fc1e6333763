import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import { countRenameEdits, MENTIONS_ANNOTATION, RENAME_COMMAND, RENAME_TITLE, renameIsDefault, renameSummary } from '../../src/rename';

const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } };

test('a static rename: plain edits only', () => {
  const counts = countRenameEdits({ changes: { 'file:///a.py': [{}, {}, {}] } });
  assert.deepEqual(counts, { identifiers: 3, mentions: 0 });
  assert.equal(renameSummary(counts), '3 occurrences');
});

test('mentions are the edits annotated lspRouter.mentions, counted apart', () => {
  const edit = {
    documentChanges: [
      { textDocument: { uri: 'file:///a.py', version: 1 }, edits: [{ range, newText: 'x' }, { range, newText: 'x', annotationId: MENTIONS_ANNOTATION }] },
    ],
  };
  const counts = countRenameEdits(edit);
  assert.deepEqual(counts, { identifiers: 1, mentions: 1 });
  assert.equal(renameSummary(counts), '1 occurrence, 1 mention to confirm');
  assert.deepEqual(countRenameEdits(null), { identifiers: 0, mentions: 0 });
});

test('F2 stays with the other language server unless rename.asDefault is true', () => {
  assert.equal(renameIsDefault(() => undefined), false);
  assert.equal(renameIsDefault((k) => (k === 'rename.asDefault' ? false : undefined)), false);
  assert.equal(renameIsDefault((k) => (k === 'rename.asDefault' ? true : undefined)), true);
});

test('package.json contributes the command and both rename settings', () => {
  const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8'));
  const command = manifest.contributes.commands.find((c: { command: string }) => c.command === RENAME_COMMAND);
  assert.ok(command, 'the rename command is contributed');
  assert.equal(`${command.category}: ${command.title}`, RENAME_TITLE);
  const props = Object.assign({}, ...manifest.contributes.configuration.map((g: { properties: object }) => g.properties));
  assert.equal(props['lspRouter.rename.asDefault'].default, false);
  assert.equal(props['lspRouter.rename.updateMentions'].default, true);
});
