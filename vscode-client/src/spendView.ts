// The spend view: a webview panel with this session's requests and the cumulative-spend chart,
// and a switch to today's totals and the last sessions (read from the server's ledger).

import * as vscode from 'vscode';
import { spendPageHtml, type SpendHistory, type SpendScope } from './spendHtml';
import type { SessionLedger } from './state';
import { nonce } from './util';

const SCOPES: readonly SpendScope[] = ['session', 'today', 'sessions'];

export class SpendView implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private timer: NodeJS.Timeout | undefined;
  private scope: SpendScope = 'session';
  private history: SpendHistory | null = null;
  private historyError: string | undefined;
  private reading = 0;

  constructor(
    private readonly ledger: SessionLedger,
    private readonly onReset: () => void,
    private readonly readHistory: () => Promise<SpendHistory>,
  ) {}

  show(): void {
    if (this.panel) {
      this.panel.reveal(undefined, false);
      this.render();
      return;
    }
    // Beside the code: the view is read next to what it prices, in half the window.
    this.panel = vscode.window.createWebviewPanel(
      'lspRouter.spend',
      'LSP Router: Spend',
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false },
      { enableScripts: true, retainContextWhenHidden: false, localResourceRoots: [] },
    );
    this.panel.onDidDispose(() => {
      this.panel = undefined;
    });
    this.panel.webview.onDidReceiveMessage((m) => {
      if (m && m.type === 'reset') this.onReset();
      if (m && m.type === 'scope' && SCOPES.includes(m.scope)) this.switchTo(m.scope);
    });
    if (this.scope !== 'session') void this.fetch();
    this.render();
  }

  /** Re-render soon (coalesces bursts of notifications); the history is read again when shown. */
  update(): void {
    if (!this.panel || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.scope !== 'session') void this.fetch();
      else this.render();
    }, this.scope === 'session' ? 100 : 1000);
  }

  private switchTo(scope: SpendScope): void {
    this.scope = scope;
    if (scope !== 'session') void this.fetch();
    this.render();
  }

  private async fetch(): Promise<void> {
    const mine = ++this.reading;
    try {
      const history = await this.readHistory();
      if (mine !== this.reading) return; // a newer read is under way
      this.history = history;
      this.historyError = undefined;
    } catch (err) {
      if (mine !== this.reading) return;
      this.historyError = err instanceof Error ? err.message : String(err);
    }
    this.render();
  }

  private render(): void {
    if (!this.panel) return;
    this.panel.webview.html = spendPageHtml({
      records: this.ledger.records,
      snapshot: this.ledger.latest,
      nonce: nonce(),
      cspSource: this.panel.webview.cspSource,
      scope: this.scope,
      history: this.history,
      historyError: this.historyError,
    });
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.panel?.dispose();
  }
}
