/**
 * A .docx made from an HTML page with the `docx` package, the way a portal's Word attachment holds
 * the same report: headings and paragraphs as paragraphs, each `<table>` as a Word table whose
 * merged cells keep the page's rowspan/colspan. Only for tests: the importer reads .docx, it never writes one.
 */
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { type HTMLElement, type Node, parse } from 'node-html-parser';

const BLOCK = /^(p|h[1-6]|li|div)$/;

function paragraphsOf(el: HTMLElement): Paragraph[] {
  const text = el.text.replace(/\s+/g, ' ').trim();
  return [new Paragraph({ children: [new TextRun(text)] })];
}

function tableOf(el: HTMLElement): Table {
  const rows = el.querySelectorAll('tr').filter((tr) => tr.closest('table') === el);
  return new Table({
    rows: rows.map(
      (tr) =>
        new TableRow({
          children: tr.childNodes
            .filter((c): c is HTMLElement => c.nodeType === 1 && /^t[dh]$/i.test((c as HTMLElement).tagName))
            .map(
              (td) =>
                new TableCell({
                  rowSpan: Number(td.getAttribute('rowspan') ?? 1),
                  columnSpan: Number(td.getAttribute('colspan') ?? 1),
                  children: [new Paragraph({ children: [new TextRun(td.text.replace(/\s+/g, ' ').trim())] })],
                }),
            ),
        }),
    ),
  });
}

export async function htmlToDocx(html: string): Promise<Uint8Array> {
  const body: (Paragraph | Table)[] = [];
  const walk = (node: Node) => {
    if (node.nodeType !== 1) return;
    const el = node as HTMLElement;
    const tag = el.tagName?.toLowerCase() ?? '';
    if (tag === 'head' || tag === 'script' || tag === 'style') return;
    if (tag === 'table') body.push(tableOf(el));
    else if (BLOCK.test(tag) && !el.querySelector('table,p,div')) body.push(...paragraphsOf(el));
    else for (const child of el.childNodes) walk(child);
  };
  walk(parse(html));
  const doc = new Document({ sections: [{ children: body }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}
