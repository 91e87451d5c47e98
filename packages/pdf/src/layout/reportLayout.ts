/**
 * The report laid out on A4 pages: title, the six sections (headings, narrative, tables), the
 * closing block and the page numbers 「— N —」. The sizes and spacing are those of an official
 * document (officialLayout.ts); the tables come from the format's header trees.
 */
import type { Lang, Shown } from '../lang.ts';
import { contentWidth, indent, page, type } from '../officialLayout.ts';
import type { NarrativeModel, Paragraph, ReportModel } from '../reportModel.ts';
import { blocksTableLayout } from './blocksTable.ts';
import { type Face, type TextStyle, textWidth } from './faces.ts';
import { Flow } from './flow.ts';
import { breakLines, type Line } from './lineBreak.ts';
import { matrixTableLayout } from './matrixTable.ts';
import { baselineOffset, type Op, type PageOps } from './ops.ts';

/** Two lines of body text: a heading never ends a page on its own. */
const KEEP_WITH_NEXT = 60;
/** A table's column header and its first rows: a heading above a table keeps them with it. */
const KEEP_WITH_TABLE = 130;

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
  const extra = width - line.width;
  if (align === 'center') op.x = x + extra / 2;
  else if (align === 'justify' && extra > 0.01) {
    if (line.spaces > 0 && !/\p{Script=Han}/u.test(line.text)) op.wordSpacing = extra / line.spaces;
    else {
      const gaps = [...line.text].length - 1;
      // A line cut short by a long unbreakable word is left as it is.
      if (gaps > 0 && extra / gaps < 0.5 * s.size) op.characterSpacing = extra / gaps;
    }
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

/** A 一、 heading (level 1) or a （一） heading (level 2), with the English beneath in zh-en. */
function heading(flow: Flow, shown: Shown, lang: Lang, level: 1 | 2, keep: number, bookmark?: string): void {
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
  const height = before + mainLines.length * lineHeight(main) + subLines.length * lineHeight(sub) + after;
  flow.block(
    height,
    (ops, top) => {
      const y = top + before + paintLines(ops, mainLines, main, top + before, 'left', mainIndent);
      paintLines(ops, subLines, sub, y, 'left', indent);
    },
    keep,
    bookmark,
  );
}

function paragraph(flow: Flow, p: Paragraph, keepAfter: number): void {
  const s = p.lang === 'zh' ? S.body : S.bodyEn;
  const first = p.lang === 'zh' ? indent : 2 * S.bodyEn.size;
  const lines = breakLines(p.text, s, contentWidth, { indent: first, hyphenate: p.lang === 'en' });
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

function narrative(flow: Flow, block: NarrativeModel, lang: Lang, keepAfter: number): void {
  if (block.heading) heading(flow, block.heading, lang, 2, KEEP_WITH_NEXT);
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
    y: middle + 0.35 * s.size,
    text,
  };
}

export function layoutReport(model: ReportModel): PageOps[] {
  const flow = new Flow();
  title(flow, model);
  const end = closing(model);
  model.sections.forEach((section, si) => {
    const isLast = si === model.sections.length - 1;
    const table = section.table;
    heading(
      flow,
      section.heading,
      model.lang,
      1,
      table && section.narrative.length === 0 ? KEEP_WITH_TABLE : KEEP_WITH_NEXT,
      section.bookmark,
    );
    section.narrative.forEach((block, i) => {
      const lastBlock = isLast && !table && i === section.narrative.length - 1;
      narrative(flow, block, model.lang, lastBlock ? BODY_LINE + end.height : 0);
    });
    if (table?.type === 'blocks') flow.table(blocksTableLayout(table, model));
    if (table?.type === 'matrix') flow.table(matrixTableLayout(table, model));
  });
  flow.space(BODY_LINE);
  flow.block(end.height, end.paint);
  flow.pages.forEach((p, i) => {
    p.ops.unshift(pageNumber(i + 1));
  });
  return flow.pages;
}
