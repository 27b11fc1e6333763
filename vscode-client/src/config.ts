// Settings -> the server's settings object, finding the server executable, and which providers
// lack a key. Pure (no `vscode` import): the extension passes in a getter and the secrets.

import * as path from 'path';

/**
 * Contributed settings forwarded to the server, relative to the `lspRouter` section. Kept equal to
 * the server's settings schema (lsp_router/settings.py `settings_schema`) by tests/test_settings_schema.py.
 */
export const FORWARDED_SETTINGS = [
  'models.mini',
  'models.frontier',
  'models.nano',
  'routing.autocomplete',
  'routing.rename',
  'routing.explain',
  'routing.refactor',
  'routing.learn',
  'routing.thresholds.autocompleteBlockMaxMethods',
  'routing.thresholds.autocompleteBlockMaxContextTokens',
  'routing.thresholds.renameMaxOccurrences',
  'routing.thresholds.renameModuleMaxOccurrences',
  'routing.thresholds.renameSharedMaxOccurrences',
  'routing.thresholds.renameMaxFunctions',
  'routing.thresholds.explainMaxLines',
  'routing.thresholds.explainComplexMinLines',
  'routing.thresholds.explainMaxDepth',
  'routing.thresholds.explainMaxBranches',
  'routing.thresholds.explainMaxClasses',
  'routing.thresholds.refactorMaxLines',
  'routing.thresholds.refactorEasyMaxLines',
  'routing.thresholds.refactorHardMaxLines',
  'routing.thresholds.refactorMaxDepth',
  'routing.thresholds.refactorMaxBranches',
  'routing.thresholds.refactorMaxFunctions',
  'routing.thresholds.refactorMaxClasses',
  'routing.thresholds.refactorMaxInstructionChars',
  'routing.thresholds.refactorMaxParseErrors',
  'routing.thresholds.nanoExplainMaxLines',
  'routing.thresholds.budgetNearFactor',
  'openai.baseUrl',
  'anthropic.baseUrl',
  'providers',
  'budget.sessionUsd',
  'budget.dailyUsd',
  'budget.hardStop',
  'budget.team.dailyUsd',
  'budget.team.monthlyUsd',
  'budget.user.dailyUsd',
  'storage.ledger',
  'team.user',
  'team.name',
  'team.timeZone',
  'prices',
  'cache.enabled',
  'cache.maxSizeMb',
  'cache.ttlDays',
  'cache.shared',
  'storage.cache',
  'autocomplete.debounceMs',
  'refactor.instructions',
  'rename.updateMentions',
  'reasoningEffort.autocomplete',
  'reasoningEffort.rename',
  'reasoningEffort.explain',
  'reasoningEffort.refactor',
  'requestTimeoutSec',
  'maxRetries',
] as const;

/** Built-in providers whose keys the server takes in its settings (`<provider>.apiKey`). */
export const BUILTIN_PROVIDERS = ['openai', 'anthropic'] as const;
export const BUILTIN_KEY_ENV: Record<string, string> = {
  openai: 'OPENAI_API_KEY',
  anthropic: 'ANTHROPIC_API_KEY',
};

/**
 * The team storage passwords, kept in Secret Storage like API keys and sent as these server
 * settings (lsp_router/settings.py StorageSettings); never read from settings.json.
 */
export const PASSWORD_SETTINGS = {
  ledger: 'storage.ledgerPassword',
  cache: 'storage.cachePassword',
} as const;
export type StoragePassword = keyof typeof PASSWORD_SETTINGS;

export interface ProviderConfig {
  api?: string;
  baseUrl?: string;
  apiKeyEnv?: string;
  local?: boolean;
  contextWindow?: number;
}

export type SettingGetter = (key: string) => unknown;

function setPath(obj: Record<string, unknown>, dotted: string, value: unknown): void {
  const parts = dotted.split('.');
  let cur = obj;
  for (const p of parts.slice(0, -1)) {
    if (typeof cur[p] !== 'object' || cur[p] === null) cur[p] = {};
    cur = cur[p] as Record<string, unknown>;
  }
  cur[parts[parts.length - 1]] = value;
}

/**
 * The object the server reads as `initializationOptions` and under `lspRouter` in
 * `workspace/didChangeConfiguration`. The server merges what it gets onto its current settings, so
 * every forwarded setting is always sent: an empty string (an unset baseUrl) as null, and each API
 * key as the stored value or null (a cleared key must reach the server as null). Keys come from
 * Secret Storage, never from settings: built-in providers as `<provider>.apiKey`, custom ones as
 * `providers.<name>.apiKey`; so do the team storage passwords (`storage.ledgerPassword`,
 * `storage.cachePassword`), also sent as null when none is stored.
 */
export function buildServerSettings(
  get: SettingGetter,
  apiKeys: Record<string, string | undefined>,
  passwords: Partial<Record<StoragePassword, string>> = {},
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of FORWARDED_SETTINGS) {
    let v = get(key);
    if (v === undefined) continue;
    if (typeof v === 'string') v = v.trim() === '' ? null : v.trim();
    if (key === 'providers') v = withProviderKeys(v, apiKeys);
    setPath(out, key, v);
  }
  for (const provider of BUILTIN_PROVIDERS) {
    setPath(out, `${provider}.apiKey`, apiKeys[provider] || null);
  }
  for (const [storage, key] of Object.entries(PASSWORD_SETTINGS) as [StoragePassword, string][]) {
    setPath(out, key, passwords[storage] || null);
  }
  return out;
}

function withProviderKeys(providers: unknown, apiKeys: Record<string, string | undefined>): unknown {
  if (typeof providers !== 'object' || providers === null || Array.isArray(providers)) return providers;
  const out: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(providers as Record<string, unknown>)) {
    if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) {
      out[name] = spec;
      continue;
    }
    const copy: Record<string, unknown> = { ...(spec as Record<string, unknown>) };
    delete copy.apiKey; // a key typed into settings.json is not forwarded: keys live in Secret Storage
    copy.apiKey = apiKeys[name] || null;
    out[name] = copy;
  }
  return out;
}

/** The part of the settings object at a dotted sub-section ("" = all). */
export function settingsSection(settings: Record<string, unknown>, section: string): unknown {
  if (!section) return settings;
  let cur: unknown = settings;
  for (const p of section.split('.')) {
    if (typeof cur !== 'object' || cur === null) return null;
    cur = (cur as Record<string, unknown>)[p];
  }
  return cur === undefined ? null : cur;
}

export type ServerCommand =
  | { ok: true; command: string; args: string[]; source: string }
  | { ok: false; message: string };

export interface ResolveOptions {
  serverPath?: string;
  pythonPath?: string;
  /** PATH (process.env.PATH). */
  envPath?: string;
  /** PATHEXT on Windows. */
  pathExt?: string;
  platform?: NodeJS.Platform;
  /** Is this file executable? (fs.accessSync X_OK) */
  isExecutable: (file: string) => boolean;
  /** Expand `~` and `${workspaceFolder}`. */
  workspaceFolder?: string;
  home?: string;
}

export const INSTALL_HINT =
  'Install the server with "pip install lsp-router" (it puts `lsp-router` on PATH), or set ' +
  '"lspRouter.server.path" to the lsp-router executable, or "lspRouter.server.pythonPath" to a ' +
  'Python interpreter that has lsp-router installed.';

function expand(p: string, opts: ResolveOptions): string {
  let out = p.trim();
  if (opts.home && (out === '~' || out.startsWith('~/'))) out = path.join(opts.home, out.slice(1));
  if (opts.workspaceFolder) out = out.replace(/\$\{workspaceFolder\}/g, opts.workspaceFolder);
  return out;
}

/** Look for an executable on PATH (with PATHEXT on Windows). */
export function findOnPath(name: string, opts: ResolveOptions): string | undefined {
  const win = (opts.platform ?? process.platform) === 'win32';
  const sep = win ? ';' : ':';
  const exts = win ? (opts.pathExt ?? '.EXE;.CMD;.BAT;.COM').split(';').filter(Boolean) : [''];
  for (const dir of (opts.envPath ?? '').split(sep)) {
    if (!dir) continue;
    for (const ext of exts) {
      const candidate = path.join(dir, name + ext);
      if (opts.isExecutable(candidate)) return candidate;
    }
  }
  return undefined;
}

/**
 * How to start the server: `lspRouter.server.path` (`PATH serve`), else `lspRouter.server.pythonPath`
 * (`PYTHON -m lsp_router serve`), else `lsp-router` on PATH; otherwise a message with the fix.
 */
export function resolveServerCommand(opts: ResolveOptions): ServerCommand {
  const serverPath = opts.serverPath ? expand(opts.serverPath, opts) : '';
  if (serverPath) {
    if (!opts.isExecutable(serverPath)) {
      return {
        ok: false,
        message:
          `"lspRouter.server.path" is set to ${serverPath}, which is not an executable file. ` +
          'Point it at the lsp-router executable (e.g. .venv/bin/lsp-router) or clear it. ' +
          INSTALL_HINT,
      };
    }
    return { ok: true, command: serverPath, args: ['serve'], source: 'lspRouter.server.path' };
  }
  const pythonPath = opts.pythonPath ? expand(opts.pythonPath, opts) : '';
  if (pythonPath) {
    const resolved = pythonPath.includes('/') || pythonPath.includes('\\') ? pythonPath : findOnPath(pythonPath, opts);
    if (!resolved || !opts.isExecutable(resolved)) {
      return {
        ok: false,
        message:
          `"lspRouter.server.pythonPath" is set to ${pythonPath}, which is not an executable Python ` +
          'interpreter. Point it at a Python that has lsp-router installed (pip install lsp-router) or clear it.',
      };
    }
    return { ok: true, command: resolved, args: ['-m', 'lsp_router', 'serve'], source: 'lspRouter.server.pythonPath' };
  }
  const onPath = findOnPath('lsp-router', opts);
  if (onPath) return { ok: true, command: onPath, args: ['serve'], source: 'PATH' };
  return { ok: false, message: `Could not find the lsp-router language server. ${INSTALL_HINT}` };
}

/** Providers named by the configured models ("openai:gpt-5.4-mini" -> "openai"). */
export function providersInUse(models: (string | undefined)[]): string[] {
  const out: string[] = [];
  for (const m of models) {
    if (!m) continue;
    const i = m.indexOf(':');
    const p = i > 0 ? m.slice(0, i) : '';
    if (p && !out.includes(p)) out.push(p);
  }
  return out;
}

/** The environment variable that carries a provider's key, if any. */
export function keyEnvFor(provider: string, providers: Record<string, ProviderConfig> | undefined): string | undefined {
  const custom = providers?.[provider];
  if (custom) return custom.apiKeyEnv || undefined;
  return BUILTIN_KEY_ENV[provider];
}

/**
 * Providers in use that have neither a stored key nor their environment variable set.
 * A custom provider without `apiKeyEnv` (a local server, say) needs no key.
 */
export function providersMissingKeys(
  inUse: string[],
  storedKeys: Record<string, string | undefined>,
  env: Record<string, string | undefined>,
  providers: Record<string, ProviderConfig> | undefined,
): string[] {
  return inUse.filter((p) => {
    if (storedKeys[p]) return false;
    const envName = keyEnvFor(p, providers);
    if (!envName) return false;
    return !env[envName];
  });
}
