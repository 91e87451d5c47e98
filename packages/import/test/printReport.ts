/**
 * Prints report data the ways published copies come: one cell per line ending in ` |` (a copied web
 * table), one cell per paragraph, one row per line, or an HTML table with the official spans. Built
 * from the format definition, for tests that import what it prints.
 */
import {
  type BlocksTable,
  type FormatDef,
  getFormat,
  type MatrixTable,
  matrixLayout,
  type ReportData,
  reportTitle,
} from '@nianbao/schema';

/**
 * `columns` is raw pdftotext of some PDFs: table 三's rows 5–14 come column by column (ten figures
 * of one column, then the next), their labels after the figures.
 */
export type PrintStyle = 'pipes' | 'paragraphs' | 'rows' | 'html' | 'columns' | 'markdown';

type Row = { cells: string[]; body?: boolean };

function tables(format: FormatDef, data: ReportData): { heading: string; rows: Row[] }[] {
  const value = (id: string) => {
    const v = data.cells[id];
    return v === null || v === undefined ? '0' : String(v);
  };
  return format.sections.map((section) => {
    const rows: Row[] = [];
    const table = section.table;
    if (table?.type === 'blocks') {
      const t = table as BlocksTable;
      for (const block of t.blocks) {
        rows.push({ cells: [block.caption.zh] });
        rows.push({ cells: [t.rowHeader.zh, ...block.columns.map((c) => c.label.zh)] });
        for (const row of block.rows)
          rows.push({ cells: [row.label.zh, ...block.columns.map((c) => value(`t2.${row.id}.${c.id}`))] });
      }
    } else if (table?.type === 'matrix') {
      const t = table as MatrixTable;
      const layout = matrixLayout(t);
      const header = layout.header.map((r) => r.map((c) => c.node.label.zh));
      if (t.corner) header[0]!.unshift(t.corner.zh);
      for (const h of header) rows.push({ cells: h });
      const columns = layout.columnLeaves.map((c) => c.id);
      if (layout.rowLeaves.length === 0) rows.push({ cells: columns.map((c) => value(`${t.id}.${c}`)) });
      layout.rowLeaves.forEach((leaf, i) => {
        const labels = layout.body[i]!.map((c) => c.node.label.zh);
        rows.push({
          cells: [...labels, ...columns.map((c) => value(`${t.id}.${leaf.id}.${c}`))],
          body: true,
        });
      });
    }
    return { heading: section.label.zh, rows };
  });
}

export function printReport(data: ReportData, style: PrintStyle): string {
  const format = getFormat(data.format);
  const parts = tables(format, data);
  const narrative = (section: string) =>
    format.sections
      .find((s) => s.id === section)!
      .narrative.map((b) => data.narrative[b.id]?.zh ?? '')
      .filter((t) => t !== '');
  const title = reportTitle(data).zh;
  if (style === 'html') {
    const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    const body = parts.map((p, i) => {
      const section = format.sections[i]!;
      const text = narrative(section.id)
        .map((t) => `<p>${esc(t)}</p>`)
        .join('\n');
      const table = p.rows.length
        ? `<table border="1">\n${p.rows.map((r) => `<tr>${r.cells.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('\n')}\n</table>`
        : '';
      return `<p>${esc(p.heading)}</p>\n${text}\n${table}`;
    });
    return `<!doctype html>\n<html><body>\n<h1>${esc(title)}</h1>\n${body.join('\n')}\n</body></html>\n`;
  }
  if (style === 'markdown') {
    // A converter's Markdown: 「#」 headings, one pipe row per table row, a separator row under the first.
    const out: string[] = [`# ${title}`, ''];
    parts.forEach((p, i) => {
      out.push(`## ${p.heading}`, '', ...narrative(format.sections[i]!.id).flatMap((t) => [t, '']));
      p.rows.forEach((row, n) => {
        out.push(`| ${row.cells.join(' | ')} |`);
        if (n === 0) out.push(`|${row.cells.map(() => ' --- ').join('|')}|`);
      });
      out.push('');
    });
    return out.join('\n');
  }
  const out: string[] = [title, ''];
  parts.forEach((p, i) => {
    out.push(p.heading, '');
    for (const t of narrative(format.sections[i]!.id)) out.push(t, '');
    if (style === 'columns' && format.sections[i]!.id === 's3') {
      const body = p.rows.filter((r) => r.body);
      const split = (r: Row) => [r.cells.slice(0, -7), r.cells.slice(-7)] as const;
      for (const row of p.rows.filter((r) => !r.body)) out.push(...row.cells, '');
      body.forEach((row, n) => {
        if (n >= 4 && n < 14) return;
        const [labels, figures] = split(row);
        out.push(...labels, '', ...figures.flatMap((f) => [f, '']));
        if (n === 3) {
          for (let c = 0; c < 7; c++) out.push(...body.slice(4, 14).map((r) => split(r)[1][c]!), '');
          out.push(...body.slice(4, 14).flatMap((r) => split(r)[0]), '');
        }
      });
      out.push('');
      return;
    }
    for (const row of p.rows) {
      if (style === 'rows') out.push(row.cells.join('  '));
      else if (style === 'pipes') out.push(...row.cells.map((c) => `${c} |`), '||');
      else out.push(...row.cells.flatMap((c) => [c, '']));
    }
    out.push('');
  });
  return out.join('\n');
}
