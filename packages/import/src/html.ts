/**
 * A portal's HTML page as lines: each paragraph or heading is a line of text; each `<tr>` is a line
 * whose tokens are its cells in order, so an empty cell stays an empty token instead of vanishing.
 * A cell that a rowspan/colspan carries into later rows appears once, on the row where it starts —
 * as a label it belongs to the rows below it, which is how the table readers take it.
 */
import { type HTMLElement, type Node, parse } from 'node-html-parser';
import { ImportError } from './importReport.ts';
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

/**
 * Deeper nesting than any real page has (portals nest a few dozen levels): the readers below walk the
 * tree recursively, and the parser takes quadratic time on it, so such a page is refused unread.
 */
const MAX_HTML_DEPTH = 400;
const VOID_OR_AUTO_CLOSED =
  /^(area|base|br|col|embed|hr|img|input|link|meta|source|track|wbr|p|li|dt|dd|td|th|tr|option|tbody|thead|tfoot|colgroup)$/;

function tooDeep(): ImportError {
  return new ImportError({
    zh: `网页的标签嵌套超过 ${MAX_HTML_DEPTH} 层，不是可以读取的年度报告页面`,
    en: `the page nests its tags more than ${MAX_HTML_DEPTH} levels deep; it is not a readable report page`,
  });
}

/** Refuses a page nested too deep, by counting its tags before parsing (close tags of open ones only). */
function checkTagDepth(source: string): void {
  const open = new Map<string, number>();
  let depth = 0;
  for (const m of source.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*>/g)) {
    const tag = m[2]!.toLowerCase();
    if (VOID_OR_AUTO_CLOSED.test(tag) || m[0].endsWith('/>')) continue;
    const count = open.get(tag) ?? 0;
    if (m[1]) {
      if (count > 0) {
        open.set(tag, count - 1);
        depth--;
      }
    } else {
      open.set(tag, count + 1);
      if (++depth > MAX_HTML_DEPTH) throw tooDeep();
    }
  }
}

/** The parsed tree's depth, walked without recursion (what the tag count may miss, the tree shows). */
function checkTreeDepth(root: Node): void {
  const stack: [Node, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > MAX_HTML_DEPTH) throw tooDeep();
    for (const child of node.childNodes) stack.push([child, depth + 1]);
  }
}

export function htmlLines(source: string): Line[] {
  checkTagDepth(source);
  const root = parse(source, {
    comment: false,
    blockTextElements: { script: false, style: false, pre: true },
  });
  checkTreeDepth(root);
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
