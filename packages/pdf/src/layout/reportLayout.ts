/**
 * The report laid out on A4 pages: title, the six sections (headings, narrative, tables), the
 * closing block and the page numbers 「— N —」. The sizes and spacing are those of an official
 * document (officialLayout.ts); the tables come from the format's header trees.
 */
import type { ReportLang } from '@nianbao/schema';
import type { Shown } from '../lang.ts';
import { contentWidth, indent, page, type } from '../officialLayout.ts';
import type { NarrativeModel, Paragraph, ReportModel } from '../reportModel.ts';
import { blocksTableLayout } from './blocksTable.ts';
import { emBoxMiddle, type Face, type TextStyle, textWidth } from './faces.ts';
import { Flow } from './flow.ts';
import { breakLines, type Line } from './lineBreak.ts';
import { matrixTableLayout } from './matrixTable.ts';
import { baselineOffset, type Op, type PageOps, SLACK } from './ops.ts';
import { tableLead } from './tableLayout.ts';

const style = (face: Face, t: { fontSize: number; lineHeight: number }): TextStyle => ({
  face,
  size: t.fontSize,
  lineHeight: t.lineHeight,
});
const lineHeight = (s: TextStyle) => s.size * s.lineHeight;

const S = {
  title: style('serifBold', type.title),
  titleEn: style('serifBold', type.titleEn),
  heading: style('sansBold', type.heading),
  headingEn: style('sansBold', type.headingEn),
  headingEnOnly: style('sansBold', { fontSize: 14, lineHeight: type.headingEn.lineHeight }),
  subheading: style('serifBold', type.heading),
  subheadingEn: style('serifBold', type.headingEn),
  body: style('serif', type.body),
  bodyEn: style('serif', type.bodyEn),
  pageNumber: style('serif', type.pageNumber),
};
const BODY_LINE = lineHeight(S.body);

type Align = 'left' | 'center' | 'justify';

/** Ops for one line of text whose top is `top`. */
function lineOp(line: Line, s: TextStyle, top: number, x: number, align: Align, width: number): Op {
  const op: Op = { kind: 'text', face: s.face, size: s.size, x, y: top + baselineOffset(s), text: line.text };
  // The width as the whole line is drawn (kerning across the break pieces included).
  const extra = width - textWidth(s, line.text);
  const gaps = [...line.text].length - 1;
  const english = line.spaces > 0 && !/\p{Script=Han}/u.test(line.text);
  if (align === 'center') op.x = x + extra / 2;
  else if (extra < -SLACK) {
    // A hair too wide as a whole: set it a hair tighter rather than over the margin.
    if (english) op.wordSpacing = extra / line.spaces;
    else if (gaps > 0) op.characterSpacing = extra / gaps;
  } else if (align === 'justify' && extra > SLACK) {
    if (english) op.wordSpacing = extra / line.spaces;
    // A line cut short by a long unbreakable word is left as it is.
    else if (gaps > 0 && extra / gaps < 0.5 * s.size) op.characterSpacing = extra / gaps;
  }
  return op;
}

/** A stack of lines in one style, painted from `top`. */
function paintLines(
  ops: Op[],
  lines: Line[],
  s: TextStyle,
  top: number,
  align: Align,
  firstIndent = 0,
): number {
  let y = top;
  lines.forEach((line, i) => {
    const x = i === 0 ? firstIndent : 0;
    ops.push(lineOp(line, s, y, x, align, contentWidth - x));
    y += lineHeight(s);
  });
  return y - top;
}

function title(flow: Flow, model: ReportModel): void {
  const main = model.title.main.split('\n').flatMap((part) => breakLines(part, S.title, contentWidth));
  const sub = model.title.sub ? breakLines(model.title.sub, S.titleEn, contentWidth) : [];
  const height =
    main.length * lineHeight(S.title) + (sub.length ? 4 + sub.length * lineHeight(S.titleEn) : 0);
  flow.block(height, (ops, top) => {
    const y = top + paintLines(ops, main, S.title, top, 'center');
    if (sub.length) paintLines(ops, sub, S.titleEn, y + 4, 'center');
  });
  // One blank line of the grid between the title and the text.
  flow.space(BODY_LINE);
}

interface Box {
  height: number;
  paint(ops: Op[], top: number): void;
}

/** A 一、 heading (level 1) or a （一） heading (level 2), with the English beneath in zh-en. */
function headingBox(shown: Shown, lang: ReportLang, level: 1 | 2): Box {
  const enOnly = lang === 'en';
  const main = enOnly
    ? level === 1
      ? S.headingEnOnly
      : S.subheadingEn
    : level === 1
      ? S.heading
      : S.subheading;
  const sub = level === 1 ? S.headingEn : S.subheadingEn;
  const mainIndent = enOnly ? 0 : indent;
  const mainLines = breakLines(shown.main, main, contentWidth, { indent: mainIndent });
  const subLines = shown.sub ? breakLines(shown.sub, sub, contentWidth, { indent }) : [];
  const before = enOnly ? (level === 1 ? 6 : 2) : 0;
  const after = enOnly || subLines.length ? (level === 1 ? 4 : 2) : 0;
  return {
    height: before + mainLines.length * lineHeight(main) + subLines.length * lineHeight(sub) + after,
    paint(ops, top) {
      const y = top + before + paintLines(ops, mainLines, main, top + before, 'left', mainIndent);
      paintLines(ops, subLines, sub, y, 'left', indent);
    },
  };
}

/** A heading, moved to the next page unless `keep` points of what follows fit below it. */
function heading(flow: Flow, box: Box, keep: number, bookmark?: string): void {
  flow.block(box.height, box.paint, keep, bookmark);
}

const paragraphStyle = (p: Paragraph) => (p.lang === 'zh' ? S.body : S.bodyEn);
const paragraphIndent = (p: Paragraph) => (p.lang === 'zh' ? indent : 2 * S.bodyEn.size);
const paragraphLines = new WeakMap<Paragraph, Line[]>();

/** A paragraph's lines (broken once, asked for twice: by the heading above it and to print it). */
function linesOf(p: Paragraph): Line[] {
  let lines = paragraphLines.get(p);
  if (!lines) {
    lines = breakLines(p.text, paragraphStyle(p), contentWidth, {
      indent: paragraphIndent(p),
      hyphenate: p.lang === 'en',
    });
    paragraphLines.set(p, lines);
  }
  return lines;
}

function paragraph(flow: Flow, p: Paragraph, keepAfter: number): void {
  const s = paragraphStyle(p);
  const first = paragraphIndent(p);
  const lines = linesOf(p);
  const last = lines.length - 1;
  flow.lines(
    lines.length,
    lineHeight(s),
    (ops, i, top) => {
      const x = i === 0 ? first : 0;
      ops.push(lineOp(lines[i]!, s, top, x, i === last ? 'left' : 'justify', contentWidth - x));
    },
    keepAfter,
  );
  if (p.lang === 'en') flow.space(4);
}

/**
 * The least of a paragraph that may start a page's last lines: all of it when it has three lines
 * or fewer (it cannot split leaving two on each side), else two lines.
 */
function paragraphLead(p: Paragraph): number {
  const lines = linesOf(p).length;
  return (lines <= 3 ? lines : 2) * lineHeight(paragraphStyle(p));
}

/** What a heading above this block must keep with it: the block's own heading and its first lines. */
function narrativeLead(block: NarrativeModel, lang: ReportLang): number {
  const first = block.paragraphs[0];
  const lead = first ? paragraphLead(first) : 0;
  return block.heading ? headingBox(block.heading, lang, 2).height + lead : lead;
}

function narrative(flow: Flow, block: NarrativeModel, lang: ReportLang, keepAfter: number): void {
  const first = block.paragraphs[0];
  if (block.heading) heading(flow, headingBox(block.heading, lang, 2), first ? paragraphLead(first) : 0);
  const last = block.paragraphs.length - 1;
  block.paragraphs.forEach((p, i) => {
    paragraph(flow, p, i === last ? keepAfter : 0);
  });
}

interface Closing {
  height: number;
  paint(ops: Op[], top: number): void;
}

/** The organisation and the date, right-aligned four characters in, each line centred on the block. */
function closing(model: ReportModel): Closing {
  const lines = model.closing.flatMap((block) =>
    block.lines.map((text) => {
      const s = block.lang === 'zh' ? S.body : S.bodyEn;
      return { text, s, width: textWidth(s, text) };
    }),
  );
  const width = Math.max(...lines.map((l) => l.width));
  const right = contentWidth - 4 * S.body.size;
  return {
    height: lines.reduce((h, l) => h + lineHeight(l.s), 0),
    paint(ops, top) {
      let y = top;
      for (const l of lines) {
        ops.push({
          kind: 'text',
          face: l.s.face,
          size: l.s.size,
          x: right - width + (width - l.width) / 2,
          y: y + baselineOffset(l.s),
          text: l.text,
        });
        y += lineHeight(l.s);
      }
    },
  };
}

/** 「— N —」: 7 mm below the text block, odd pages right and even pages left, one character in. */
function pageNumber(n: number): Op {
  const s = S.pageNumber;
  const text = `— ${n} —`;
  const width = textWidth(s, text);
  const middle = page.height - page.marginBottom + page.pageNumberGap;
  return {
    kind: 'text',
    face: s.face,
    size: s.size,
    x: n % 2 === 1 ? contentWidth - s.size - width : s.size,
    // The em box centred on the line the gap leads to, as in a table cell.
    y: middle + emBoxMiddle(s.face) * s.size,
    text,
  };
}

/**
 * The report's pages. `firstPageNumber` is the number printed on the first page; null prints none
 * (the caller numbers the pages itself, e.g. counting on from pages before the report).
 */
export function layoutReport(model: ReportModel, firstPageNumber: number | null = 1): PageOps[] {
  const flow = new Flow();
  title(flow, model);
  for (const block of model.opening) narrative(flow, block, model.lang, 0);
  const end = closing(model);
  model.sections.forEach((section, si) => {
    const isLast = si === model.sections.length - 1;
    const table =
      section.table?.type === 'blocks'
        ? blocksTableLayout(section.table, model)
        : section.table?.type === 'matrix'
          ? matrixTableLayout(section.table, model)
          : undefined;
    // A heading never ends a page: it keeps with it what may start the next page's content.
    const first = section.narrative[0];
    const keep = first ? narrativeLead(first, model.lang) : table ? tableLead(table) : 0;
    heading(flow, headingBox(section.heading, model.lang, 1), keep, section.bookmark);
    section.narrative.forEach((block, i) => {
      const lastBlock = isLast && !table && i === section.narrative.length - 1;
      narrative(flow, block, model.lang, lastBlock ? BODY_LINE + end.height : 0);
    });
    if (table) flow.table(table);
  });
  flow.space(BODY_LINE);
  flow.block(end.height, end.paint);
  if (firstPageNumber !== null)
    flow.pages.forEach((p, i) => {
      p.ops.unshift(pageNumber(firstPageNumber + i));
    });
  return flow.pages;
}
