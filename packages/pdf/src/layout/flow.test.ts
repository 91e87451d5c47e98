import { describe, expect, it } from 'vitest';
import { page } from '../officialLayout.ts';
import { Flow } from './flow.ts';
import type { TableLayout } from './tableLayout.ts';

const BLOCK = page.height - page.marginTop - page.marginBottom;
const LINE = 20;

/** Lines already on the page before the content under test, in points. */
function flowAt(used: number): Flow {
  const flow = new Flow();
  flow.y += used;
  return flow;
}

/** Where each of `count` paragraph lines went: page index per line. */
function placeLines(flow: Flow, count: number, keepAfter = 0): number[] {
  const pages: number[] = [];
  flow.lines(count, LINE, () => pages.push(flow.pages.length - 1), keepAfter);
  return pages;
}

describe('paragraph lines across a page break', () => {
  it('keep a paragraph whole when it fits', () => {
    expect(placeLines(flowAt(0), 5)).toEqual([0, 0, 0, 0, 0]);
  });

  it('never leave its first line alone at a page bottom', () => {
    expect(placeLines(flowAt(BLOCK - 1.5 * LINE), 5)).toEqual([1, 1, 1, 1, 1]);
  });

  it('never carry its last line alone to the next page', () => {
    // Four of five lines would fit: three stay, two go on.
    expect(placeLines(flowAt(BLOCK - 4 * LINE), 5)).toEqual([0, 0, 0, 1, 1]);
  });

  it('split a long paragraph over several pages', () => {
    const pages = placeLines(flowAt(0), Math.ceil((2.5 * BLOCK) / LINE));
    expect(new Set(pages)).toEqual(new Set([0, 1, 2]));
    expect(pages).toEqual([...pages].sort((a, b) => a - b));
  });

  it('take its last two lines on with what must follow them', () => {
    // All five lines fit, but not with the 60 points that must follow.
    expect(placeLines(flowAt(BLOCK - 5 * LINE - 10), 5, 60)).toEqual([0, 0, 0, 1, 1]);
  });
});

describe('a block with room kept after it (a heading)', () => {
  it('moves to the next page when what must follow it does not fit', () => {
    const flow = flowAt(BLOCK - 50);
    flow.block(30, () => {}, 60);
    expect(flow.pages).toHaveLength(2);
    expect(flow.y).toBeCloseTo(page.marginTop + 30);
  });

  it('stays when it does', () => {
    const flow = flowAt(BLOCK - 100);
    flow.block(30, () => {}, 60, 'Section');
    expect(flow.pages).toHaveLength(1);
    expect(flow.pages[0]!.bookmarks).toEqual([{ title: 'Section', y: page.marginTop + BLOCK - 100 }]);
  });
});

/** A table of `rows` rows 30 points high, recording where its header and rows were painted. */
function table(rows: number, options: Partial<TableLayout> = {}) {
  const painted: { what: string; top: number }[] = [];
  const layout: TableLayout = {
    header: { height: 40, paint: (ops, top) => void ops.push({ kind: 'lines', segments: [top] }) },
    repeatHeader: true,
    together: false,
    rows: Array.from({ length: rows }, (_, r) => ({
      height: 30,
      group: r,
      paint: (ops, top) => {
        ops.push({ kind: 'lines', segments: [top] });
        painted.push({ what: `row ${r}`, top });
      },
    })),
    spans: [],
    spaceBefore: 0,
    spaceAfter: 0,
    ...options,
  };
  return { layout, painted };
}

describe('a table across pages', () => {
  it('splits between rows, never inside one, and repeats its header on the next page', () => {
    const flow = flowAt(BLOCK - 40 - 3 * 30 - 10);
    const { layout, painted } = table(6);
    flow.table(layout);
    expect(flow.pages).toHaveLength(2);
    // Header + three rows on the first page; header again, then the other three.
    expect(flow.pages[0]!.ops).toHaveLength(4);
    expect(flow.pages[1]!.ops).toHaveLength(4);
    expect((flow.pages[1]!.ops[0] as { segments: number[] }).segments[0]).toBeCloseTo(page.marginTop);
    expect(painted[3]!.top).toBeCloseTo(page.marginTop + 40);
    for (const p of painted) expect(p.top + 30).toBeLessThanOrEqual(page.height - page.marginBottom + 0.01);
  });

  it('starts on the next page rather than leave its header alone', () => {
    const flow = flowAt(BLOCK - 40 - 10);
    flow.table(table(3).layout);
    expect(flow.pages[0]!.ops).toHaveLength(0);
    expect(flow.pages[1]!.ops).toHaveLength(4);
  });

  it('keeps rows of one group together (a block of table 二)', () => {
    const flow = flowAt(BLOCK - 40 - 4 * 30 - 10);
    const { layout } = table(6);
    layout.rows.forEach((row, r) => {
      row.group = r < 2 ? 0 : 1;
    });
    flow.table({ ...layout, repeatHeader: false });
    // Header and the first group; the second group of four did not fit beside it and went on whole.
    expect(flow.pages[0]!.ops).toHaveLength(3);
    expect(flow.pages[1]!.ops).toHaveLength(4);
  });

  it('paints a row-spanning cell on each page it covers, its label on the page with most of its rows', () => {
    const flow = flowAt(BLOCK - 40 - 2 * 30 - 10);
    const pieces: { page: number; height: number; label: boolean }[] = [];
    const { layout } = table(6);
    layout.spans = [
      {
        first: 0,
        last: 5,
        height: 0,
        paint: (_ops, _top, height, label) => pieces.push({ page: flow.pages.length, height, label }),
      },
    ];
    flow.table(layout);
    expect(pieces.map((p) => [p.height, p.label])).toEqual([
      [60, false],
      [120, true],
    ]);
  });
});
