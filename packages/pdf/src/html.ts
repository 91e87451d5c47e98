/**
 * The report as one self-contained HTML document for a portal's CMS: the same words and figures
 * as the PDF (both come from reportModel), real <table> rowspan/colspan taken from the schema's
 * span layout, and styles that print it on A4 like the PDF. Tables also carry border and
 * cellpadding attributes, because many CMS editors strip <style> when a page is pasted in.
 */
import {
  type BlocksTable,
  blockColumnSpans,
  cellId,
  type HeaderNode,
  type MatrixTable,
  matrixLayout,
  type ReportData,
  type SpanCell,
} from '@nianbao/schema';
import type { RenderOptions, Shown } from './lang.ts';
import { buildReportModel, type NarrativeModel, type ReportModel, type SectionModel } from './reportModel.ts';
import { blocksWidths, isDense, matrixWidths } from './tableWidths.ts';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/gu, (ch) => ESCAPES[ch]!);
}

const lines = (text: string) => text.split('\n').map(escapeHtml).join('<br>');

/** A label: Chinese, or English, or Chinese with the English beneath. */
function label(shown: Shown): string {
  return shown.sub
    ? `${lines(shown.main)}<br><span class="en" lang="en">${lines(shown.sub)}</span>`
    : lines(shown.main);
}

function attrs(cell: { rowSpan?: number; colSpan?: number }): string {
  return (
    (cell.rowSpan && cell.rowSpan > 1 ? ` rowspan="${cell.rowSpan}"` : '') +
    (cell.colSpan && cell.colSpan > 1 ? ` colspan="${cell.colSpan}"` : '')
  );
}

const percent = (fraction: number) => `${(fraction * 100).toFixed(2)}%`;

function colgroup(widths: number[]): string {
  return `<colgroup>${widths.map((w) => `<col style="width:${percent(w)}">`).join('')}</colgroup>`;
}

/**
 * The table's caption, for screen readers (the section heading above it shows the same words):
 * the heading, without its number.
 */
function caption(section: SectionModel): string {
  const plain = (text: string) => text.replace(/^[一二三四五六七八九十]+、\s*|^[IVX]+\.\s*/u, '');
  const shown = { main: plain(section.heading.main), sub: section.heading.sub && plain(section.heading.sub) };
  return `<caption class="visually-hidden">${label(shown)}</caption>`;
}

const TABLE_OPEN = (className: string) =>
  `<table class="${className}" border="1" cellspacing="0" cellpadding="3" style="border-collapse:collapse;width:100%">`;

/** Header cells' ids: unique in the document, as a data cell's `headers` names them. */
const headerId = (table: string, axis: 'c' | 'r', node: string) => `${table}-${axis}-${node}`;

/** Ancestors of each leaf of a header tree (the leaf included), root first. */
function paths(nodes: HeaderNode[], above: HeaderNode[] = []): Map<string, HeaderNode[]> {
  const out = new Map<string, HeaderNode[]>();
  for (const node of nodes) {
    const path = [...above, node];
    if (node.children?.length) for (const [id, p] of paths(node.children, path)) out.set(id, p);
    else out.set(node.id, path);
  }
  return out;
}

/**
 * Tables 三 and 四 have headers on several levels (申请人情况 › 法人或其他组织 › 商业企业; 三、本年度办理结果
 * › （三）不予公开 › 1.属于国家秘密): every header cell has an id and every figure lists the ids of all
 * its headers, which screen readers announce (WCAG technique H43); leaf headers also carry scope.
 */
function matrixTable(table: MatrixTable, section: SectionModel, model: ReportModel): string {
  const layout = matrixLayout(table);
  const widths = matrixWidths(table);
  const columnPaths = paths(table.columns);
  const rowPaths = paths(table.rows ?? []);
  const out: string[] = [
    TABLE_OPEN(isDense(layout.labelColumns + layout.columnLeaves.length) ? 'dense' : 'roomy'),
    caption(section),
    colgroup([...widths.labels, ...layout.columnLeaves.map(() => widths.value)]),
    '<thead>',
  ];
  layout.header.forEach((row, r) => {
    // The corner holds a note on the figures, not a header: a plain cell.
    const corner =
      r === 0 && layout.labelColumns > 0
        ? `<td${attrs({ rowSpan: layout.headerRows, colSpan: layout.labelColumns })} class="corner">${table.corner ? label(model.show(table.corner)) : ''}</td>`
        : '';
    const cells = row.map(
      (c: SpanCell) =>
        `<th${attrs(c)} id="${headerId(table.id, 'c', c.node.id)}" scope="${c.colSpan > 1 ? 'colgroup' : 'col'}">${label(model.show(c.node.label))}</th>`,
    );
    out.push(`<tr>${corner}${cells.join('')}</tr>`);
  });
  out.push('</thead><tbody>');
  const rowIds = layout.rowLeaves.length ? layout.rowLeaves.map((n) => n.id) : [undefined];
  rowIds.forEach((rowId, r) => {
    const heads = (layout.body[r] ?? []).map(
      (c) =>
        `<th${attrs(c)} id="${headerId(table.id, 'r', c.node.id)}"${c.rowSpan > 1 ? '' : ' scope="row"'}>${label(model.show(c.node.label))}</th>`,
    );
    const rowHeaders = rowId ? rowPaths.get(rowId)!.map((n) => headerId(table.id, 'r', n.id)) : [];
    const values = layout.columnLeaves.map((col) => {
      const id = cellId(table.id, rowId, col.id);
      const headers = [...columnPaths.get(col.id)!.map((n) => headerId(table.id, 'c', n.id)), ...rowHeaders];
      return `<td headers="${headers.join(' ')}" data-cell="${id}">${escapeHtml(model.value(id))}</td>`;
    });
    out.push(`<tr>${heads.join('')}${values.join('')}</tr>`);
  });
  out.push('</tbody></table>');
  return out.join('\n');
}

/**
 * Table 二: each block has its own caption row and header row, so a figure names its headers by id
 * (its block's caption, its column, its row) rather than by a scope that would run into the next block.
 */
function blocksTable(table: BlocksTable, section: SectionModel, model: ReportModel): string {
  const widths = blocksWidths(table);
  const all = table.gridColumns + 1;
  const out: string[] = [
    TABLE_OPEN(isDense(all) ? 'dense' : 'roomy'),
    caption(section),
    colgroup([widths.rowHeader, ...Array.from({ length: table.gridColumns }, () => widths.grid)]),
    '<tbody>',
  ];
  for (const block of table.blocks) {
    const spans = blockColumnSpans(table, block.columns.length);
    const id = (part: string) => `${table.id}-${block.id}-${part}`;
    out.push(
      `<tr class="caption"><th${attrs({ colSpan: all })} id="${id('caption')}">${label(model.show(block.caption))}</th></tr>`,
    );
    out.push(
      `<tr><th id="${id('head')}">${label(model.show(table.rowHeader))}</th>${block.columns
        .map(
          (c, i) =>
            `<th${attrs({ colSpan: spans[i] })} id="${id(`c-${c.id}`)}">${label(model.show(c.label))}</th>`,
        )
        .join('')}</tr>`,
    );
    for (const row of block.rows) {
      const values = block.columns.map((c, i) => {
        const cell = cellId(table.id, row.id, c.id);
        const headers = [id('caption'), id(`c-${c.id}`), id(`r-${row.id}`)].join(' ');
        return `<td${attrs({ colSpan: spans[i] })} headers="${headers}" data-cell="${cell}">${escapeHtml(model.value(cell))}</td>`;
      });
      out.push(
        `<tr><th id="${id(`r-${row.id}`)}" headers="${id('head')}">${label(model.show(row.label))}</th>${values.join('')}</tr>`,
      );
    }
  }
  out.push('</tbody></table>');
  return out.join('\n');
}

function heading(tag: 'h1' | 'h2' | 'h3', shown: Shown, id?: string): string {
  const main = `<span class="zh">${lines(shown.main)}</span>`;
  const sub = shown.sub ? `<span class="en" lang="en">${lines(shown.sub)}</span>` : '';
  return `<${tag}${id ? ` id="${id}"` : ''}>${main}${sub}</${tag}>`;
}

const STYLE = `
body { margin: 0; color: #000; background: #fff; }
.visually-hidden { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.nianbao-report { max-width: 156mm; margin: 0 auto; font-family: "Noto Serif CJK SC", "Noto Serif SC", "Source Han Serif SC", "Songti SC", SimSun, serif; font-size: 16pt; line-height: 28.9pt; }
.nianbao-report h1 { font-size: 22pt; line-height: 1.45; text-align: center; font-weight: 700; margin: 0 0 28.9pt; }
.nianbao-report h1 .en { display: block; font-size: 14pt; line-height: 1.4; margin-top: 4pt; }
.nianbao-report h2, .nianbao-report h3 { font-size: 16pt; line-height: 28.9pt; margin: 0; text-indent: 2em; break-after: avoid; page-break-after: avoid; }
.nianbao-report h2 { font-family: "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", SimHei, sans-serif; }
.nianbao-report h2 .en, .nianbao-report h3 .en { display: block; font-size: 12.5pt; line-height: 1.5; text-indent: 2.5em; }
.nianbao-report p { margin: 0; text-indent: 2em; text-align: justify; }
.nianbao-report p[lang="en"] { font-size: 12.5pt; line-height: 1.6; margin-bottom: 4pt; }
.nianbao-report:lang(en) h2, .nianbao-report:lang(en) h3 { text-indent: 0; }
.nianbao-report table { border-collapse: collapse; width: 100%; margin: 6pt 0 12pt; line-height: 1.3; table-layout: fixed; }
.nianbao-report table.roomy { font-size: 10.5pt; }
.nianbao-report table.dense { font-size: 9.5pt; }
.nianbao-report th, .nianbao-report td { border: 0.6pt solid #000; padding: 2.5pt; text-align: center; vertical-align: middle; font-weight: 400; }
.nianbao-report table .en { font-size: 7pt; line-height: 1.2; hyphens: auto; overflow-wrap: anywhere; }
.nianbao-report tr { break-inside: avoid; page-break-inside: avoid; }
.nianbao-report .closing { text-align: center; width: fit-content; margin: 28.9pt 4em 0 auto; text-indent: 0; }
.nianbao-report .closing .en { font-size: 12.5pt; line-height: 1.6; }
@media screen { .nianbao-report { padding: 1em; } }
@media print {
  @page { size: A4; margin: 37mm 26mm 35mm 28mm; }
  @page :right { @bottom-right { content: "— " counter(page) " —"; font-size: 14pt; vertical-align: top; padding: 7mm 14pt 0 0; } }
  @page :left { @bottom-left { content: "— " counter(page) " —"; font-size: 14pt; vertical-align: top; padding: 7mm 0 0 14pt; } }
  .nianbao-report { max-width: none; }
  .nianbao-report thead { display: table-header-group; }
  .nianbao-report h2, .nianbao-report h3 { break-after: avoid; }
  .nianbao-report p { orphans: 2; widows: 2; }
}
`;

/** The report as a standalone HTML document; throws MissingEnglishError for `en` like the PDF. */
export function renderReportHtml(report: ReportData, options: RenderOptions): string {
  const model = buildReportModel(report, options.lang);
  const body: string[] = [heading('h1', model.title)];
  const paragraphsOf = (block: NarrativeModel) =>
    block.paragraphs.map(
      (p) => `<p${p.lang === 'en' && model.lang !== 'en' ? ' lang="en"' : ''}>${escapeHtml(p.text)}</p>`,
    );
  for (const block of model.opening) body.push(...paragraphsOf(block));
  for (const section of model.sections) {
    body.push(`<section aria-labelledby="${section.id}">`, heading('h2', section.heading, section.id));
    for (const block of section.narrative) {
      if (block.heading) body.push(heading('h3', block.heading));
      body.push(...paragraphsOf(block));
    }
    if (section.table?.type === 'matrix') body.push(matrixTable(section.table, section, model));
    if (section.table?.type === 'blocks') body.push(blocksTable(section.table, section, model));
    body.push('</section>');
  }
  const closing = model.closing
    .map((c) =>
      c.lines
        .map((l) =>
          c.lang === 'en' && model.lang !== 'en'
            ? `<span class="en" lang="en">${escapeHtml(l)}</span>`
            : escapeHtml(l),
        )
        .join('<br>'),
    )
    .join('<br>');
  body.push(`<p class="closing">${closing}</p>`);
  const { meta } = model;
  return [
    '<!doctype html>',
    `<html lang="${meta.language}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(meta.title)}</title>`,
    `<meta name="author" content="${escapeHtml(meta.author)}">`,
    `<meta name="description" content="${escapeHtml(meta.subject)}">`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<main><article class="nianbao-report" lang="${meta.language}">`,
    ...body,
    '</article></main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
