// API keys and the team storage passwords in VS Code's SecretStorage (the OS keychain / encrypted
// store), never in settings.json. Values are never logged: log lines name the provider or the
// storage and whether a value exists, nothing more.

import type * as vscode from 'vscode';
import type { StoragePassword } from './config';

const PREFIX = 'lspRouter.apiKey.';
// The team ledger's (PostgreSQL) and the shared cache's (Redis) passwords: `lspRouter.password.ledger`, `.cache`.
const PASSWORD_PREFIX = 'lspRouter.password.';

export function secretKeyFor(provider: string): string {
  return PREFIX + provider;
}

export function passwordKeyFor(storage: StoragePassword): string {
  return PASSWORD_PREFIX + storage;
}

/** How a password is named in log lines and messages. */
export const PASSWORD_NAMES: Record<StoragePassword, string> = {
  ledger: 'team ledger password',
  cache: 'shared cache password',
};

export type Log = (message: string) => void;

export class Secrets {
  constructor(
    private readonly storage: vscode.SecretStorage,
    private readonly log: Log = () => undefined,
  ) {}

  async getSecret(provider: string): Promise<string | undefined> {
    return this.read(secretKeyFor(provider), `the ${provider} key`);
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

  async getPassword(storage: StoragePassword): Promise<string | undefined> {
    return this.read(passwordKeyFor(storage), `the ${PASSWORD_NAMES[storage]}`);
  }

  async storePassword(storage: StoragePassword, value: string): Promise<void> {
    await this.storage.store(passwordKeyFor(storage), value);
    this.log(`secrets: stored the ${PASSWORD_NAMES[storage]}`);
  }

  async deletePassword(storage: StoragePassword): Promise<void> {
    await this.storage.delete(passwordKeyFor(storage));
    this.log(`secrets: deleted the ${PASSWORD_NAMES[storage]}`);
  }

  /** Both storage passwords (undefined where none is stored). */
  async getPasswords(): Promise<Partial<Record<StoragePassword, string>>> {
    return { ledger: await this.getPassword('ledger'), cache: await this.getPassword('cache') };
  }

  /**
   * Calls `listener(name)` when a key or a password changes (also from another window): the
   * provider's name for a key, `password.ledger` / `password.cache` for a password.
   */
  onDidChange(listener: (name: string) => void): vscode.Disposable {
    return this.storage.onDidChange((e) => {
      if (e.key.startsWith(PREFIX)) listener(e.key.slice(PREFIX.length));
      else if (e.key.startsWith(PASSWORD_PREFIX)) listener('password.' + e.key.slice(PASSWORD_PREFIX.length));
    });
  }

  private async read(key: string, what: string): Promise<string | undefined> {
    try {
      const v = await this.storage.get(key);
      return v || undefined;
    } catch (e) {
      this.log(`secrets: could not read ${what} (${errorName(e)})`);
      return undefined;
    }
  }
}

function errorName(e: unknown): string {
  return e instanceof Error ? e.name : 'error';
}

/** What a key looks like in a log line: never the value. */
export function describeKey(value: string | undefined): string {
  return value ? 'set' : 'not set';
}
