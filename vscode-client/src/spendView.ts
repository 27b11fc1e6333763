// The spend view: a webview panel with this session's requests and the cumulative-spend chart.

import * as vscode from 'vscode';
import { spendPageHtml } from './spendHtml';
import type { SessionLedger } from './state';
import { nonce } from './util';

export class SpendView implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly ledger: SessionLedger,
    private readonly onReset: () => void,
  ) {}

  show(): void {
    if (this.panel) {
      this.panel.reveal(undefined, false);
      this.render();
      return;
    }
    this.panel = vscode.window.createWebviewPanel(
      'lspRouter.spend',
      'LSP Router: Spend',
      { viewColumn: vscode.ViewColumn.Active, preserveFocus: false },
      { enableScripts: true, retainContextWhenHidden: false, localResourceRoots: [] },
    );
    this.panel.onDidDispose(() => {
      this.panel = undefined;
    });
    this.panel.webview.onDidReceiveMessage((m) => {
      if (m && m.type === 'reset') this.onReset();
    });
    this.render();
  }

  /** Re-render soon (coalesces bursts of notifications). */
  update(): void {
    if (!this.panel || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.render();
    }, 100);
  }

  private render(): void {
    if (!this.panel) return;
    this.panel.webview.html = spendPageHtml({
      records: this.ledger.records,
      snapshot: this.ledger.latest,
      nonce: nonce(),
      cspSource: this.panel.webview.cspSource,
    });
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.panel?.dispose();
  }
}
