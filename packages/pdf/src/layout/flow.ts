/**
 * Places content down the pages of the text block: atomic blocks that keep some room after them
 * (headings), paragraphs that split between lines (never leaving one line alone at either end),
 * and tables that split between rows with their header repeated. x is measured from the text
 * block's left edge, y from the page top.
 */
import { page } from '../officialLayout.ts';
import { type Op, type PageOps, SLACK } from './ops.ts';
import type { TableLayout } from './tableLayout.ts';

const TOP = page.marginTop;
const BOTTOM = page.height - page.marginBottom;

export class Flow {
  readonly pages: PageOps[] = [];
  y = TOP;

  constructor() {
    this.newPage();
  }

  get ops(): Op[] {
    return this.pages[this.pages.length - 1]!.ops;
  }

  newPage(): void {
    this.pages.push({ ops: [], bookmarks: [] });
    this.y = TOP;
  }

  get atTop(): boolean {
    return this.y <= TOP + SLACK;
  }

  room(): number {
    return BOTTOM - this.y;
  }

  /** Vertical space; dropped at the top of a page. */
  space(height: number): void {
    if (!this.atTop) this.y = Math.min(BOTTOM, this.y + height);
  }

  /** Moves to a new page unless `height` fits here (or this page is still empty). */
  ensure(height: number): void {
    if (height > this.room() + SLACK && !this.atTop) this.newPage();
  }

  /**
   * An unsplittable block `height` tall that wants `keep` points of room after it (a heading and
   * the start of what it heads). `paint` draws it with its top at y.
   */
  block(height: number, paint: (ops: Op[], top: number) => void, keep = 0, bookmark?: string): void {
    this.ensure(height + keep);
    if (bookmark) this.pages[this.pages.length - 1]!.bookmarks.push({ title: bookmark, y: this.y });
    paint(this.ops, this.y);
    this.y += height;
  }

  /**
   * `count` lines of `lineHeight`, split between pages with at least two lines on each side of a
   * break. `keepAfter`: room the last line wants after it (the closing block).
   */
  lines(
    count: number,
    lineHeight: number,
    paint: (ops: Op[], index: number, top: number) => void,
    keepAfter = 0,
  ): void {
    let i = 0;
    const put = (n: number) => {
      for (let k = 0; k < n; k++, i++) {
        paint(this.ops, i, this.y);
        this.y += lineHeight;
      }
    };
    while (i < count) {
      const left = count - i;
      const fit = Math.floor((this.room() + SLACK) / lineHeight);
      if (fit >= left) {
        if (keepAfter && left * lineHeight + keepAfter > this.room() + SLACK && !this.atTop) {
          // The last two lines go on with what must follow them.
          let here = left - 2;
          if (i === 0 && here < 2) here = 0;
          if (here > 0) put(here);
          this.newPage();
          put(count - i);
          return;
        }
        put(left);
        return;
      }
      let here = fit;
      if (left - here < 2) here = left - 2;
      if (i === 0 && here < 2) here = 0;
      if (here <= 0) {
        if (this.atTop) here = Math.max(1, fit);
        else {
          this.newPage();
          continue;
        }
      }
      put(here);
      this.newPage();
    }
  }

  table(table: TableLayout): void {
    this.space(table.spaceBefore);
    const header = table.header;
    const headerHeight = header?.height ?? 0;
    // Units that stay together: consecutive rows of one group, or the whole table.
    const units: number[][] = [];
    table.rows.forEach((row, r) => {
      const last = units[units.length - 1];
      if (last && (table.together || table.rows[last[0]!]!.group === row.group)) last.push(r);
      else units.push([r]);
    });
    const unitHeight = (unit: number[]) => unit.reduce((h, r) => h + table.rows[r]!.height, 0);

    // Place: the page and top of the header copies and of every row.
    const placed: { page: number; top: number }[] = [];
    const headers: { page: number; top: number }[] = [];
    this.ensure(headerHeight + unitHeight(units[0] ?? []));
    const putHeader = () => {
      if (!header) return;
      headers.push({ page: this.pages.length - 1, top: this.y });
      this.y += headerHeight;
    };
    putHeader();
    for (const unit of units) {
      if (unitHeight(unit) > this.room() + SLACK && this.y > TOP + headerHeight + SLACK) {
        this.newPage();
        if (table.repeatHeader) putHeader();
      }
      for (const r of unit) {
        placed[r] = { page: this.pages.length - 1, top: this.y };
        this.y += table.rows[r]!.height;
      }
    }

    // Paint, page by page in reading order: header, then each row, a spanning cell's label just
    // before the first of its rows on the page where most of its rows are.
    const labelPage = table.spans.map((span) => {
      const count = new Map<number, number>();
      for (let r = span.first; r <= span.last; r++)
        count.set(placed[r]!.page, (count.get(placed[r]!.page) ?? 0) + 1);
      let best = placed[span.first]!.page;
      for (const [p, n] of count) if (n > count.get(best)!) best = p;
      return best;
    });
    const headerTop = new Map(headers.map((h) => [h.page, h.top]));
    table.rows.forEach((row, r) => {
      const at = placed[r]!;
      const ops = this.pages[at.page]!.ops;
      const pageStarts = r === 0 || placed[r - 1]!.page !== at.page;
      if (pageStarts && header && headerTop.has(at.page)) header.paint(ops, headerTop.get(at.page)!);
      // Spanning cells whose piece on this page starts at this row, outer groups first.
      table.spans.forEach((span, s) => {
        if (r < span.first || r > span.last || (r !== span.first && !pageStarts)) return;
        let last = r;
        while (last < span.last && placed[last + 1]!.page === at.page) last++;
        const bottom = placed[last]!.top + table.rows[last]!.height;
        span.paint(ops, at.top, bottom - at.top, labelPage[s] === at.page);
      });
      row.paint(ops, at.top);
    });
    this.space(table.spaceAfter);
  }
}
