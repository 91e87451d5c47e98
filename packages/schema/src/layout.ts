/**
 * Table layout derived from the header trees: which header cell starts where and how many rows
 * and columns it spans. The form, the PDF and the HTML all draw their tables from these.
 */
import { isLeaf, leaves } from './cells.ts';
import type { BlocksTable, HeaderNode, MatrixTable } from './types.ts';

export interface SpanCell {
  node: HeaderNode;
  rowSpan: number;
  colSpan: number;
  /** Depth in the tree, 0 for a root. */
  level: number;
}

export function treeDepth(nodes: HeaderNode[]): number {
  return Math.max(0, ...nodes.map((n) => (isLeaf(n) ? 1 : 1 + treeDepth(n.children!))));
}

/**
 * The column header as rows of cells, like a `<thead>`: a group spans its leaves; a leaf that sits
 * higher than the deepest leaf spans the remaining header rows.
 */
export function columnHeaderRows(columns: HeaderNode[]): SpanCell[][] {
  const depth = treeDepth(columns);
  const rows: SpanCell[][] = Array.from({ length: depth }, () => []);
  const walk = (list: HeaderNode[], level: number) => {
    for (const node of list) {
      if (isLeaf(node)) rows[level]!.push({ node, level, colSpan: 1, rowSpan: depth - level });
      else {
        rows[level]!.push({ node, level, colSpan: leaves(node.children!).length, rowSpan: 1 });
        walk(node.children!, level + 1);
      }
    }
  };
  walk(columns, 0);
  return rows;
}

/**
 * The row header as one list per body row, like the `<th>` cells that start on each `<tr>`: a group
 * spans its leaves' rows; a leaf higher than the deepest one spans the remaining label columns.
 */
export function rowHeaderCells(rows: HeaderNode[]): SpanCell[][] {
  const depth = treeDepth(rows);
  const out: SpanCell[][] = [];
  const walk = (list: HeaderNode[], level: number, pending: SpanCell[]) => {
    let carry = pending;
    for (const node of list) {
      if (isLeaf(node)) {
        out.push([...carry, { node, level, rowSpan: 1, colSpan: depth - level }]);
      } else {
        walk(node.children!, level + 1, [
          ...carry,
          { node, level, rowSpan: leaves(node.children!).length, colSpan: 1 },
        ]);
      }
      carry = [];
    }
  };
  walk(rows, 0, []);
  return out;
}

export interface MatrixLayout {
  /** Number of label columns on the left (0 for table 四). */
  labelColumns: number;
  headerRows: number;
  header: SpanCell[][];
  /** Per body row, the label cells that start on it. */
  body: SpanCell[][];
  columnLeaves: HeaderNode[];
  rowLeaves: HeaderNode[];
}

export function matrixLayout(table: MatrixTable): MatrixLayout {
  return {
    labelColumns: table.rows ? treeDepth(table.rows) : 0,
    headerRows: treeDepth(table.columns),
    header: columnHeaderRows(table.columns),
    body: table.rows ? rowHeaderCells(table.rows) : [[]],
    columnLeaves: leaves(table.columns),
    rowLeaves: table.rows ? leaves(table.rows) : [],
  };
}

/**
 * How a block of table 二 spreads `count` value columns over the table's value grid columns:
 * as evenly as possible, the middle column taking what is left (2019: `a | b+c | d`, `a+b | c+d`;
 * 2021: one value column spans all three).
 */
export function blockColumnSpans(table: BlocksTable, count: number): number[] {
  const base = Math.floor(table.gridColumns / count);
  const spans = Array.from({ length: count }, () => base);
  const extra = table.gridColumns - base * count;
  const middle = Math.floor((count - 1) / 2);
  spans[middle] = spans[middle]! + extra;
  return spans;
}
