/**
 * Where each part of the report lies in the lines: the six section headings (一、…六、) of the
 * format, and, when a copy lacks headings, the tables' own first labels.
 */
import type { FormatDef, MatrixTable } from '@nianbao/schema';
import { type Line, lineText, tokeniseLine } from './lines.ts';
import { editDistance, normaliseLabel } from './normalise.ts';

interface HeadingMatch {
  section: string;
  /** Index into the lines. */
  index: number;
  printed: string;
  official: string;
}

/**
 * A line is the heading of a section when it starts with the section's ordinal (一、) and reads
 * mostly like the official heading; wording variants (「五、存在的主要问题及整改措施」) still count,
 * so that they can be reported. Rows of table 三 that start with 三、/四、 have figures or read differently.
 */
function isHeading(line: Line, official: string): boolean {
  if (line.tokens.some((t) => t.type !== 'text')) return false;
  const printed = normaliseLabel(lineText(line));
  const ordinal = official.slice(0, 2);
  if (!printed.startsWith(ordinal) || printed.length > official.length + 12) return false;
  if (printed === official) return true;
  const distance = editDistance(printed, official);
  return 1 - distance / Math.max(printed.length, official.length) >= 0.5;
}

/**
 * A report that numbers its own narrative sections (一、总体情况 … 六、平台建设) and the official ones
 * after them (「一、主动公开政府信息情况」 for 二、): the wording is the official one word for word, only
 * the ordinal differs. Taken only where no heading with the right ordinal is found, and reported.
 */
function isRenumbered(line: Line, official: string): boolean {
  if (line.tokens.some((t) => t.type !== 'text')) return false;
  const printed = normaliseLabel(lineText(line)).replace(/[:.。]+$/, '');
  return /^[一二三四五六七八九十]、/.test(printed) && printed.slice(2) === official.slice(2);
}

function findHeadings(format: FormatDef, lines: Line[]): HeadingMatch[] {
  const found: HeadingMatch[] = [];
  let from = 0;
  for (const section of format.sections) {
    const official = normaliseLabel(section.label.zh);
    const at = (test: (line: Line, official: string) => boolean) => {
      for (let i = from; i < lines.length; i++) if (test(lines[i]!, official)) return i;
      return undefined;
    };
    const index = at(isHeading) ?? at(isRenumbered);
    if (index === undefined) continue;
    found.push({
      section: section.id,
      index,
      printed: lineText(lines[index]!).trim(),
      official: section.label.zh,
    });
    from = index + 1;
  }
  return found;
}

/**
 * In such lines a figure stands glued between two labels (「行政处罚2113行政强制0」): digits with Han
 * characters on both sides are set apart, so that a one-cell row reads its one figure. Digits that
 * number the next label (「3.其他」) stay with it; several cells glued into one run
 * (「713000074」) stay one figure, which no row of several cells takes, unless the run can only be
 * read one way (`apart`).
 */
const GLUED = /(?<=\p{Script=Han})(\d+(?:\.\d+)?)(?=\p{Script=Han}|[（(]|$)/gu;

/**
 * A run as long as a row of table 三 (7 cells) or table 四 (15) can only be one digit per cell:
 * every cell holds at least one. Any other run is one figure (or several cells no row takes).
 */
const apart = (run: string) => (/^\d{7}$|^\d{15}$/.test(run) ? ` ${run.split('').join(' ')} ` : ` ${run} `);

/** A line this long holds paragraphs run together (a page's text saved without its line breaks). */
const RUN_TOGETHER = 200;

/**
 * Text whose paragraphs run together into a few long lines (「…的情况。 二、主动公开政府信息情况第二十条…」)
 * has the section headings inside them. Each long line is cut before and after every heading that
 * stands in it — its ordinal, then wording within a few edits of the official heading (a misprint
 * stays as printed, to be reported) — so that the headings are found as in any other text. The
 * pieces keep the line's number.
 */
export function cutAtHeadings(format: FormatDef, lines: Line[]): Line[] {
  const out: Line[] = [];
  for (const line of lines) {
    if (line.raw.length < RUN_TOGETHER || line.tableRow) {
      out.push(line);
      continue;
    }
    const cuts: number[] = [];
    for (const section of format.sections) {
      const official = normaliseLabel(section.label.zh);
      const ordinal = section.label.zh.slice(0, 2);
      for (let at = line.raw.indexOf(ordinal); at >= 0; at = line.raw.indexOf(ordinal, at + 1)) {
        let best: { end: number; distance: number } | undefined;
        for (let end = at + official.length - 3; end <= at + official.length + 3; end++) {
          const distance = editDistance(normaliseLabel(line.raw.slice(at, end)), official);
          if (!best || distance < best.distance) best = { end, distance };
        }
        if (best && best.distance <= Math.floor(official.length * 0.15)) cuts.push(at, best.end);
      }
    }
    const bounds = [...new Set([0, ...cuts, line.raw.length])].sort((a, b) => a - b);
    for (let i = 0; i + 1 < bounds.length; i++) {
      const raw = line.raw.slice(bounds[i], bounds[i + 1]).trim();
      if (raw !== '') out.push({ no: line.no, raw, tokens: tokeniseLine(raw.replace(GLUED, apart)) });
    }
  }
  return out;
}

/** First line index at or after `from` whose normal-form text satisfies `test`. */
function findLine(
  lines: Line[],
  from: number,
  to: number,
  test: (normal: string) => boolean,
): number | undefined {
  for (let i = from; i < to; i++) if (test(normaliseLabel(lineText(lines[i]!)))) return i;
  return undefined;
}

export interface Regions {
  headings: HeadingMatch[];
  /** [start, end) line indexes; absent when the text has nothing of that part. */
  s1?: [number, number];
  t2?: [number, number];
  t3?: [number, number];
  t4?: [number, number];
  s5?: [number, number];
  s6?: [number, number];
  /** Lines before the first heading or table (title, preamble). */
  preamble: [number, number];
}

/**
 * Splits the lines into parts. A section runs from its heading to the next heading found; a copy
 * without headings (a fragment of a web page) is cut at the tables' own anchors: the first
 * 第二十条 caption, the note 「（本列数据的勾稽关系为…）」, the 行政复议 header.
 */
export function findRegions(format: FormatDef, lines: Line[]): Regions {
  const headings = findHeadings(format, lines);
  const at = (id: string) => headings.find((h) => h.section === id)?.index;
  const end = lines.length;
  const next = (after: number) => headings.find((h) => h.index > after)?.index ?? end;
  const t3 = format.sections.find((s) => s.id === 's3')!.table as MatrixTable;
  const corner = normaliseLabel(t3.corner!.zh).slice(0, 8);

  const s1 = at('s1');
  const h2 = at('s2');
  const h3 = at('s3');
  const h4 = at('s4');
  const s5 = at('s5');
  const s6 = at('s6');

  const caption = findLine(lines, h2 ?? 0, h3 ?? h4 ?? end, (n) =>
    /^第二十条第\(?[一二三四五六七八九十]+\)?项/.test(n),
  );
  const t2Start = h2 ?? caption;
  const cornerLine = findLine(
    lines,
    t2Start ?? 0,
    h4 ?? end,
    (n) => n.includes(corner) || n.startsWith('申请人情况'),
  );
  const t3Start =
    h3 ??
    (cornerLine !== undefined && (t2Start === undefined || cornerLine > t2Start) ? cornerLine : undefined);
  const t4Anchor = findLine(lines, t3Start ?? t2Start ?? 0, s5 ?? end, (n) => n.startsWith('行政复议'));
  const t4Start = h4 ?? t4Anchor;

  const regions: Regions = {
    headings,
    preamble: [0, Math.min(s1 ?? end, t2Start ?? end, t3Start ?? end, t4Start ?? end)],
  };
  if (s1 !== undefined) regions.s1 = [s1 + 1, Math.min(next(s1), t2Start ?? end)];
  const after = (from: number) =>
    Math.min(...[t3Start, t4Start, s5, s6, end].filter((i): i is number => i !== undefined && i > from));
  if (t2Start !== undefined) regions.t2 = [t2Start, after(t2Start)];
  // Without a heading or note, table 三 may still begin the text (a single page of a report).
  const t3From = t3Start ?? (t2Start === undefined && s1 === undefined ? 0 : undefined);
  if (t3From !== undefined) regions.t3 = [t3From, after(t3From)];
  if (t4Start !== undefined) regions.t4 = [t4Start, after(t4Start)];
  if (s5 !== undefined) regions.s5 = [s5 + 1, next(s5)];
  if (s6 !== undefined) regions.s6 = [s6 + 1, end];
  return regions;
}
