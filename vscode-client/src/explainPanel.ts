// "Explain Selection": a side panel that shows the server's streamed markdown as it arrives.
// The extension passes a work-done token with `lspRouter.explain`; each `$/progress` report's
// `message` carries the next chunk of text; the command's result carries the whole markdown.

import * as vscode from 'vscode';
import { explainHeader } from './format';
import { renderMarkdown } from './markdown';
import type { ExplainResult } from './protocol';
import { escapeHtml } from './spendHtml';
import { nonce } from './util';

type PanelStatus = 'streaming' | 'done' | 'error' | 'cancelled';

export class ExplainPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private text = '';
  private title = '';
  private header = '';
  private status: PanelStatus = 'done';
  private statusText = '';
  private timer: NodeJS.Timeout | undefined;
  private cancel: vscode.CancellationTokenSource | undefined;
  private useVsCodeRenderer = true;
  private generation = 0;
  private seq = 0;

  /** Open (or reuse) the panel for a new explanation; returns a token cancelled if the user closes it. */
  start(title: string): vscode.CancellationToken {
    this.cancel?.cancel();
    this.cancel?.dispose();
    this.cancel = new vscode.CancellationTokenSource();
    this.generation++;
    this.text = '';
    this.title = title;
    this.header = '';
    this.status = 'streaming';
    this.statusText = 'Waiting for the model…';
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel(
        'lspRouter.explain',
        'Explain',
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        { enableScripts: true, retainContextWhenHidden: true, localResourceRoots: [] },
      );
      this.panel.webview.html = this.html();
      this.panel.webview.onDidReceiveMessage((m) => {
        if (m && m.type === 'ready') void this.flush();
        if (m && m.type === 'stop') this.cancel?.cancel();
      });
      this.panel.onDidDispose(() => {
        this.panel = undefined;
        this.cancel?.cancel();
      });
    } else {
      this.panel.reveal(vscode.ViewColumn.Beside, true);
    }
    this.panel.title = `Explain: ${title}`;
    void this.flush();
    return this.cancel.token;
  }

  append(chunk: string): void {
    if (this.status !== 'streaming') return;
    this.text += chunk;
    this.statusText = 'Streaming…';
    this.schedule();
  }

  finish(result: ExplainResult | null | undefined): void {
    if (result && typeof result.markdown === 'string') this.text = result.markdown;
    this.header = result ? explainHeader(result) : '';
    this.status = 'done';
    this.statusText = 'Done';
    void this.flush();
  }

  fail(message: string): void {
    this.status = 'error';
    this.statusText = message;
    void this.flush();
  }

  cancelled(): void {
    this.status = 'cancelled';
    this.statusText = 'Cancelled';
    void this.flush();
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, 60);
  }

  private async render(md: string): Promise<string> {
    if (this.useVsCodeRenderer) {
      try {
        const html = await vscode.commands.executeCommand<string>('markdown.api.render', md);
        if (typeof html === 'string') return html;
      } catch {
        this.useVsCodeRenderer = false;
      }
    }
    return renderMarkdown(md);
  }

  private async flush(): Promise<void> {
    if (!this.panel) return;
    const gen = this.generation;
    const mySeq = ++this.seq;
    const html = await this.render(this.text);
    // a later flush (more text) or a new explanation supersedes this one
    if (!this.panel || gen !== this.generation || mySeq !== this.seq) return;
    void this.panel.webview.postMessage({
      type: 'render',
      title: this.title,
      header: this.header,
      status: this.status,
      statusText: this.statusText,
      html,
      text: this.text,
    });
  }

  private html(): string {
    const n = nonce();
    const csp = this.panel!.webview.cspSource;
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src ${csp} https: data:; style-src ${csp} 'nonce-${n}'; script-src 'nonce-${n}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<style nonce="${n}">
  body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); padding: 0 16px 24px; line-height: 1.5; }
  #title { font-weight: 600; margin-top: 12px; }
  #meta { color: var(--vscode-descriptionForeground); font-size: 90%; margin: 2px 0 8px; }
  #status { color: var(--vscode-descriptionForeground); font-size: 90%; }
  #status.error { color: var(--vscode-errorForeground); }
  pre { background: var(--vscode-textCodeBlock-background); padding: 8px; overflow-x: auto; }
  code { font-family: var(--vscode-editor-font-family); }
  hr { border: none; border-top: 1px solid var(--vscode-editorWidget-border, rgba(128,128,128,.3)); }
  button { color: var(--vscode-button-secondaryForeground); background: var(--vscode-button-secondaryBackground); border: none; padding: 2px 8px; cursor: pointer; }
</style>
</head>
<body data-status="streaming">
<div id="title">${escapeHtml(this.title)}</div>
<div id="meta"></div>
<hr>
<div id="content"></div>
<p><span id="status">Waiting for the model…</span> <button id="stop">Stop</button></p>
<script nonce="${n}">
  const vscode = acquireVsCodeApi();
  const $ = (id) => document.getElementById(id);
  $('stop').addEventListener('click', () => vscode.postMessage({ type: 'stop' }));
  window.addEventListener('message', (e) => {
    const m = e.data;
    if (!m || m.type !== 'render') return;
    $('title').textContent = m.title;
    $('meta').textContent = m.header;
    $('content').innerHTML = m.html;
    $('status').textContent = m.statusText;
    $('status').className = m.status;
    $('stop').style.display = m.status === 'streaming' ? '' : 'none';
    document.body.dataset.status = m.status;
    // the length of the first partial text shown while streaming (tests read it)
    if (m.status === 'streaming' && !m.text) delete document.body.dataset.partialChars;
    if (m.status === 'streaming' && m.text && !document.body.dataset.partialChars) document.body.dataset.partialChars = String(m.text.length);
  });
  vscode.postMessage({ type: 'ready' });
</script>
</body>
</html>`;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.cancel?.cancel();
    this.cancel?.dispose();
    this.panel?.dispose();
  }
}
