/**
 * Everything about the cells of a format, derived from its definition: ids, kinds, label paths
 * and the parts each computed cell sums.
 */
import type { Lang } from './appWords.ts';
import type {
  CellKind,
  FormatDef,
  HeaderNode,
  Label,
  MatrixTable,
  NarrativeBlock,
  SectionDef,
  TableDef,
} from './types.ts';

export interface CellDef {
  id: string;
  table: string;
  section: SectionDef;
  row: string;
  column: string;
  kind: CellKind;
  /** The rule that checks this cell's kind (R2-INT, R3-INT, R4-INT). */
  kindRule: string;
  /** Row labels then column labels, e.g. 三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密 / 自然人. */
  path: Label[];
  rowLabel?: Label;
  columnLabel: Label;
  /** Set when the cell is a total: the cells it sums and the rule that checks it. */
  computed?: { rule: string; parts: string[] };
}

export function cellId(table: string, row: string | undefined, column: string): string {
  return row === undefined ? `${table}.${column}` : `${table}.${row}.${column}`;
}

export function isLeaf(node: HeaderNode): boolean {
  return !node.children || node.children.length === 0;
}

export function leaves(nodes: HeaderNode[]): HeaderNode[] {
  return nodes.flatMap((n) => (isLeaf(n) ? [n] : leaves(n.children!)));
}

interface LeafInfo {
  node: HeaderNode;
  path: Label[];
  /** Leaves this leaf sums when it is a total (its siblings' leaves). */
  parts?: string[];
}

function leafInfos(nodes: HeaderNode[], dropSingleRoot: boolean): LeafInfo[] {
  const out: LeafInfo[] = [];
  const walk = (list: HeaderNode[], path: Label[]) => {
    for (const node of list) {
      if (isLeaf(node)) {
        const parts = node.total ? leaves(list.filter((s) => s !== node)).map((l) => l.id) : undefined;
        out.push({ node, path: [...path, node.label], parts });
      } else {
        walk(node.children!, [...path, node.label]);
      }
    }
  };
  // A single root over every column (申请人情况) adds nothing to a cell's name.
  if (dropSingleRoot && nodes.length === 1 && !isLeaf(nodes[0]!)) walk(nodes[0]!.children!, []);
  else walk(nodes, []);
  return out;
}

function matrixCells(section: SectionDef, table: MatrixTable): CellDef[] {
  const cols = leafInfos(table.columns, true);
  const rows: (LeafInfo | undefined)[] = table.rows ? leafInfos(table.rows, false) : [undefined];
  const cells: CellDef[] = [];
  for (const r of rows) {
    for (const c of cols) {
      const rowId = r?.node.id;
      let computed: CellDef['computed'];
      // A total column wins over a total row: the 总计 of （七）总计 sums its own row.
      if (c.parts)
        computed = { rule: c.node.total!.rule, parts: c.parts.map((p) => cellId(table.id, rowId, p)) };
      else if (r?.parts)
        computed = { rule: r.node.total!.rule, parts: r.parts.map((p) => cellId(table.id, p, c.node.id)) };
      cells.push({
        id: cellId(table.id, rowId, c.node.id),
        table: table.id,
        section,
        row: rowId ?? '',
        column: c.node.id,
        kind: table.cellKind,
        kindRule: table.kindRule,
        path: [...(r?.path ?? []), ...c.path],
        rowLabel: r?.node.label,
        columnLabel: c.node.label,
        computed,
      });
    }
  }
  return cells;
}

function tableCells(section: SectionDef, table: TableDef): CellDef[] {
  if (table.type === 'matrix') return matrixCells(section, table);
  return table.blocks.flatMap((block) =>
    block.rows.flatMap((row) =>
      block.columns.map((col) => ({
        id: cellId(table.id, row.id, col.id),
        table: table.id,
        section,
        row: row.id,
        column: col.id,
        kind: col.kind,
        kindRule: table.kindRule,
        path: [block.caption, row.label, col.label],
        rowLabel: row.label,
        columnLabel: col.label,
      })),
    ),
  );
}

const cellCache = new WeakMap<FormatDef, CellDef[]>();

/** Every cell of a format, in reading order (table by table, row by row). */
export function formatCells(format: FormatDef): CellDef[] {
  let cells = cellCache.get(format);
  if (!cells) {
    cells = format.sections.flatMap((s) => (s.table ? tableCells(s, s.table) : []));
    cellCache.set(format, cells);
  }
  return cells;
}

const indexCache = new WeakMap<FormatDef, Map<string, CellDef>>();

export function cellIndex(format: FormatDef): Map<string, CellDef> {
  let index = indexCache.get(format);
  if (!index) {
    index = new Map(formatCells(format).map((c) => [c.id, c]));
    indexCache.set(format, index);
  }
  return index;
}

/**
 * A narrative block's name for messages: 「一、总体情况 / （四）政府信息公开平台建设」, the section alone,
 * or the opening statement's own name (it stands before any section).
 */
export function blockName(format: FormatDef, block: NarrativeBlock): Label {
  if (block.role === 'opening') return block.label;
  const section = format.sections.find((s) => s.narrative.includes(block))!;
  if (!block.heading && !block.role) return section.label;
  return { zh: `${section.label.zh} / ${block.label.zh}`, en: `${section.label.en} / ${block.label.en}` };
}

export function narrativeBlocks(format: FormatDef): NarrativeBlock[] {
  return format.sections.flatMap((s) => s.narrative);
}

export function findTable(format: FormatDef, id: string): TableDef | undefined {
  return format.sections.find((s) => s.table?.id === id)?.table;
}

/** The leaf ids of a matrix table's columns or rows. */
export function leafIds(nodes: HeaderNode[] | undefined): string[] {
  return nodes ? leaves(nodes).map((n) => n.id) : [];
}

/** A cell's label path joined for messages: 「三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密 / 自然人」. */
export function cellName(cell: CellDef, lang: Lang): string {
  return cell.path.map((l) => l[lang]).join(' / ');
}
