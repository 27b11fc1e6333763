// LSP Router for VS Code: starts the lsp-router language server, hands it the settings and the API
// keys from Secret Storage, and shows what the session costs. No business logic lives here: routing,
// caching and pricing are the server's; formatting and state are in format.ts / state.ts.

import * as fs from 'fs';
import * as os from 'os';
import * as vscode from 'vscode';
import {
  CancellationToken,
  DidChangeConfigurationNotification,
  ExecuteCommandRequest,
  LanguageClient,
  type LanguageClientOptions,
  RenameRequest,
  type ServerOptions,
  State,
  WorkDoneProgress,
} from 'vscode-languageclient/node';
import {
  BUILTIN_PROVIDERS,
  buildServerSettings,
  type ProviderConfig,
  providersInUse,
  providersMissingKeys,
  resolveServerCommand,
  settingsSection,
  type StoragePassword,
} from './config';
import { ExplainPanel } from './explainPanel';
import { explainHeader, providerDisplayName, providerOfModel, statusMessage } from './format';
import { answerIdOf, OutcomeTracker } from './outcomes';
import {
  COMPLETION_ACCEPTED,
  COMPLETION_OUTCOME,
  type ExplainResult,
  SERVER_COMMANDS,
  SPEND_CHANGED,
  SPEND_HISTORY_REQUEST,
  SPEND_REQUEST,
  type SpendSnapshot,
  STATUS_NOTIFICATION,
  type StatusNotificationParams,
} from './protocol';
import { PASSWORD_NAMES, Secrets } from './secrets';
import type { SpendHistory } from './spendHtml';
import { SpendView } from './spendView';
import { initialStatusState, SessionLedger, type StatusState } from './state';
import { createStatusBarItem, updateStatusBarItem } from './statusBar';
import { countRenameEdits, RENAME_COMMAND, RENAME_TITLE, renameIsDefault, renameSummary } from './rename';
import { randomToken } from './util';

const SECTION = 'lspRouter';

let router: Router | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  router = new Router(context);
  await router.activate();
}

export async function deactivate(): Promise<void> {
  await router?.stopClient();
  router = undefined;
}

class Router {
  private readonly output = vscode.window.createOutputChannel('LSP Router', { log: true });
  private readonly secrets: Secrets;
  private readonly ledger = new SessionLedger();
  private readonly state: StatusState = initialStatusState();
  private readonly item = createStatusBarItem();
  private readonly spendView: SpendView;
  private readonly explainPanel = new ExplainPanel();
  private client: LanguageClient | undefined;
  // ghost text outcomes beyond the item's own accept command: partial and dismissed
  private readonly outcomes = new OutcomeTracker((params) => {
    void this.client?.sendNotification(COMPLETION_OUTCOME, params).catch(() => undefined);
  });
  private starting: Promise<void> | undefined;
  private lastSentSettings = '';
  private currentSettings: Record<string, unknown> = {};

  constructor(private readonly context: vscode.ExtensionContext) {
    this.secrets = new Secrets(context.secrets, (m) => this.log(m));
    this.spendView = new SpendView(
      this.ledger,
      () => void vscode.commands.executeCommand('lspRouter.newSession'),
      () => this.readHistory(),
    );
    context.subscriptions.push(this.output, this.item, this.spendView, this.explainPanel);
  }

  private async readHistory(): Promise<SpendHistory> {
    if (!this.client?.isRunning()) throw new Error('the server is not running');
    return this.client.sendRequest<SpendHistory>(SPEND_HISTORY_REQUEST, {});
  }

  private log(message: string): void {
    this.output.info(`[client] ${message}`);
  }

  private refresh(): void {
    updateStatusBarItem(this.item, this.state);
    this.spendView.update();
  }

  async activate(): Promise<void> {
    const reg = (id: string, fn: (...args: any[]) => unknown) =>
      this.context.subscriptions.push(vscode.commands.registerCommand(id, fn));
    reg('lspRouter.setOpenAIKey', () => this.setKey('openai'));
    reg('lspRouter.setAnthropicKey', () => this.setKey('anthropic'));
    reg('lspRouter.setApiKey', (provider?: string) => this.setKey(provider));
    reg('lspRouter.clearKeys', () => this.clearKeys());
    reg('lspRouter.setTeamLedgerPassword', () => this.setPassword('ledger'));
    reg('lspRouter.setSharedCachePassword', () => this.setPassword('cache'));
    reg('lspRouter.explainSelection', () => this.explainSelection());
    reg('lspRouter.refactorSelection', () => this.refactorSelection());
    reg(RENAME_COMMAND, (uri?: vscode.Uri, position?: vscode.Position) => this.renameWithMentions(uri, position));
    reg('lspRouter.showSpend', () => this.spendView.show());
    reg('lspRouter.newSession', () => this.resetSession());
    reg('lspRouter.restartServer', () => this.restart());
    reg('lspRouter.showOutput', () => this.output.show(true));

    this.context.subscriptions.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration(SECTION)) return;
        if (e.affectsConfiguration(`${SECTION}.server`)) {
          this.log('server settings changed: restarting the server');
          void this.restart();
          return;
        }
        void this.sendConfiguration().then(() => this.checkKeys());
      }),
      this.secrets.onDidChange(() => {
        // Also fires when another window stores a key.
        void this.sendConfiguration().then(() => this.checkKeys());
      }),
    );
    // The AI rename as a code action on a name (no server call to list it), next to the other
    // language server's own rename rather than instead of it.
    this.context.subscriptions.push(
      vscode.languages.registerCodeActionsProvider(
        [{ scheme: 'file' }, { scheme: 'untitled' }],
        {
          provideCodeActions: (document, range) => {
            const word = document.getWordRangeAtPosition(range.start);
            if (!word || !word.contains(range) || document.isClosed) return [];
            const action = new vscode.CodeAction(RENAME_TITLE, vscode.CodeActionKind.RefactorRewrite);
            action.command = { command: RENAME_COMMAND, title: RENAME_TITLE, arguments: [document.uri, range.start] };
            return [action];
          },
        },
        { providedCodeActionKinds: [vscode.CodeActionKind.RefactorRewrite] },
      ),
    );
    this.refresh();
    // Not awaited: commands stay responsive while the server starts (VS Code holds a command until
    // activate() returns).
    void this.startClient();
  }

  // ---------------------------------------------------------------- settings & keys

  private config(): vscode.WorkspaceConfiguration {
    return vscode.workspace.getConfiguration(SECTION);
  }

  private customProviders(): Record<string, ProviderConfig> {
    return this.config().get<Record<string, ProviderConfig>>('providers') ?? {};
  }

  private knownProviders(): string[] {
    return [...BUILTIN_PROVIDERS, ...Object.keys(this.customProviders())];
  }

  private async storedKeys(): Promise<Record<string, string | undefined>> {
    return this.secrets.getAll(this.knownProviders());
  }

  private async buildSettings(): Promise<Record<string, unknown>> {
    const cfg = this.config();
    this.currentSettings = buildServerSettings((k) => cfg.get(k), await this.storedKeys(), await this.secrets.getPasswords());
    return this.currentSettings;
  }

  /** Push the settings (with the keys from Secret Storage) to the running server. */
  private async sendConfiguration(): Promise<void> {
    const settings = await this.buildSettings();
    const json = JSON.stringify(settings);
    if (!this.client || !this.client.isRunning() || json === this.lastSentSettings) return;
    this.lastSentSettings = json;
    await this.client.sendNotification(DidChangeConfigurationNotification.type, { settings: { [SECTION]: settings } });
    this.log('sent the settings to the server (workspace/didChangeConfiguration)');
  }

  /** Providers used by models.* that have no key: the "no key" status bar state. */
  private async checkKeys(): Promise<void> {
    const cfg = this.config();
    const inUse = providersInUse([cfg.get<string>('models.nano'), cfg.get<string>('models.mini'), cfg.get<string>('models.frontier')]);
    const missing = providersMissingKeys(inUse, await this.storedKeys(), process.env, this.customProviders());
    // One entry per provider still without a key, keeping the server's message where it sent one.
    this.state.noKey = missing.map((p) => this.state.noKey.find((k) => k.provider === p) ?? { provider: p });
    this.refresh();
  }

  private async setKey(provider?: string): Promise<void> {
    if (!provider) {
      const picked = await vscode.window.showQuickPick(
        this.knownProviders().map((p) => ({ label: providerDisplayName(p), provider: p })),
        { title: 'LSP Router: set the API key for…', ignoreFocusOut: true },
      );
      if (!picked) return;
      provider = picked.provider;
    }
    const name = providerDisplayName(provider);
    const value = await vscode.window.showInputBox({
      title: `LSP Router: ${name} API Key`,
      prompt: `Stored in VS Code's Secret Storage on this machine and handed to the lsp-router server. It is never written to settings.json.`,
      placeHolder: provider === 'anthropic' ? 'sk-ant-…' : provider === 'openai' ? 'sk-…' : 'API key',
      password: true,
      ignoreFocusOut: true,
      validateInput: (v) => (!v.trim() ? 'Enter a key (Escape cancels)' : /\s/.test(v.trim()) ? 'An API key has no spaces' : undefined),
    });
    if (value === undefined) return;
    await this.secrets.storeSecret(provider, value.trim());
    this.state.noKey = this.state.noKey.filter((k) => k.provider !== provider);
    await this.sendConfiguration();
    await this.checkKeys();
    void vscode.window.showInformationMessage(`LSP Router: ${name} API key stored in Secret Storage.`);
  }

  private async clearKeys(): Promise<void> {
    for (const p of this.knownProviders()) await this.secrets.deleteSecret(p);
    for (const storage of ['ledger', 'cache'] as const) await this.secrets.deletePassword(storage);
    await this.sendConfiguration();
    await this.checkKeys();
    void vscode.window.showInformationMessage(
      'LSP Router: API keys and the team ledger and shared cache passwords removed from Secret Storage. ' +
        'OPENAI_API_KEY / ANTHROPIC_API_KEY, LSP_ROUTER_PG_PASSWORD / LSP_ROUTER_REDIS_PASSWORD in the environment still apply.',
    );
  }

  /** The team ledger's (PostgreSQL) or the shared cache's (Redis) password, used when its URL has none. */
  private async setPassword(storage: StoragePassword): Promise<void> {
    const name = PASSWORD_NAMES[storage];
    const setting = storage === 'ledger' ? 'lspRouter.storage.ledger' : 'lspRouter.storage.cache';
    const value = await vscode.window.showInputBox({
      title: `LSP Router: ${name[0].toUpperCase()}${name.slice(1)}`,
      prompt:
        `For the URL in ${setting} when it has no password. Stored in VS Code's Secret Storage on this machine and ` +
        'handed to the lsp-router server; never written to settings.json. Empty removes it.',
      password: true,
      ignoreFocusOut: true,
    });
    if (value === undefined) return;
    if (value === '') await this.secrets.deletePassword(storage);
    else await this.secrets.storePassword(storage, value);
    await this.sendConfiguration();
    void vscode.window.showInformationMessage(
      `LSP Router: ${name} ${value === '' ? 'removed from' : 'stored in'} Secret Storage.`,
    );
  }

  // ---------------------------------------------------------------- the language client

  private async startClient(): Promise<void> {
    if (this.starting) return this.starting;
    this.starting = this.doStartClient().finally(() => (this.starting = undefined));
    return this.starting;
  }

  private async doStartClient(): Promise<void> {
    const cfg = this.config();
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    const resolved = resolveServerCommand({
      serverPath: cfg.get<string>('server.path'),
      pythonPath: cfg.get<string>('server.pythonPath'),
      envPath: process.env.PATH,
      pathExt: process.env.PATHEXT,
      platform: process.platform,
      workspaceFolder: folder,
      home: os.homedir(),
      isExecutable: (f) => {
        try {
          fs.accessSync(f, fs.constants.X_OK);
          return fs.statSync(f).isFile();
        } catch {
          return false;
        }
      },
    });
    if (!resolved.ok) {
      this.state.phase = 'error';
      this.state.error = resolved.message;
      this.log(resolved.message);
      this.refresh();
      void vscode.window
        .showErrorMessage(`LSP Router: ${resolved.message}`, 'Open Settings', 'Copy "pip install lsp-router"', 'Retry')
        .then((choice) => {
          if (choice === 'Open Settings') void vscode.commands.executeCommand('workbench.action.openSettings', 'lspRouter.server');
          else if (choice?.startsWith('Copy')) void vscode.env.clipboard.writeText('pip install lsp-router');
          else if (choice === 'Retry') void this.restart();
        });
      return;
    }
    this.log(`starting ${resolved.command} ${resolved.args.join(' ')} (from ${resolved.source})`);
    await this.buildSettings();
    this.lastSentSettings = JSON.stringify(this.currentSettings);
    // Run the server from the extension's own storage folder, not the workspace: with
    // `python -m lsp_router`, Python puts the working directory first on sys.path, and a workspace
    // file like `textwrap.py` or `types.py` would shadow the standard library.
    const cwd = this.context.globalStorageUri.fsPath;
    fs.mkdirSync(cwd, { recursive: true });
    const serverOptions: ServerOptions = {
      command: resolved.command,
      args: resolved.args,
      options: { env: { ...process.env }, cwd },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: [{ scheme: 'file' }, { scheme: 'untitled' }],
      outputChannel: this.output,
      initializationOptions: () => this.currentSettings,
      middleware: {
        provideInlineCompletionItems: async (document, position, context, token, next) => {
          const result = await next(document, position, context, token);
          const items = Array.isArray(result) ? result : (result?.items ?? []);
          const ours = items.find((item) => answerIdOf(item.command));
          const id = answerIdOf(ours?.command);
          const shown =
            ours && id
              ? {
                  id,
                  uri: document.uri.toString(),
                  offset: document.offsetAt(position),
                  insertText: typeof ours.insertText === 'string' ? ours.insertText : ours.insertText.value,
                }
              : undefined;
          const cursor = document.offsetAt(position);
          this.outcomes.replace(document.uri.toString(), shown, (offset) =>
            offset <= cursor ? document.getText().slice(offset, cursor) : '',
          );
          return result;
        },
        // F2 stays with the file's own language server unless lspRouter.rename.asDefault: answering
        // nothing here makes VS Code ask the next rename provider (read at each call: no restart).
        prepareRename: (document, position, token, next) =>
          this.renameAsDefault() ? next(document, position, token) : undefined,
        provideRenameEdits: (document, position, newName, token, next) =>
          this.renameAsDefault() ? next(document, position, newName, token) : undefined,
        executeCommand: async (command, args, next) => {
          if (command === COMPLETION_ACCEPTED) {
            const id = answerIdOf({ command, arguments: args });
            if (id) this.outcomes.markAccepted(id);
          }
          return next(command, args);
        },
        workspace: {
          // The server may pull settings with workspace/configuration: answer with the same object
          // it gets pushed, keys included.
          configuration: async (params, token, next) => {
            const result = await next(params, token);
            if (!Array.isArray(result)) return result;
            const settings = await this.buildSettings();
            return params.items.map((item, i) => {
              const section = item.section ?? '';
              if (section === SECTION) return settings;
              if (section.startsWith(SECTION + '.')) return settingsSection(settings, section.slice(SECTION.length + 1));
              return result[i];
            });
          },
          // We push lspRouter settings ourselves (with the keys); never the keyless default.
          didChangeConfiguration: async () => {
            await this.sendConfiguration();
          },
        },
      },
    };
    const client = new LanguageClient('lspRouter', 'LSP Router', serverOptions, clientOptions);
    this.client = client;
    client.onNotification(SPEND_CHANGED, (snapshot: SpendSnapshot) => this.onSpend(snapshot, true));
    client.onNotification(STATUS_NOTIFICATION, (p: StatusNotificationParams) => this.onStatus(p));
    client.onDidChangeState((e) => {
      if (client !== this.client) return;
      this.state.phase = e.newState === State.Running ? 'running' : e.newState === State.Starting ? 'starting' : 'stopped';
      this.refresh();
    });
    this.state.phase = 'starting';
    this.state.error = undefined;
    this.refresh();
    try {
      await client.start();
    } catch (e) {
      this.state.phase = 'error';
      this.state.error = `The server did not start: ${errorMessage(e)}. See the "LSP Router" output.`;
      this.log(this.state.error);
      this.refresh();
      return;
    }
    this.state.phase = 'running';
    await this.checkKeys();
    await this.pullSpend();
  }

  async stopClient(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client) {
      try {
        await client.stop(3000);
      } catch (e) {
        this.log(`stopping the server: ${errorMessage(e)}`);
      }
    }
  }

  private async restart(): Promise<void> {
    await this.stopClient();
    this.state.noKey = [];
    await this.startClient();
  }

  private async requireClient(): Promise<LanguageClient | undefined> {
    if (this.starting) await this.starting;
    if (this.client?.isRunning()) return this.client;
    const choice = await vscode.window.showErrorMessage(
      `LSP Router: the server is not running. ${this.state.error ?? ''}`.trim(),
      'Restart Server',
      'Show Log',
    );
    if (choice === 'Restart Server') await this.restart();
    if (choice === 'Show Log') this.output.show(true);
    return this.client?.isRunning() ? this.client : undefined;
  }

  // ---------------------------------------------------------------- spend

  private onSpend(snapshot: SpendSnapshot, fromNotification: boolean): void {
    if (!snapshot || !snapshot.session) return;
    this.ledger.apply(snapshot, fromNotification);
    this.state.snapshot = snapshot;
    const last = snapshot.last;
    if (fromNotification && last && last.outcome === 'ok' && !last.cached) {
      const p = providerOfModel(last.model);
      this.state.noKey = this.state.noKey.filter((k) => k.provider !== p);
    }
    this.refresh();
  }

  private onStatus(p: StatusNotificationParams): void {
    if (p?.state === 'noKey' && p.provider) {
      if (!this.state.noKey.some((k) => k.provider === p.provider)) {
        this.state.noKey.push({ provider: p.provider, message: p.message });
      }
      this.log(`server: no API key for ${p.provider}`);
    } else if (p?.state === 'ok') {
      this.state.noKey = p.provider ? this.state.noKey.filter((k) => k.provider !== p.provider) : [];
    }
    this.refresh();
  }

  private async pullSpend(): Promise<void> {
    if (!this.client?.isRunning()) return;
    try {
      // `{}` rather than no params: pygls rejects a request message without a `params` member.
      const snapshot = await this.client.sendRequest<SpendSnapshot>(SPEND_REQUEST, {});
      this.onSpend(snapshot, false);
    } catch (e) {
      this.log(`${SPEND_REQUEST}: ${errorMessage(e)}`);
      this.refresh();
    }
  }

  private async resetSession(): Promise<void> {
    const client = await this.requireClient();
    if (!client) return;
    await client.sendRequest(ExecuteCommandRequest.type, { command: SERVER_COMMANDS.resetSession, arguments: [] });
    this.ledger.reset();
    this.state.snapshot = null;
    await this.pullSpend();
    this.refresh();
  }

  // ---------------------------------------------------------------- explain & refactor

  private selectionOrLine(editor: vscode.TextEditor): vscode.Range {
    const sel = editor.selection;
    if (!sel.isEmpty) return new vscode.Range(sel.start, sel.end);
    return editor.document.lineAt(sel.active.line).range;
  }

  private async explainSelection(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    if (!editor) {
      void vscode.window.showInformationMessage('LSP Router: open a file and select code to explain.');
      return;
    }
    const client = await this.requireClient();
    if (!client) return;
    const doc = editor.document;
    const range = this.selectionOrLine(editor);
    const name = doc.uri.path.split('/').pop() ?? doc.uri.toString();
    const title = `${name}:${range.start.line + 1}-${range.end.line + 1}`;
    const token = randomToken('lspRouter-explain');
    const cancel = this.explainPanel.start(title);
    const progress = client.onProgress(WorkDoneProgress.type, token, (value) => {
      if (value.kind === 'report' && value.message) this.explainPanel.append(value.message);
    });
    try {
      const result = await client.sendRequest(
        ExecuteCommandRequest.type,
        {
          command: SERVER_COMMANDS.explain,
          arguments: [
            {
              textDocument: { uri: client.code2ProtocolConverter.asUri(doc.uri) },
              range: client.code2ProtocolConverter.asRange(range),
            },
          ],
          workDoneToken: token,
        },
        cancel as CancellationToken,
      );
      const r = result as ExplainResult | null;
      this.explainPanel.finish(r);
      if (r) this.log(`explain: ${explainHeader(r)}`);
    } catch (e) {
      if (cancel.isCancellationRequested) this.explainPanel.cancelled();
      else this.explainPanel.fail(`Explain failed: ${errorMessage(e)}`);
    } finally {
      progress.dispose();
    }
  }

  private renameAsDefault(): boolean {
    const config = this.config();
    return renameIsDefault((key) => config.get(key));
  }

  /** Asks for the new name, sends `textDocument/rename` through the client and applies the edit:
   * mentions in comments and strings come annotated `needsConfirmation`, so VS Code shows them
   * in its refactor preview before anything changes. */
  private async renameWithMentions(uri?: vscode.Uri, at?: vscode.Position): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    const document = uri ? await vscode.workspace.openTextDocument(uri) : editor?.document;
    const position = at ?? (document && editor?.document === document ? editor.selection.active : undefined);
    const word = document && position ? document.getWordRangeAtPosition(position) : undefined;
    if (!document || !position || !word) {
      void vscode.window.showInformationMessage('LSP Router: put the cursor on a name to rename it.');
      return;
    }
    const client = await this.requireClient();
    if (!client) return;
    const oldName = document.getText(word);
    const newName = await vscode.window.showInputBox({
      title: 'LSP Router: Rename with Mentions',
      prompt: `Rename '${oldName}' to`,
      value: oldName,
      valueSelection: [0, oldName.length],
      ignoreFocusOut: true,
      validateInput: (v) => (v.trim() && v.trim() !== oldName ? undefined : 'Type the new name (Escape cancels)'),
    });
    if (!newName) return;
    try {
      const result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `LSP Router: renaming ${oldName}…`, cancellable: true },
        (_progress, token) =>
          client.sendRequest(
            RenameRequest.type,
            {
              textDocument: { uri: client.code2ProtocolConverter.asUri(document.uri) },
              position: client.code2ProtocolConverter.asPosition(position),
              newName: newName.trim(),
            },
            token,
          ),
      );
      if (!result) {
        void vscode.window.showInformationMessage(`LSP Router: nothing to rename at '${oldName}'.`);
        return;
      }
      const edit = await client.protocol2CodeConverter.asWorkspaceEdit(result);
      const applied = await vscode.workspace.applyEdit(edit, { isRefactoring: true });
      if (applied) {
        const summary = renameSummary(countRenameEdits(result));
        void vscode.window.setStatusBarMessage(`LSP Router: renamed ${oldName} to ${newName.trim()} (${summary})`, 8000);
      }
    } catch (e) {
      void vscode.window.showErrorMessage(`LSP Router: rename failed: ${errorMessage(e)}`);
    }
  }

  private async refactorSelection(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    if (!editor) {
      void vscode.window.showInformationMessage('LSP Router: open a file and select code to refactor.');
      return;
    }
    const client = await this.requireClient();
    if (!client) return;
    const range = this.selectionOrLine(editor);
    const instruction = await vscode.window.showInputBox({
      title: 'LSP Router: Refactor Selection',
      prompt: 'How should the selected code change?',
      placeHolder: 'e.g. extract the loop into a helper function',
      ignoreFocusOut: true,
      validateInput: (v) => (v.trim() ? undefined : 'Describe the change (Escape cancels)'),
    });
    if (!instruction) return;
    try {
      const result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'LSP Router: refactoring…', cancellable: true },
        (_progress, token) =>
          client.sendRequest(
            ExecuteCommandRequest.type,
            {
              command: SERVER_COMMANDS.refactor,
              arguments: [
                {
                  textDocument: { uri: client.code2ProtocolConverter.asUri(editor.document.uri) },
                  range: client.code2ProtocolConverter.asRange(range),
                  instruction: instruction.trim(),
                },
              ],
            },
            token,
          ),
      );
      const r = result as { tier?: string; model?: string; costUsd?: number | null; cached?: boolean; reason?: string } | null;
      if (r && typeof r === 'object' && (r.tier || r.model)) {
        void vscode.window.setStatusBarMessage(statusMessage('refactored', r), 5000);
      }
    } catch (e) {
      void vscode.window.showErrorMessage(`LSP Router: refactor failed: ${errorMessage(e)}`);
    }
  }
}

function errorMessage(e: unknown): string {
  if (e instanceof Error) return e.message;
  if (e && typeof e === 'object' && 'message' in e) return String((e as { message: unknown }).message);
  return String(e);
}
