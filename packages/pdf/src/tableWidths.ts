/**
 * Column widths of a table, derived from its definition so that a new format needs no layout
 * code. Widths are fractions of the full table width, shared by the PDF (points) and the HTML
 * (percentages). They are sized on the Chinese labels: the official table is Chinese, and the
 * English beneath wraps within the same columns.
 */
import { type BlocksTable, isLeaf, leaves, type MatrixTable, treeDepth } from '@nianbao/schema';

/** Label length in character widths (CJK and fullwidth = 1, other = ½). */
export function charWidth(text: string): number {
  let n = 0;
  for (const ch of text) n += /[\u2E80-\uFFEF\u2018-\u201D]/u.test(ch) ? 1 : 0.5;
  return n;
}

/** Roughly how many characters a label column needs, plus padding, as a fraction of a line of text. */
const CHAR = 1 / 44;

export interface MatrixWidths {
  /** One fraction per label column (L1, L2, …). */
  labels: number[];
  /** The width of every value column. */
  value: number;
}

/**
 * Value columns share just under half of the width (table 三: seven ~30 pt columns), or all of it
 * when there is no label column (table 四). A group's label column fits its longest label on one
 * line when short (（三）不予公开) and becomes a narrow column of about three lines when long
 * (三、本年度办理结果), as published tables print them. The leaf column takes the rest.
 */
export function matrixWidths(table: MatrixTable): MatrixWidths {
  const valueCount = leaves(table.columns).length;
  const labelColumns = table.rows ? treeDepth(table.rows) : 0;
  if (labelColumns === 0) return { labels: [], value: 1 / valueCount };
  const value = 0.48 / valueCount;
  const groupWidths: number[] = [];
  const walk = (nodes: MatrixTable['rows'] & object, level: number) => {
    for (const node of nodes) {
      if (isLeaf(node)) continue;
      const len = charWidth(node.label.zh);
      const chars = len <= 8 ? len : Math.ceil(len / 3);
      groupWidths[level] = Math.max(groupWidths[level] ?? 0, (chars + 0.7) * CHAR);
      walk(node.children!, level + 1);
    }
  };
  walk(table.rows!, 0);
  const groups = Array.from({ length: labelColumns - 1 }, (_, i) => groupWidths[i] ?? 3 * CHAR);
  const leaf = 1 - value * valueCount - groups.reduce((a, b) => a + b, 0);
  return { labels: [...groups, leaf], value };
}

/**
 * Table 二: the 信息内容 column fits the longest row label within a quarter to two fifths of the
 * table; the value grid columns share the rest equally.
 */
export function blocksWidths(table: BlocksTable): { rowHeader: number; grid: number } {
  const longest = Math.max(
    charWidth(table.rowHeader.zh),
    ...table.blocks.flatMap((b) => b.rows.map((r) => charWidth(r.label.zh))),
  );
  const rowHeader = Math.min(0.4, Math.max(0.25, (longest + 1) * CHAR));
  return { rowHeader, grid: (1 - rowHeader) / table.gridColumns };
}

/** Dense tables (many columns) print smaller so that they fit portrait A4. */
export function isDense(columnCount: number): boolean {
  return columnCount > 6;
}
