// The spend status bar item. One function, rust-analyzer style: state in, item updated.

import * as vscode from 'vscode';
import { statusView, type StatusState } from './state';

export function createStatusBarItem(): vscode.StatusBarItem {
  const item = vscode.window.createStatusBarItem('lspRouter.spend', vscode.StatusBarAlignment.Right, 1000);
  item.name = 'LSP Router Spend';
  return item;
}

export function updateStatusBarItem(item: vscode.StatusBarItem, state: StatusState): void {
  const view = statusView(state);
  item.text = view.text;
  const tooltip = new vscode.MarkdownString(view.tooltip, true);
  tooltip.isTrusted = true; // command: links (set key, spend view, reset session)
  tooltip.supportHtml = false;
  item.tooltip = tooltip;
  item.command = view.command;
  item.accessibilityInformation = { label: view.accessibilityLabel, role: 'button' };
  switch (view.severity) {
    case 'warning':
      item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
      item.color = new vscode.ThemeColor('statusBarItem.warningForeground');
      break;
    case 'error':
      item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
      item.color = new vscode.ThemeColor('statusBarItem.errorForeground');
      break;
    default:
      item.backgroundColor = undefined;
      item.color = undefined;
  }
  item.show();
}
