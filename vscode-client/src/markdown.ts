// A small, safe markdown -> HTML renderer for streamed explanations. The explain panel prefers
// VS Code's own renderer (`markdown.api.render`) and falls back to this one. Pure: unit tested.
// Everything is HTML-escaped first; only the constructs below become markup.

import { escapeHtml } from './spendHtml';

function inline(text: string): string {
  // Split on inline code first so its content is not formatted.
  return text
    .split(/(`[^`]*`)/g)
    .map((part) => {
      if (part.length >= 2 && part.startsWith('`') && part.endsWith('`')) {
        return `<code>${escapeHtml(part.slice(1, -1))}</code>`;
      }
      return escapeHtml(part)
        .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
        .replace(/__([^_]+)__/g, '<strong>$1</strong>')
        .replace(/(^|[^*])\*([^*\s][^*]*)\*/g, '$1<em>$2</em>');
    })
    .join('');
}

export function renderMarkdown(md: string): string {
  const lines = md.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  let para: string[] = [];
  let list: { tag: 'ul' | 'ol'; items: string[] } | null = null;
  let code: { lang: string; lines: string[] } | null = null;

  const flushPara = () => {
    if (para.length) out.push(`<p>${inline(para.join(' '))}</p>`);
    para = [];
  };
  const flushList = () => {
    if (list) out.push(`<${list.tag}>${list.items.map((i) => `<li>${inline(i)}</li>`).join('')}</${list.tag}>`);
    list = null;
  };

  for (const line of lines) {
    if (code) {
      if (/^\s*```/.test(line)) {
        const cls = code.lang ? ` class="language-${escapeHtml(code.lang)}"` : '';
        out.push(`<pre><code${cls}>${escapeHtml(code.lines.join('\n'))}</code></pre>`);
        code = null;
      } else {
        code.lines.push(line);
      }
      continue;
    }
    const fence = /^\s*```\s*([\w+-]*)/.exec(line);
    if (fence) {
      flushPara();
      flushList();
      code = { lang: fence[1] ?? '', lines: [] };
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      flushPara();
      flushList();
      const level = heading[1].length;
      out.push(`<h${level}>${inline(heading[2])}</h${level}>`);
      continue;
    }
    const bullet = /^\s*[-*+]\s+(.*)$/.exec(line);
    const numbered = /^\s*\d+[.)]\s+(.*)$/.exec(line);
    if (bullet || numbered) {
      flushPara();
      const tag = bullet ? 'ul' : 'ol';
      if (list && list.tag !== tag) flushList();
      if (!list) list = { tag, items: [] };
      list.items.push((bullet ?? numbered)![1]);
      continue;
    }
    if (line.trim() === '') {
      flushPara();
      flushList();
      continue;
    }
    if (list) {
      // continuation of the last list item
      list.items[list.items.length - 1] += ' ' + line.trim();
      continue;
    }
    para.push(line.trim());
  }
  if (code) {
    // still streaming: show the open block as it is
    out.push(`<pre><code>${escapeHtml((code as { lines: string[] }).lines.join('\n'))}</code></pre>`);
  }
  flushPara();
  flushList();
  return out.join('\n');
}
