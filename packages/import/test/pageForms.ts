/**
 * The forms a portal page's report reaches users in, made from the page: text copied cell by cell
 * (one cell per line, or each ending in ` |` with `||` closing a row), a row per line, a Markdown
 * pipe table, a .docx. A copy loses what the form loses: copied text drops empty cells.
 */
import { type HTMLElement, type Node, parse } from 'node-html-parser';
import { htmlToDocx } from './htmlToDocx.ts';

export type PageForm = 'cells' | 'pipes' | 'rows' | 'markdown';

type Block = { kind: 'p'; text: string } | { kind: 'table'; rows: string[][] };

function blocks(html: string): Block[] {
  const out: Block[] = [];
  const clean = (el: HTMLElement) => el.text.replace(/\s+/g, ' ').trim();
  const walk = (node: Node) => {
    if (node.nodeType !== 1) return;
    const el = node as HTMLElement;
    const tag = el.tagName?.toLowerCase() ?? '';
    if (tag === 'head' || tag === 'script' || tag === 'style') return;
    if (tag === 'table') {
      const rows = el
        .querySelectorAll('tr')
        .filter((tr) => tr.closest('table') === el)
        .map((tr) =>
          tr.childNodes
            .filter((c): c is HTMLElement => c.nodeType === 1 && /^t[dh]$/i.test((c as HTMLElement).tagName))
            .map(clean),
        );
      out.push({ kind: 'table', rows });
    } else if (/^(p|h[1-6])$/.test(tag)) {
      if (clean(el)) out.push({ kind: 'p', text: clean(el) });
    } else for (const child of el.childNodes) walk(child);
  };
  walk(parse(html));
  return out;
}

export function pageAs(html: string, form: PageForm): string {
  const out: string[] = [];
  for (const b of blocks(html)) {
    if (b.kind === 'p') {
      out.push(form === 'markdown' && /年度报告$/.test(b.text) ? `# ${b.text}` : b.text, '');
      continue;
    }
    b.rows.forEach((row, n) => {
      const filled = row.filter((c) => c !== '');
      if (form === 'cells') out.push(...filled);
      else if (form === 'pipes') out.push(...filled.map((c) => `${c} |`), '||');
      else if (form === 'rows') out.push(filled.join('  '));
      else {
        out.push(`| ${row.join(' | ')} |`);
        if (n === 0) out.push(`|${row.map(() => ' --- ').join('|')}|`);
      }
    });
    out.push('');
  }
  return out.join('\n');
}

export { htmlToDocx };
