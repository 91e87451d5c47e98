/**
 * The report as a Word document in the official layout (GB/T 9704, as the PDF): A4 with the
 * 37/28/26/35 mm margins, the title, the six sections with their headings as Word headings (so
 * that Word's navigation pane and an importer see the outline), the narrative with a 2-character
 * first-line indent, tables 二/三/四 (docxTables.ts), the closing block and 「— N —」 page numbers,
 * odd pages right and even pages left. Everything it says comes from reportModel, as the PDF's
 * and the HTML's words do.
 */
import {
  AlignmentType,
  Document,
  Footer,
  type IRunOptions,
  Packer,
  PageNumber,
  Paragraph,
  type Table,
  TextRun,
} from 'docx';
import type { Shown } from '../lang.ts';
import { type } from '../officialLayout.ts';
import type { Paragraph as ModelParagraph, ReportModel } from '../reportModel.ts';
import { charWidth } from '../tableWidths.ts';
import { blocksDocxTable, matrixDocxTable, tableStyles } from './docxTables.ts';
import { fonts, geometry, halfPoints, pitch, twip } from './docxType.ts';

const BODY = type.body.fontSize;
const EN = { value: 'en-US' } as const;
const exact = (line: number) => ({ line, lineRule: 'exact' as const, before: 0, after: 0 });
/** 左空二字: two characters, in Word's character units and in twips for readers that lack them. */
const TWO_CHARS = { firstLineChars: 200, firstLine: twip(2 * BODY) };

function runs(text: string, options: IRunOptions): TextRun[] {
  return text.split('\n').map((part, i) => new TextRun({ ...options, text: part, break: i > 0 ? 1 : 0 }));
}

function title(model: ReportModel): Paragraph[] {
  const en = model.lang === 'en';
  const out = [
    new Paragraph({
      style: 'Title',
      children: runs(model.title.main, en ? { language: EN } : {}),
    }),
  ];
  if (model.title.sub)
    out.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        // One blank line of the grid between the title and the text (the Title style has it otherwise).
        spacing: { ...exact(pitch.titleEn), after: pitch.body },
        keepNext: true,
        children: [
          new TextRun({
            text: model.title.sub,
            bold: true,
            size: halfPoints(type.titleEn.fontSize),
            language: EN,
          }),
        ],
      }),
    );
  return out;
}

/** A 一、 (level 1) or （一） (level 2) heading; in bilingual mode the English on a line beneath. */
function heading(shown: Shown, level: 1 | 2, model: ReportModel, spaceBefore: number): Paragraph {
  const en = model.lang === 'en';
  const children = en
    ? [new TextRun({ text: shown.main, font: fonts.body, bold: true, size: halfPoints(14), language: EN })]
    : [new TextRun({ text: shown.main })];
  if (shown.sub)
    children.push(
      new TextRun({
        text: shown.sub,
        break: 1,
        size: halfPoints(type.headingEn.fontSize),
        language: EN,
      }),
    );
  return new Paragraph({
    style: level === 1 ? 'Heading1' : 'Heading2',
    children,
    ...(en || shown.sub
      ? { spacing: { before: twip(spaceBefore), after: twip(4), line: 240, lineRule: 'auto' as const } }
      : spaceBefore
        ? { spacing: { ...exact(pitch.body), before: twip(spaceBefore) } }
        : {}),
    // Both lines of a bilingual heading start two characters in, as in the PDF.
    ...(en
      ? { indent: { firstLine: 0, firstLineChars: 0 } }
      : shown.sub
        ? { indent: { left: twip(2 * BODY), firstLine: 0, firstLineChars: 0 } }
        : {}),
  });
}

function paragraph(p: ModelParagraph): Paragraph {
  if (p.lang === 'zh') return new Paragraph({ children: [new TextRun(p.text)] });
  return new Paragraph({
    spacing: { ...exact(pitch.bodyEn), after: twip(4) },
    indent: { firstLine: twip(2 * type.bodyEn.fontSize), firstLineChars: 0 },
    children: [new TextRun({ text: p.text, size: halfPoints(type.bodyEn.fontSize), language: EN })],
  });
}

/**
 * The organisation and the date, right-aligned four characters in, each line centred on the
 * widest (GB/T 9704 7.3.5): a line narrower than the widest is moved in by half the difference.
 */
function closing(model: ReportModel): Paragraph[] {
  const lines = model.closing.flatMap((block) =>
    block.lines.map((text) => {
      const size = block.lang === 'zh' ? BODY : type.bodyEn.fontSize;
      return { text, size, lang: block.lang, width: charWidth(text) * size };
    }),
  );
  const widest = Math.max(...lines.map((l) => l.width));
  return lines.map(
    (l, i) =>
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        indent: { firstLine: 0, firstLineChars: 0, right: twip(4 * BODY + (widest - l.width) / 2) },
        spacing: {
          ...exact(l.lang === 'zh' ? pitch.body : pitch.bodyEn),
          before: i === 0 ? pitch.body : 0,
        },
        keepNext: i < lines.length - 1,
        children: [
          new TextRun({
            text: l.text,
            size: halfPoints(l.size),
            ...(l.lang === 'en' ? { language: EN } : {}),
          }),
        ],
      }),
  );
}

/** 「— N —」, 4号宋体: odd pages at the right and even pages at the left, one character in. */
function pageNumberFooter(side: 'odd' | 'even'): Footer {
  const inset = twip(type.pageNumber.fontSize);
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: inset } : { left: inset },
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            font: fonts.pageNumber,
            size: halfPoints(type.pageNumber.fontSize),
          }),
        ],
      }),
    ],
  });
}

function styles(model: ReportModel) {
  const heading = (font: typeof fonts.heading) => ({
    run: { font, size: halfPoints(BODY), bold: false, color: '000000' },
    // Flush left: a justified line that ends in a line break would be spread over the width.
    paragraph: {
      alignment: AlignmentType.LEFT,
      spacing: exact(pitch.body),
      indent: TWO_CHARS,
      keepNext: true,
      keepLines: true,
    },
  });
  return {
    paragraphStyles: tableStyles(model),
    default: {
      document: {
        run: {
          font: fonts.body,
          size: halfPoints(BODY),
          color: '000000',
          language: { value: model.lang === 'en' ? 'en-US' : 'zh-CN', eastAsia: 'zh-CN' },
        },
        paragraph: {
          spacing: exact(pitch.body),
          indent: TWO_CHARS,
          alignment: AlignmentType.JUSTIFIED,
        },
      },
      title: {
        run: { font: fonts.title, size: halfPoints(type.title.fontSize), bold: false, color: '000000' },
        paragraph: {
          alignment: AlignmentType.CENTER,
          spacing: { ...exact(pitch.title), after: model.title.sub ? 0 : pitch.body },
          indent: { firstLine: 0, firstLineChars: 0 },
          keepNext: true,
        },
      },
      heading1: {
        ...heading(fonts.heading),
        paragraph: { ...heading(fonts.heading).paragraph, outlineLevel: 0 },
      },
      heading2: {
        ...heading(fonts.subheading),
        paragraph: { ...heading(fonts.subheading).paragraph, outlineLevel: 1 },
      },
    },
  };
}

/** The .docx file of a report model. */
export async function reportDocx(model: ReportModel): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = title(model);
  for (const block of model.opening) children.push(...block.paragraphs.map(paragraph));
  let afterTable = false;
  for (const section of model.sections) {
    children.push(heading(section.heading, 1, model, afterTable ? 12 : 0));
    afterTable = false;
    for (const block of section.narrative) {
      if (block.heading) children.push(heading(block.heading, 2, model, 0));
      children.push(...block.paragraphs.map(paragraph));
    }
    const table = section.table;
    if (table) {
      children.push(table.type === 'matrix' ? matrixDocxTable(table, model) : blocksDocxTable(table, model));
      afterTable = true;
    }
  }
  children.push(...closing(model));
  const { meta } = model;
  const document = new Document({
    title: meta.title,
    creator: meta.author,
    subject: meta.subject,
    description: meta.subject,
    evenAndOddHeaderAndFooters: true,
    styles: styles(model),
    sections: [
      {
        properties: {
          page: {
            size: { width: geometry.width, height: geometry.height },
            margin: {
              top: geometry.top,
              bottom: geometry.bottom,
              left: geometry.left,
              right: geometry.right,
              header: twip(28),
              footer: geometry.footer,
            },
            pageNumbers: { start: 1 },
          },
        },
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children,
      },
    ],
  });
  const buffer = await Packer.toBuffer(document);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
