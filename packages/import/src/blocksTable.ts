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
import { regionText, runs, type Segment, segmentsOf, type Value, valuesOf } from './segments.ts';

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

type Block = BlocksTable['blocks'][number];
type Row = Block['rows'][number];

/**
 * The row whose label ends the text, compared with every row of the whole table: a moved line's
 * 行政处罚 is within 行政许可's tolerance too, so only the closest counts, and two rows equally
 * close make the text `ambiguous`. A bilingual PDF's English label under the Chinese one is left out.
 */
function closestRow(table: BlocksTable, text: string): { block: Block; row: Row } | 'ambiguous' | undefined {
  const chinese = text.replace(/[A-Za-z]/g, '');
  let best: { block: Block; row: Row } | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  let tied = false;
  for (const block of table.blocks)
    for (const row of block.rows) {
      const label = normaliseLabel(row.label.zh);
      const { distance } = suffixDistance(chinese, label, tolerance(label));
      if (distance > tolerance(label) || distance > bestDistance) continue;
      tied = distance === bestDistance;
      if (!tied) best = { block, row };
      bestDistance = distance;
    }
  return tied ? 'ambiguous' : best;
}

interface Labelled {
  segment: Segment;
  /** The block whose lines the segment stands in. */
  region: Block;
  match: ReturnType<typeof closestRow>;
}

/**
 * Each row's figures from the segments its label ends, wherever in the table they stand. A row
 * whose labelled segments disagree (a duplicated figure, two different lines with its label) or
 * hold the wrong number of figures is not placed: which of them is right, nothing says.
 */
function placeByLabels(labelled: Labelled[]): Map<Row, Value[]> {
  const found = new Map<Row, Value[][]>();
  for (const { segment, match } of labelled) {
    if (!match || match === 'ambiguous') continue;
    const list = found.get(match.row) ?? [];
    list.push(segment.values.length === match.block.columns.length ? segment.values : []);
    found.set(match.row, list);
  }
  const placed = new Map<Row, Value[]>();
  const same = (a: Value[], b: Value[]) =>
    a.length === b.length && a.every((v, i) => v.token.raw === b[i]!.token.raw);
  for (const [row, lists] of found) {
    const first = lists[0]!;
    if (first.length > 0 && lists.every((l) => same(l, first))) placed.set(row, first);
  }
  return placed;
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
  const regions = starts.map(({ index, block }, n) => ({
    block,
    lines: lines.slice(index, starts[n + 1]?.index ?? lines.length),
  }));
  const labelled: Labelled[] = regions.flatMap(({ block, lines: blockLines }) =>
    segmentsOf(blockLines).map((segment) => ({
      segment,
      region: block,
      match: closestRow(table, segment.text),
    })),
  );
  const placed = placeByLabels(labelled.filter((l) => l.segment.values.length > 0));
  for (const [row, rowValues] of placed) {
    const block = table.blocks.find((b) => b.rows.includes(row))!;
    block.columns.forEach((col, c) => {
      values.set(cellId(table.id, row.id, col.id), rowValues[c]!);
    });
  }
  for (const { block, lines: blockLines } of regions) {
    const first = blockLines[0]!.no;
    const last = blockLines[blockLines.length - 1]!.no;
    const region = regionText(blockLines);
    const expectedLabels = [...block.columns.map((c) => c.label), ...block.rows.map((r) => r.label)];
    misprints.push(...findMisprints(region, expectedLabels, allLabels));
    const figures = valuesOf(blockLines);
    const expected = block.rows.length * block.columns.length;
    const cellsOf = () => block.rows.flatMap((r) => block.columns.map((c) => cellId(table.id, r.id, c.id)));
    if (block.rows.every((r) => placed.has(r))) continue;
    // By position only where no row of the block was placed by its label, and no figure of its
    // lines follows any row's label (a moved line's figures are never this block's).
    const own = labelled.filter((l) => l.region === block);
    const unlabelled =
      !block.rows.some((r) => placed.has(r)) &&
      own.every((l) => l.segment.values.length === 0 || l.match === undefined) &&
      figures.length === expected;
    // One row: its figures in column order — when its own label stands among these lines (before
    // or after the figures), so that a block whose row line was lost takes no stray figures.
    const row = block.rows[0]!;
    if (
      unlabelled &&
      block.rows.length === 1 &&
      own.some((l) => typeof l.match === 'object' && l.match.row === row)
    ) {
      block.columns.forEach((col, c) => {
        values.set(cellId(table.id, row.id, col.id), figures[c]!);
      });
      continue;
    }
    // Several: by position, which only the rules can confirm.
    if (unlabelled && block.rows.length > 1) {
      for (const id of cellsOf()) byOrder.add(id);
      // Raw pdftotext may read a block column by column: one run of lines per column.
      const columnRuns = runs(blockLines);
      const byColumn =
        columnRuns.length === block.columns.length &&
        columnRuns.every((run) => run.length === block.rows.length);
      block.rows.forEach((r, i) => {
        block.columns.forEach((col, c) => {
          values.set(
            cellId(table.id, r.id, col.id),
            byColumn ? columnRuns[c]![i]! : figures[i * block.columns.length + c]!,
          );
        });
      });
      continue;
    }
    const notPlaced = cellsOf().filter((id) => !values.has(id));
    if (notPlaced.length > 0)
      unread.push({
        block: block.caption,
        lines: [first, last],
        found: figures.length,
        expected,
        cells: notPlaced,
      });
  }
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
