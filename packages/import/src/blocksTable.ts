/**
 * Table 二 (主动公开政府信息情况): blocks that each start with a 第二十条第（X）项 caption. Which
 * format's table is printed shows in the labels that only one format has (本年新制作数量 … 2019,
 * 本年制发件数 … 2021). Within a block the figures come in row order, whether a row's label is
 * printed before or after its figures.
 */
import { type BlocksTable, cellId, type FormatDef, formats, type Label } from '@nianbao/schema';
import { findMisprints, type Misprint } from './labels.ts';
import type { Line } from './lines.ts';
import { findApprox, normaliseLabel, suffixDistance, tolerance } from './normalise.ts';
import { regionText, runs, segmentsOf, type Value, valuesOf } from './segments.ts';

function tableOf(format: FormatDef): BlocksTable {
  return format.sections.find((s) => s.id === 's2')!.table as BlocksTable;
}

function labelsOf(table: BlocksTable): Label[] {
  return [
    table.rowHeader,
    ...table.blocks.flatMap((b) => [
      b.caption,
      ...b.columns.map((c) => c.label),
      ...b.rows.map((r) => r.label),
    ]),
  ];
}

/** The format whose table 二 the text prints: the one more of whose own labels it holds. */
export function tableTwoLayout(lines: Line[]): FormatDef | undefined {
  const text = regionText(lines).text;
  const score = (format: FormatDef) => {
    const others = formats
      .filter((f) => f !== format)
      .flatMap((f) => labelsOf(tableOf(f)).map((l) => normaliseLabel(l.zh)));
    const own = labelsOf(tableOf(format))
      .map((l) => normaliseLabel(l.zh))
      .filter((l) => !others.some((o) => o.includes(l)));
    return own.filter((l) => text.includes(l)).length;
  };
  const scored = formats.map((f) => ({ f, s: score(f) })).sort((a, b) => b.s - a.s);
  return scored[0]!.s > 0 && scored[0]!.s > (scored[1]?.s ?? 0) ? scored[0]!.f : undefined;
}

export interface BlocksRead {
  values: Map<string, Value>;
  misprints: Misprint[];
  /** Blocks whose figures could not be placed, with the lines they span and their cells. */
  unread: { block: Label; lines: [number, number]; found: number; expected: number; cells: string[] }[];
  /** Cells of several-row blocks placed by position alone (their labels did not place them). */
  byOrder: Set<string>;
}

/** Each row of the block placed by the label its figures follow, when every row is. */
function byLabels(
  table: BlocksTable,
  block: BlocksTable['blocks'][number],
  blockLines: Line[],
): Map<string, Value> | undefined {
  const placed = new Map<string, Value>();
  const rows = new Set<string>();
  for (const segment of segmentsOf(blockLines)) {
    if (segment.values.length === 0) continue;
    if (segment.values.length !== block.columns.length) return undefined;
    // The closest label: 行政处罚 and 行政强制 are within each other's tolerance.
    let row: (typeof block.rows)[number] | undefined;
    let best = Number.POSITIVE_INFINITY;
    // A bilingual PDF prints the English label under the Chinese one: it is left out.
    const text = segment.text.replace(/[A-Za-z]/g, '');
    for (const r of block.rows) {
      const label = normaliseLabel(r.label.zh);
      const { distance } = suffixDistance(text, label, tolerance(label));
      if (distance <= tolerance(label) && distance < best) {
        best = distance;
        row = r;
      }
    }
    if (!row || rows.has(row.id)) return undefined;
    rows.add(row.id);
    block.columns.forEach((col, c) => {
      placed.set(cellId(table.id, row.id, col.id), segment.values[c]!);
    });
  }
  return rows.size === block.rows.length ? placed : undefined;
}

export function readBlocksTable(format: FormatDef, lines: Line[]): BlocksRead {
  const table = tableOf(format);
  const allLabels = labelsOf(table);
  const values = new Map<string, Value>();
  const misprints: Misprint[] = [];
  const unread: BlocksRead['unread'] = [];
  const byOrder = new Set<string>();

  // Each block from its caption to the next one found.
  const starts: { index: number; block: (typeof table.blocks)[number] }[] = [];
  let from = 0;
  for (const block of table.blocks) {
    // Some pages drop the brackets: 「第二十条第一项」.
    const caption = normaliseLabel(block.caption.zh).replace(/[()]/g, '');
    for (let i = from; i < lines.length; i++) {
      const text = regionText([lines[i]!]).text.replace(/[()]/g, '');
      if (text.includes(caption) || (text.length <= caption.length + 4 && findApprox(text, caption, 1))) {
        starts.push({ index: i, block });
        from = i + 1;
        break;
      }
    }
  }
  starts.forEach(({ index, block }, n) => {
    const blockLines = lines.slice(index, starts[n + 1]?.index ?? lines.length);
    const first = blockLines[0]!.no;
    const last = blockLines[blockLines.length - 1]!.no;
    const region = regionText(blockLines);
    const expectedLabels = [...block.columns.map((c) => c.label), ...block.rows.map((r) => r.label)];
    misprints.push(...findMisprints(region, expectedLabels, allLabels));
    const figures = valuesOf(blockLines);
    const expected = block.rows.length * block.columns.length;
    const cellsOf = () => block.rows.flatMap((r) => block.columns.map((c) => cellId(table.id, r.id, c.id)));
    const labelled = block.rows.length > 1 ? byLabels(table, block, blockLines) : undefined;
    if (labelled) {
      for (const [id, v] of labelled) values.set(id, v);
      return;
    }
    // One row: its figures in column order. Several: by position, which only the rules can confirm.
    if (figures.length === expected && block.rows.length > 1) for (const id of cellsOf()) byOrder.add(id);
    if (figures.length === expected) {
      // Raw pdftotext may read a block column by column: one run of lines per column.
      const columnRuns = runs(blockLines);
      const byColumn =
        block.rows.length > 1 &&
        columnRuns.length === block.columns.length &&
        columnRuns.every((run) => run.length === block.rows.length);
      if (byColumn) {
        block.columns.forEach((col, c) => {
          block.rows.forEach((row, r) => {
            values.set(cellId(table.id, row.id, col.id), columnRuns[c]![r]!);
          });
        });
        return;
      }
      block.rows.forEach((row, r) => {
        block.columns.forEach((col, c) => {
          values.set(cellId(table.id, row.id, col.id), figures[r * block.columns.length + c]!);
        });
      });
      return;
    }
    // Fewer or more figures than cells: place only those that follow their row's label.
    let placed = 0;
    for (const segment of segmentsOf(blockLines)) {
      if (segment.values.length !== block.columns.length) continue;
      const row = block.rows.find((r) => {
        const label = normaliseLabel(r.label.zh);
        return suffixDistance(segment.text, label, tolerance(label)).distance <= tolerance(label);
      });
      if (!row) continue;
      block.columns.forEach((col, c) => {
        values.set(cellId(table.id, row.id, col.id), segment.values[c]!);
      });
      placed += block.columns.length;
    }
    if (placed < expected)
      unread.push({
        block: block.caption,
        lines: [first, last],
        found: figures.length,
        expected,
        cells: cellsOf().filter((id) => !values.has(id)),
      });
  });
  const missing = table.blocks.filter((b) => !starts.some((s) => s.block === b));
  for (const block of missing)
    unread.push({
      block: block.caption,
      lines: [lines[0]?.no ?? 0, lines[lines.length - 1]?.no ?? 0],
      found: 0,
      expected: block.rows.length * block.columns.length,
      cells: block.rows.flatMap((r) => block.columns.map((c) => cellId(table.id, r.id, c.id))),
    });
  return { values, misprints, unread, byOrder };
}
