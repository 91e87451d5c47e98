/**
 * A portal's HTML page as lines: each paragraph or heading is a line of text; each `<tr>` is a line
 * whose tokens are its cells in order, so an empty cell stays an empty token instead of vanishing.
 * A cell that a rowspan/colspan carries into later rows appears once, on the row where it starts —
 * as a label it belongs to the rows below it, which is how the table readers take it.
 */
import { type HTMLElement, type Node, parse } from 'node-html-parser';
import { type Line, readNumber, type Token, tokeniseLine } from './lines.ts';

const BLOCK = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'dt',
  'dd',
  'blockquote',
  'pre',
  'caption',
]);
const SKIP = new Set(['head', 'script', 'style', 'noscript', 'template', 'title']);

/** Whether a text looks like an HTML document rather than plain text. */
export function looksLikeHtml(text: string): boolean {
  return /<(html|body|table|p|div)[\s>]/i.test(text.slice(0, 5000));
}

function lineStarts(source: string): number[] {
  const starts = [0];
  for (let i = 0; i < source.length; i++) if (source[i] === '\n') starts.push(i + 1);
  return starts;
}

function lineOf(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** Text of an element with its block children and `<br>` as line breaks, entities decoded. */
function blockTexts(element: HTMLElement): string[] {
  const parts: string[] = [''];
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      parts[parts.length - 1] += node.text;
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as HTMLElement;
    const tag = el.tagName?.toLowerCase() ?? '';
    if (tag === 'br' || BLOCK.has(tag)) parts.push('');
    for (const child of el.childNodes) walk(child);
    if (BLOCK.has(tag)) parts.push('');
  };
  for (const child of element.childNodes) walk(child);
  return parts.map((p) => p.replace(/[\s\u00a0]+/g, ' ').trim()).filter((p) => p !== '');
}

function cellToken(cell: HTMLElement): Token {
  const text = blockTexts(cell).join('');
  if (text === '') return { type: 'empty', raw: '' };
  const number = readNumber(text.replace(/\s+/g, ''));
  if (number) return number;
  const tokens = tokeniseLine(text);
  if (tokens.length === 1 && tokens[0]!.type === 'empty') return tokens[0]!;
  return { type: 'text', text };
}

export function htmlLines(source: string): Line[] {
  const root = parse(source, {
    comment: false,
    blockTextElements: { script: false, style: false, pre: true },
  });
  const starts = lineStarts(source);
  const lines: Line[] = [];
  const emitText = (node: Node, texts: string[]) => {
    const no = lineOf(starts, node.range[0]);
    for (const raw of texts) lines.push({ no, raw, tokens: tokeniseLine(raw), paragraph: true });
  };
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      const text = node.text.replace(/[\s\u00a0]+/g, ' ').trim();
      if (text) emitText(node, [text]);
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as HTMLElement;
    const tag = el.tagName?.toLowerCase() ?? '';
    if (SKIP.has(tag)) return;
    if (tag === 'table') {
      // Portals often lay a whole page out in a table: a cell holding a table or a page of text
      // is walked as page content, not read as one cell.
      const own = el.querySelectorAll('tr').filter((tr) => tr.closest('table') === el);
      for (const tr of own) {
        const cells = tr.childNodes.filter(
          (c): c is HTMLElement =>
            c.nodeType === 1 && ['td', 'th'].includes((c as HTMLElement).tagName.toLowerCase()),
        );
        if (cells.some((c) => c.querySelector('table') || c.text.length > 300)) {
          for (const cell of cells) walk(cell);
          continue;
        }
        const tokens = cells.map(cellToken);
        const raw = tokens.map((t) => (t.type === 'text' ? t.text : t.raw)).join(' ');
        lines.push({ no: lineOf(starts, tr.range[0]), raw, tokens, tableRow: true });
      }
      return;
    }
    if (BLOCK.has(tag)) {
      emitText(el, blockTexts(el));
      return;
    }
    for (const child of el.childNodes) walk(child);
  };
  walk(root);
  return lines;
}

/** The page's `<title>`, cut at the separators portals add (「…年度报告_某某县人民政府」), as lines. */
export function htmlTitleLines(source: string): Line[] {
  const m = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(source);
  if (!m) return [];
  const starts = lineStarts(source);
  const no = lineOf(starts, m.index);
  const title = parse(m[1]!).text;
  return title
    .split(/\s*[_|｜\-–—]+\s*/)
    .filter((part) => part.trim() !== '')
    .map((raw) => ({ no, raw, tokens: tokeniseLine(raw) }));
}
