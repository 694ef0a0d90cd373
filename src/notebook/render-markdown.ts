import { escapeHtml } from '../report/escape-html.js';

export interface RenderMarkdownOptions {
  /**
   * Added to every heading level (default 0; 1 makes `#` an `<h2>`), capped at 6, so a
   * notebook's headings sit under the page's own `<h1>`.
   */
  readonly headingOffset?: number;
}

/** Link targets allowed: web and mail links, in-page anchors, and relative paths. */
const SAFE_URL = /^(?:https?:\/\/|mailto:|#|\.{1,2}\/|\/(?!\/)|[\w.-]+(?:[/#?]|$))/i;

/**
 * Renders a small, safe subset of Markdown to HTML: ATX headings (`#`…`######`),
 * paragraphs, bulleted (`-`, `*`) and numbered (`1.`) lists (one level; indented lines
 * continue an item), block quotes (`>`), fenced code blocks (```), and inline code,
 * `**strong**`, `*emphasis*` / `_emphasis_` and `[links](url)`. Everything else is
 * text: every character of the input reaches the page HTML-escaped, raw HTML is shown
 * as text, and a link whose target is not http(s), mailto, an anchor or a relative path
 * (e.g. `javascript:`) is shown as text. External links get `rel="noopener noreferrer"`.
 * Cost: O(length).
 * @example renderMarkdown('# Title\n\nSome *text* & `code`.') // '<h1>Title</h1>\n<p>Some <em>text</em> &amp; <code>code</code>.</p>'
 */
export function renderMarkdown(markdown: string, options: RenderMarkdownOptions = {}): string {
  const offset = options.headingOffset ?? 0;
  if (!Number.isInteger(offset) || offset < 0 || offset > 5) {
    throw new Error(`renderMarkdown requires headingOffset to be a whole number 0..5, got ${offset}`);
  }
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.trim() === '') {
      i++;
      continue;
    }
    const fence = /^\s*(```+|~~~+)\s*([\w-]*)\s*$/.exec(line);
    if (fence) {
      const close = fence[1]!;
      const body: string[] = [];
      i++;
      while (i < lines.length && !lines[i]!.trim().startsWith(close)) body.push(lines[i++]!);
      i++; // the closing fence (or the end)
      const lang = fence[2] ? ` class="language-${escapeHtml(fence[2])}"` : '';
      out.push(`<pre><code${lang}>${escapeHtml(body.join('\n'))}</code></pre>`);
      continue;
    }
    const heading = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      const level = Math.min(6, heading[1]!.length + offset);
      out.push(`<h${level}>${renderInline(heading[2]!)}</h${level}>`);
      i++;
      continue;
    }
    if (/^\s{0,3}>/.test(line)) {
      const body: string[] = [];
      while (i < lines.length && /^\s{0,3}>/.test(lines[i]!)) body.push(lines[i++]!.replace(/^\s{0,3}>\s?/, ''));
      out.push(`<blockquote>\n${renderMarkdown(body.join('\n'), options)}\n</blockquote>`);
      continue;
    }
    const item = listItem(line);
    if (item) {
      const ordered = item.ordered;
      const items: string[] = [];
      let current = [item.text];
      i++;
      while (i < lines.length) {
        const next = lines[i]!;
        const nextItem = listItem(next);
        if (nextItem && nextItem.ordered === ordered) {
          items.push(current.join(' '));
          current = [nextItem.text];
          i++;
        } else if (!nextItem && next.trim() !== '' && /^\s+/.test(next)) {
          current.push(next.trim());
          i++;
        } else break;
      }
      items.push(current.join(' '));
      const tag = ordered ? 'ol' : 'ul';
      out.push(`<${tag}>\n${items.map((t) => `<li>${renderInline(t)}</li>`).join('\n')}\n</${tag}>`);
      continue;
    }
    // A paragraph: this line (whatever it starts with: nothing above matched it), then lines
    // up to a blank line or the start of another block.
    const para: string[] = [line.trim()];
    i++;
    while (i < lines.length) {
      const next = lines[i]!;
      if (next.trim() === '' || /^\s{0,3}(#{1,6}\s|>|```|~~~)/.test(next) || listItem(next)) break;
      para.push(next.trim());
      i++;
    }
    out.push(`<p>${renderInline(para.join(' '))}</p>`);
  }
  return out.join('\n');
}

function listItem(line: string): { ordered: boolean; text: string } | null {
  const bullet = /^\s{0,3}[-*+]\s+(.*)$/.exec(line);
  if (bullet) return { ordered: false, text: bullet[1]! };
  const numbered = /^\s{0,3}\d{1,9}[.)]\s+(.*)$/.exec(line);
  if (numbered) return { ordered: true, text: numbered[1]! };
  return null;
}

/**
 * Inline Markdown: code spans first (their content is literal), then links, strong and
 * emphasis; all text escaped.
 */
function renderInline(text: string, inLink = false): string {
  let out = '';
  let i = 0;
  let plain = '';
  const flush = (): void => {
    out += escapeHtml(plain);
    plain = '';
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '\\' && i + 1 < text.length && /[\\`*_[\]()#>!-]/.test(text[i + 1]!)) {
      plain += text[i + 1];
      i += 2;
      continue;
    }
    if (ch === '`') {
      const run = /^`+/.exec(text.slice(i))![0];
      const end = text.indexOf(run, i + run.length);
      if (end > 0) {
        flush();
        out += `<code>${escapeHtml(text.slice(i + run.length, end).trim())}</code>`;
        i = end + run.length;
        continue;
      }
    }
    if (ch === '[' && !inLink) {
      const link = /^\[([^\]]+)\]\(([^()\s]*)\)/.exec(text.slice(i));
      if (link) {
        const url = link[2]!;
        if (SAFE_URL.test(url)) {
          flush();
          const external = /^https?:/i.test(url) ? ' rel="noopener noreferrer"' : '';
          out += `<a href="${escapeHtml(url)}"${external}>${renderInline(link[1]!, true)}</a>`;
          i += link[0].length;
          continue;
        }
      }
    }
    if ((ch === '*' || ch === '_') && text[i + 1] === ch) {
      const end = text.indexOf(ch + ch, i + 2);
      if (end > i + 2) {
        flush();
        out += `<strong>${renderInline(text.slice(i + 2, end), inLink)}</strong>`;
        i = end + 2;
        continue;
      }
    }
    if (ch === '*' || ch === '_') {
      const wordBefore = i > 0 && /\w/.test(text[i - 1]!);
      const end = text.indexOf(ch, i + 1);
      if (!(ch === '_' && wordBefore) && end > i + 1 && text[i + 1] !== ' ' && text[end - 1] !== ' ' && !(ch === '_' && /\w/.test(text[end + 1] ?? ''))) {
        flush();
        out += `<em>${renderInline(text.slice(i + 1, end), inLink)}</em>`;
        i = end + 1;
        continue;
      }
    }
    plain += ch;
    i++;
  }
  flush();
  return out;
}
