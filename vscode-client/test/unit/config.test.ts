import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  buildServerSettings,
  findOnPath,
  FORWARDED_SETTINGS,
  providersInUse,
  providersMissingKeys,
  resolveServerCommand,
  settingsSection,
} from '../../src/config';

const settings: Record<string, unknown> = {
  'models.mini': 'openai:gpt-5.4-mini',
  'models.frontier': 'anthropic:claude-opus-4-7',
  'routing.autocomplete': 'mini',
  'routing.rename': 'auto',
  'routing.explain': 'frontier',
  'routing.refactor': 'auto',
  'openai.baseUrl': 'http://127.0.0.1:9999/v1 ',
  'anthropic.baseUrl': '',
  providers: {},
  'budget.sessionUsd': 1.5,
  'budget.dailyUsd': null,
  'budget.hardStop': false,
  'cache.enabled': true,
  'cache.maxSizeMb': 256,
  'cache.ttlDays': 14,
  'autocomplete.debounceMs': 150,
  'refactor.instructions': ['Add type hints'],
  'reasoningEffort.autocomplete': 'minimal',
  'reasoningEffort.rename': 'auto',
  'reasoningEffort.explain': 'default',
  'reasoningEffort.refactor': 'low',
};

test('buildServerSettings: the nested shape, keys from secrets, unset values as null', () => {
  const out = buildServerSettings((k) => settings[k], { openai: 'sk-1', anthropic: undefined });
  assert.deepEqual(out, {
    models: { mini: 'openai:gpt-5.4-mini', frontier: 'anthropic:claude-opus-4-7' },
    routing: { autocomplete: 'mini', rename: 'auto', explain: 'frontier', refactor: 'auto' },
    openai: { baseUrl: 'http://127.0.0.1:9999/v1', apiKey: 'sk-1' },
    anthropic: { baseUrl: null, apiKey: null },
    providers: {},
    budget: { sessionUsd: 1.5, dailyUsd: null, hardStop: false },
    cache: { enabled: true, maxSizeMb: 256, ttlDays: 14 },
    autocomplete: { debounceMs: 150 },
    refactor: { instructions: ['Add type hints'] },
    reasoningEffort: { autocomplete: 'minimal', rename: 'auto', explain: 'default', refactor: 'low' },
    storage: { ledgerPassword: null, cachePassword: null },
  });
  assert.equal(settingsSection(out, 'openai.baseUrl'), 'http://127.0.0.1:9999/v1');
  assert.equal(settingsSection(out, 'nope.x'), null);
  assert.equal(settingsSection(out, ''), out);
});

test('buildServerSettings: thresholds nest under routing, prices and request limits are forwarded', () => {
  const values: Record<string, unknown> = {
    'routing.explain': 'auto',
    'routing.thresholds.explainMaxLines': 120,
    'routing.thresholds.budgetNearFactor': 3,
    prices: { 'acme:coder-7b': { inputPerMTok: 2, outputPerMTok: '8' } },
    requestTimeoutSec: 30,
    maxRetries: 0,
  };
  const out = buildServerSettings((k) => values[k], {}) as Record<string, any>;
  assert.deepEqual(out.routing, { explain: 'auto', thresholds: { explainMaxLines: 120, budgetNearFactor: 3 } });
  assert.deepEqual(out.prices, { 'acme:coder-7b': { inputPerMTok: 2, outputPerMTok: '8' } });
  assert.equal(out.requestTimeoutSec, 30);
  assert.equal(out.maxRetries, 0);
});

test('buildServerSettings: the team cache settings nest under storage and cache', () => {
  const values: Record<string, unknown> = { 'storage.cache': ' redis://10.0.0.5:6379/0 ', 'cache.shared': true };
  const out = buildServerSettings((k) => values[k], {}) as Record<string, any>;
  assert.deepEqual(out.storage, { cache: 'redis://10.0.0.5:6379/0', ledgerPassword: null, cachePassword: null });
  assert.deepEqual(out.cache, { shared: true });
});

const NOTHING_STORED = {
  openai: { apiKey: null },
  anthropic: { apiKey: null },
  storage: { ledgerPassword: null, cachePassword: null },
};

test('buildServerSettings: cleared keys are sent as null so the server forgets them', () => {
  const out = buildServerSettings(() => undefined, {}) as Record<string, Record<string, unknown>>;
  assert.deepEqual(out, NOTHING_STORED);
});

test('buildServerSettings: custom providers get their stored key, never one from settings.json', () => {
  const providers = { or: { api: 'openai', baseUrl: 'https://or.example/v1', apiKeyEnv: 'OR_KEY', apiKey: 'from-settings' }, local: { api: 'openai', baseUrl: 'http://127.0.0.1:1' } };
  const out = buildServerSettings((k) => (k === 'providers' ? providers : undefined), { or: 'stored' }) as Record<string, any>;
  assert.deepEqual(out.providers, {
    or: { api: 'openai', baseUrl: 'https://or.example/v1', apiKeyEnv: 'OR_KEY', apiKey: 'stored' },
    local: { api: 'openai', baseUrl: 'http://127.0.0.1:1', apiKey: null },
  });
  assert.equal(providers.or.apiKey, 'from-settings', 'the setting object itself is not modified');
});

test('buildServerSettings never forwards server.* or unknown keys', () => {
  const out = buildServerSettings((k) => ({ 'server.path': '/x', 'openai.apiKey': 'leak' } as Record<string, unknown>)[k], {});
  assert.deepEqual(out, NOTHING_STORED);
});

test('buildServerSettings: the storage passwords come from Secret Storage, never from settings.json', () => {
  const values: Record<string, unknown> = {
    'storage.ledger': 'postgresql://team@db.example/lsp_router',
    'storage.cache': 'redis://10.0.0.5:6379/0',
    // typed into settings.json: ignored, never forwarded
    'storage.ledgerPassword': 'typed-pg',
    'storage.cachePassword': 'typed-redis',
  };
  const get = (k: string) => values[k];
  const stored = buildServerSettings(get, {}, { ledger: 'pg-secret', cache: 'redis-secret' }) as Record<string, any>;
  assert.deepEqual(stored.storage, {
    ledger: 'postgresql://team@db.example/lsp_router',
    cache: 'redis://10.0.0.5:6379/0',
    ledgerPassword: 'pg-secret',
    cachePassword: 'redis-secret',
  });
  const none = buildServerSettings(get, {}, { ledger: undefined }) as Record<string, any>;
  assert.equal(none.storage.ledgerPassword, null, 'a cleared password reaches the server as null');
  assert.equal(none.storage.cachePassword, null);
  assert.ok(!JSON.stringify(none).includes('typed-'), 'a password in settings.json is not forwarded');
  assert.ok(!FORWARDED_SETTINGS.some((k) => /password/i.test(k)), 'passwords are not forwarded settings');
});

const exe = (files: string[]) => (f: string) => files.includes(f);

test('resolveServerCommand: server.path, then pythonPath, then PATH, else the fix', () => {
  assert.deepEqual(resolveServerCommand({ serverPath: '/venv/bin/lsp-router', isExecutable: exe(['/venv/bin/lsp-router']) }), {
    ok: true,
    command: '/venv/bin/lsp-router',
    args: ['serve'],
    source: 'lspRouter.server.path',
  });
  const bad = resolveServerCommand({ serverPath: '/nope', isExecutable: exe([]) });
  assert.equal(bad.ok, false);
  assert.match((bad as { message: string }).message, /not an executable/);
  assert.deepEqual(resolveServerCommand({ pythonPath: '/usr/bin/python3', isExecutable: exe(['/usr/bin/python3']) }), {
    ok: true,
    command: '/usr/bin/python3',
    args: ['-m', 'lsp_router', 'serve'],
    source: 'lspRouter.server.pythonPath',
  });
  assert.deepEqual(
    resolveServerCommand({ envPath: '/a:/b', platform: 'linux', isExecutable: exe(['/b/lsp-router']) }),
    { ok: true, command: '/b/lsp-router', args: ['serve'], source: 'PATH' },
  );
  const none = resolveServerCommand({ envPath: '/a', platform: 'linux', isExecutable: exe([]) });
  assert.equal(none.ok, false);
  assert.match((none as { message: string }).message, /pip install lsp-router/);
  assert.match((none as { message: string }).message, /lspRouter\.server\.path/);
});

test('resolveServerCommand expands ~ and ${workspaceFolder}', () => {
  const r = resolveServerCommand({
    serverPath: '${workspaceFolder}/.venv/bin/lsp-router',
    workspaceFolder: '/ws',
    isExecutable: exe(['/ws/.venv/bin/lsp-router']),
  });
  assert.equal(r.ok && r.command, '/ws/.venv/bin/lsp-router');
  const h = resolveServerCommand({ pythonPath: '~/py/bin/python', home: '/home/u', isExecutable: exe(['/home/u/py/bin/python']) });
  assert.equal(h.ok && h.command, '/home/u/py/bin/python');
});

test('findOnPath on Windows uses PATHEXT', () => {
  const p = findOnPath('lsp-router', {
    envPath: 'C:\\x;C:\\y',
    platform: 'win32',
    pathExt: '.EXE;.CMD',
    isExecutable: (f) => f.endsWith('lsp-router.EXE') && f.includes('y'),
  });
  assert.ok(p && p.endsWith('lsp-router.EXE'));
});

test('missing keys: stored key or env variable satisfies a provider', () => {
  const inUse = providersInUse(['openai:gpt-5.4-mini', 'anthropic:claude-opus-4-7', 'openai:gpt-5.4']);
  assert.deepEqual(inUse, ['openai', 'anthropic']);
  assert.deepEqual(providersMissingKeys(inUse, {}, {}, {}), ['openai', 'anthropic']);
  assert.deepEqual(providersMissingKeys(inUse, { openai: 'k' }, {}, {}), ['anthropic']);
  assert.deepEqual(providersMissingKeys(inUse, {}, { ANTHROPIC_API_KEY: 'x', OPENAI_API_KEY: 'y' }, {}), []);
  // a custom provider without apiKeyEnv needs no key; with one, its variable counts
  assert.deepEqual(providersMissingKeys(['local'], {}, {}, { local: { api: 'openai' } }), []);
  assert.deepEqual(providersMissingKeys(['or'], {}, {}, { or: { api: 'openai', apiKeyEnv: 'OR_KEY' } }), ['or']);
  assert.deepEqual(providersMissingKeys(['or'], {}, { OR_KEY: 'z' }, { or: { api: 'openai', apiKeyEnv: 'OR_KEY' } }), []);
});

test('every forwarded setting is contributed in package.json, and every contributed one but server.*, trace.* and rename.asDefault is forwarded', async () => {
  const { FORWARDED_SETTINGS } = await import('../../src/config');
  const { readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8'));
  const contributed = manifest.contributes.configuration
    .flatMap((group: { properties: Record<string, unknown> }) => Object.keys(group.properties))
    .map((key: string) => key.replace(/^lspRouter\./, ''))
    // rename.asDefault: whether VS Code's F2 goes to the server, the extension's own choice
    .filter((key: string) => !key.startsWith('server.') && !key.startsWith('trace.') && key !== 'rename.asDefault');
  assert.deepEqual([...contributed].sort(), [...FORWARDED_SETTINGS].sort());
});
