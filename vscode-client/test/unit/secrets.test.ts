import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { passwordKeyFor, secretKeyFor, Secrets } from '../../src/secrets';

type ChangeListener = (e: { key: string }) => void;

/** An in-memory vscode.SecretStorage. */
function fakeStorage() {
  const values = new Map<string, string>();
  const listeners: ChangeListener[] = [];
  const changed = (key: string) => listeners.forEach((l) => l({ key }));
  return {
    values,
    get: async (key: string) => values.get(key),
    store: async (key: string, value: string) => {
      values.set(key, value);
      changed(key);
    },
    delete: async (key: string) => {
      values.delete(key);
      changed(key);
    },
    onDidChange: (listener: ChangeListener) => {
      listeners.push(listener);
      return { dispose: () => undefined };
    },
  };
}

test('Secrets: the storage passwords sit beside the API keys, and no value is ever logged', async () => {
  const storage = fakeStorage();
  const logged: string[] = [];
  const secrets = new Secrets(storage as any, (m) => logged.push(m));
  const changes: string[] = [];
  secrets.onDidChange((name) => changes.push(name));

  await secrets.storeSecret('openai', 'sk-1');
  await secrets.storePassword('ledger', 'pg-secret');
  await secrets.storePassword('cache', 'redis-secret');
  assert.deepEqual(await secrets.getPasswords(), { ledger: 'pg-secret', cache: 'redis-secret' });
  assert.equal(storage.values.get(passwordKeyFor('ledger')), 'pg-secret');
  assert.notEqual(passwordKeyFor('ledger'), secretKeyFor('ledger'), 'a provider named "ledger" is not the password');
  assert.deepEqual(await secrets.getAll(['openai', 'ledger']), { openai: 'sk-1', ledger: undefined });
  assert.deepEqual(changes, ['openai', 'password.ledger', 'password.cache']);

  await secrets.deletePassword('cache');
  assert.deepEqual(await secrets.getPasswords(), { ledger: 'pg-secret', cache: undefined });
  assert.ok(logged.some((m) => m.includes('team ledger password')), logged.join('\n'));
  assert.ok(!logged.some((m) => /sk-1|pg-secret|redis-secret/.test(m)), logged.join('\n'));
});

test('package.json contributes the password commands and no password setting', () => {
  const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8'));
  const titles = Object.fromEntries(
    manifest.contributes.commands.map((c: { command: string; category: string; title: string }) => [c.command, `${c.category}: ${c.title}`]),
  );
  assert.equal(titles['lspRouter.setTeamLedgerPassword'], 'LSP Router: Set Team Ledger Password…');
  assert.equal(titles['lspRouter.setSharedCachePassword'], 'LSP Router: Set Shared Cache Password…');
  const props = Object.assign({}, ...manifest.contributes.configuration.map((g: { properties: object }) => g.properties));
  assert.deepEqual(Object.keys(props).filter((k) => /password/i.test(k)), []);
});
