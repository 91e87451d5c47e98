/**
 * What a rendered report must say, derived from the format definition and the report data (the
 * test oracle): every official label in reading order, and each data row as its label followed
 * by its figures. Text is compared with whitespace and hyphens removed, since a PDF's text comes
 * back broken into lines and English words may be hyphenated at a line end.
 */

import type { ReportLang } from '@nianbao/schema';
import {
  cellId,
  displayValue,
  type FormatDef,
  getFormat,
  type HeaderNode,
  isLeaf,
  type Label,
  leaves,
  matrixLayout,
  type ReportData,
  type TableDef,
} from '@nianbao/schema';

export const squash = (text: string) => text.replace(/[\s\u00ad\u3000-]+/gu, '');

/** The texts a label prints in a language (both in bilingual mode). */
export function labelTexts(label: Label, lang: ReportLang): string[] {
  if (lang === 'zh') return [label.zh];
  if (lang === 'en') return [label.en];
  return [label.zh, label.en];
}

function treeOrder(nodes: HeaderNode[]): HeaderNode[] {
  return nodes.flatMap((n) => [n, ...(isLeaf(n) ? [] : treeOrder(n.children!))]);
}

/**
 * Table labels in reading order. `tree`: a column header read depth-first, as the PDF draws its
 * nested boxes; `rows`: a column header read row by row, as an HTML <thead>.
 */
function tableLabels(table: TableDef, order: 'tree' | 'rows', rowGroups = true): Label[] {
  if (table.type === 'blocks') {
    return table.blocks.flatMap((b) => [
      b.caption,
      table.rowHeader,
      ...b.columns.map((c) => c.label),
      ...b.rows.map((r) => r.label),
    ]);
  }
  const header =
    order === 'tree'
      ? treeOrder(table.columns).map((n) => n.label)
      : matrixLayout(table).header.flatMap((row) => row.map((c) => c.node.label));
  const rows = table.rows
    ? treeOrder(table.rows)
        .filter((n) => rowGroups || isLeaf(n))
        .map((n) => n.label)
    : [];
  return [...(table.corner ? [table.corner] : []), ...header, ...rows];
}

/** Every official label of the format: section headings, sub-headings, table labels. */
export function officialLabels(
  format: FormatDef,
  report: ReportData,
  order: 'tree' | 'rows',
  rowGroups = true,
): Label[] {
  return format.sections.flatMap((s) => [
    s.label,
    ...s.narrative.filter((b) => b.heading && report.narrative[b.id]?.zh.trim()).map((b) => b.label),
    ...(s.table ? tableLabels(s.table, order, rowGroups) : []),
  ]);
}

/** The labels of row groups (三、本年度办理结果, （三）不予公开 …). */
export function rowGroupLabels(format: FormatDef): Label[] {
  return format.sections.flatMap((s) =>
    s.table?.type === 'matrix' && s.table.rows
      ? treeOrder(s.table.rows)
          .filter((n) => !isLeaf(n))
          .map((n) => n.label)
      : [],
  );
}

/** Each data row: its label, then its figures as printed (explicit 0, unit when the label has none). */
export function dataRows(report: ReportData, lang: ReportLang): { label: string; figures: string[] }[] {
  const format = getFormat(report.format);
  const out: { label: string; figures: string[] }[] = [];
  const show = (value: unknown, kind: string, column: Label) => {
    const text = displayValue(value as string | number | null);
    if (kind !== 'amount' || column.zh.includes('万元')) return text;
    return lang === 'en' ? `${text} (10,000 yuan)` : `${text}万元`;
  };
  for (const section of format.sections) {
    const table = section.table;
    if (!table) continue;
    if (table.type === 'blocks') {
      for (const block of table.blocks)
        for (const row of block.rows)
          out.push({
            label: labelTexts(row.label, lang).join(''),
            figures: block.columns.map((c) =>
              show(report.cells[cellId(table.id, row.id, c.id)], c.kind, c.label),
            ),
          });
    } else {
      const columns = leaves(table.columns);
      const rows = table.rows ? leaves(table.rows) : [undefined];
      for (const row of rows)
        out.push({
          label: row ? labelTexts(row.label, lang).join('') : '',
          figures: columns.map((c) =>
            show(report.cells[cellId(table.id, row?.id, c.id)], table.cellKind, c.label),
          ),
        });
    }
  }
  return out;
}

/** Finds each needle in order; returns the first one missing (with what came before), or null. */
export function missingInOrder(haystack: string, needles: string[]): string | null {
  let at = 0;
  for (const needle of needles) {
    const found = haystack.indexOf(squash(needle), at);
    if (found < 0)
      return `${needle} (after position ${at}: …${haystack.slice(Math.max(0, at - 30), at + 30)}…)`;
    at = found + squash(needle).length;
  }
  return null;
}
