/**
 * Which table rules confirm a table reading. Each rule instance — a 总计 that is the sum of its
 * parts (R3-ROW, R3-RES, R4-SUM) and each column's balance (R3-BAL) — is checked only where every
 * cell it involves was read. A figure placed by its position alone is kept only where a rule that
 * holds covers it and no rule fails on the table's positional figures: a figure in the wrong cell
 * is worse than an empty one.
 */
import {
  cellId,
  type FormatDef,
  findTable,
  formatCells,
  leaves,
  type MatrixTable,
  type ReportData,
} from '@nianbao/schema';
import type { TableReading } from './types.ts';

interface RuleInstance {
  rule: string;
  cells: string[];
  holds: (value: (id: string) => number) => boolean;
}

const instanceCache = new WeakMap<FormatDef, RuleInstance[]>();

function instances(format: FormatDef): RuleInstance[] {
  const cached = instanceCache.get(format);
  if (cached) return cached;
  const out: RuleInstance[] = [];
  for (const cell of formatCells(format)) {
    if (!cell.computed) continue;
    const { parts, rule } = cell.computed;
    out.push({
      rule,
      cells: [cell.id, ...parts],
      holds: (v) => parts.reduce((s, p) => s + v(p), 0) === v(cell.id),
    });
  }
  for (const rule of format.rules) {
    if (rule.type !== 'balance') continue;
    const table = findTable(format, rule.table) as MatrixTable;
    for (const col of leaves(table.columns)) {
      const ids = (rows: string[]) => rows.map((r) => cellId(table.id, r, col.id));
      out.push({
        rule: rule.id,
        cells: [...ids(rule.left), ...ids(rule.right)],
        holds: (v) =>
          ids(rule.left).reduce((s, id) => s + v(id), 0) === ids(rule.right).reduce((s, id) => s + v(id), 0),
      });
    }
  }
  instanceCache.set(format, out);
  return out;
}

/** The rule instance involves one row only (t3.<row>.<column>). */
const withinRow = (instance: RuleInstance) =>
  new Set(instance.cells.map((id) => id.split('.')[1])).size === 1;

/**
 * The rules on one table's figures. `byOrder`: the cells whose figures were placed by position
 * (their row's own sum, R3-ROW, confirms their columns); `doubtful`: cells of a row whose label
 * came right after another row's label, which only rules across rows can place. Those not
 * confirmed come back in `unconfirmed`.
 */
export function confirmTable(
  format: FormatDef,
  table: TableReading['table'],
  method: TableReading['method'],
  cells: ReportData['cells'],
  byOrder: Set<string>,
  doubtful: Set<string> = new Set(),
): TableReading {
  const value = (id: string) => Number(cells[id] ?? 0);
  const read = (id: string) => typeof cells[id] === 'number';
  const confirmedBy = new Set<string>();
  const failed = new Set<string>();
  /** Cells a holding rule covers; `acrossRows`: one that involves several rows. */
  const covered = new Set<string>();
  const acrossRows = new Set<string>();
  const doubted = new Set<string>();
  const rowSums: RuleInstance[] = [];
  for (const instance of instances(format)) {
    if (!instance.cells[0]!.startsWith(`${table}.`) || !instance.cells.every(read)) continue;
    if (instance.holds(value)) {
      confirmedBy.add(instance.rule);
      for (const id of instance.cells) covered.add(id);
      if (withinRow(instance)) rowSums.push(instance);
      else for (const id of instance.cells) acrossRows.add(id);
    } else {
      failed.add(instance.rule);
      for (const id of instance.cells) doubted.add(id);
    }
  }
  // A row's own sum holds whichever label the row is put under, so for a doubtful row it places
  // only the one figure (the 总计) of a row whose other figures the rules across rows placed.
  for (const instance of rowSums) {
    const open = instance.cells.filter((id) => !acrossRows.has(id));
    if (open.length <= 1) for (const id of open) acrossRows.add(id);
  }
  // Figures placed by position are one guess at the order of the whole table: a rule failing on
  // any of them says the guess (or the report) is wrong, and nothing says which figures it moved.
  const guessed = [...byOrder, ...doubtful].filter((id) => id.startsWith(`${table}.`));
  const guessFails = guessed.some((id) => doubted.has(id));
  const unconfirmed = guessed.filter(
    (id) => guessFails || !(doubtful.has(id) ? acrossRows : covered).has(id) || doubted.has(id),
  );
  return {
    table,
    method,
    confirmedBy: [...confirmedBy].sort(),
    failedRules: [...failed].sort(),
    unconfirmed: [...new Set(unconfirmed)],
  };
}
