// API keys in VS Code's SecretStorage (the OS keychain / encrypted store), never in settings.json.
// Values are never logged: log lines name the provider and whether a key exists, nothing more.

import type * as vscode from 'vscode';

const PREFIX = 'lspRouter.apiKey.';

export function secretKeyFor(provider: string): string {
  return PREFIX + provider;
}

export type Log = (message: string) => void;

export class Secrets {
  constructor(
    private readonly storage: vscode.SecretStorage,
    private readonly log: Log = () => undefined,
  ) {}

  async getSecret(provider: string): Promise<string | undefined> {
    try {
      const v = await this.storage.get(secretKeyFor(provider));
      return v || undefined;
    } catch (e) {
      this.log(`secrets: could not read the ${provider} key (${errorName(e)})`);
      return undefined;
    }
  }

  async storeSecret(provider: string, value: string): Promise<void> {
    await this.storage.store(secretKeyFor(provider), value);
    this.log(`secrets: stored the ${provider} key`);
  }

  async deleteSecret(provider: string): Promise<void> {
    await this.storage.delete(secretKeyFor(provider));
    this.log(`secrets: deleted the ${provider} key`);
  }

  /** Stored keys for these providers, by provider name. */
  async getAll(providers: string[]): Promise<Record<string, string | undefined>> {
    const out: Record<string, string | undefined> = {};
    for (const p of providers) out[p] = await this.getSecret(p);
    return out;
  }

  /** Calls `listener(provider)` when a key changes (also from another window). */
  onDidChange(listener: (provider: string) => void): vscode.Disposable {
    return this.storage.onDidChange((e) => {
      if (e.key.startsWith(PREFIX)) listener(e.key.slice(PREFIX.length));
    });
  }
}

function errorName(e: unknown): string {
  return e instanceof Error ? e.name : 'error';
}

/** What a key looks like in a log line: never the value. */
export function describeKey(value: string | undefined): string {
  return value ? 'set' : 'not set';
}
