/**
 * Which table rules confirm a table reading. Each rule instance — a 总计 that is the sum of its
 * parts (R3-ROW, R3-RES, R4-SUM) and each column's balance (R3-BAL) — is checked only where every
 * cell it involves was read. A figure placed by its position alone is kept only where a rule that
 * holds covers it and none that fails does: a figure in the wrong cell is worse than an empty one.
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

/**
 * The rules on one table's figures. `byOrder`: the cells whose figures were placed by position;
 * those not confirmed come back in `unconfirmed`.
 */
export function confirmTable(
  format: FormatDef,
  table: TableReading['table'],
  method: TableReading['method'],
  cells: ReportData['cells'],
  byOrder: Set<string>,
): TableReading {
  const value = (id: string) => Number(cells[id] ?? 0);
  const read = (id: string) => typeof cells[id] === 'number';
  const confirmedBy = new Set<string>();
  const failed = new Set<string>();
  const covered = new Set<string>();
  const doubted = new Set<string>();
  for (const instance of instances(format)) {
    if (!instance.cells[0]!.startsWith(`${table}.`) || !instance.cells.every(read)) continue;
    if (instance.holds(value)) {
      confirmedBy.add(instance.rule);
      for (const id of instance.cells) covered.add(id);
    } else {
      failed.add(instance.rule);
      for (const id of instance.cells) doubted.add(id);
    }
  }
  const unconfirmed = [...byOrder].filter(
    (id) => id.startsWith(`${table}.`) && (!covered.has(id) || doubted.has(id)),
  );
  return {
    table,
    method,
    confirmedBy: [...confirmedBy].sort(),
    failedRules: [...failed].sort(),
    unconfirmed,
  };
}
