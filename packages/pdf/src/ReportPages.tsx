/** @jsxRuntime automatic @jsxImportSource react */
/**
 * The report's pages as react-pdf elements, for a developer's own <Document> (a cover page before
 * them, an appendix after, many reports in one booklet). One canvas per page paints what
 * layout/reportLayout.ts placed there, and the outline entries point at the section headings. The
 * layout is done once, before react-pdf sees the pages: react-pdf's own text layout and pagination
 * cost several times as much for the same pages (see README, "How it is built").
 */
import type { ReportLang as Lang, ReportData } from '@nianbao/schema';
import { Canvas, Page, Text, View } from '@react-pdf/renderer';
import { SERIF } from './fonts.ts';
import { fontOf } from './layout/faces.ts';
import { type PageOps, type Painter, paintOps } from './layout/ops.ts';
import { layoutReport } from './layout/reportLayout.ts';
import { contentWidth, page, type } from './officialLayout.ts';
import { buildReportModel } from './reportModel.ts';

export interface ReportPagesProps {
  /** Data that passed parseReport. */
  report: ReportData;
  lang: Lang;
  /**
   * The number printed on the report's first page: 1 by default (numbering restarts with the
   * report), any other number, or 'continue' for the page's number in the whole document (the
   * pages before the report counted).
   */
  firstPageNumber?: number | 'continue';
}

const canvasStyle = {
  position: 'absolute',
  top: 0,
  left: page.marginLeft,
  width: contentWidth,
  height: page.height,
} as const;

/** react-pdf reads `bookmark` on any element, though its types declare it only on Page. */
function outlineEntry(title: string, top: number): object {
  return { bookmark: { title, fit: true, top, left: page.marginLeft } };
}

const numberSize = type.pageNumber.fontSize;
/** 「— N —」 where the laid-out pages print it: 7 mm below the text block, one character in. */
const numberBox = {
  position: 'absolute',
  top: page.height - page.marginBottom + page.pageNumberGap - numberSize / 2,
  left: page.marginLeft,
  width: contentWidth,
  fontFamily: SERIF,
  fontSize: numberSize,
  lineHeight: 1,
} as const;

/** A page number counted by react-pdf over the whole document: odd pages right, even pages left. */
function DocumentPageNumber() {
  return (
    <>
      <Text
        fixed
        style={{ ...numberBox, textAlign: 'right', paddingRight: numberSize }}
        render={({ pageNumber }) => (pageNumber % 2 === 1 ? `— ${pageNumber} —` : '')}
      />
      <Text
        fixed
        style={{ ...numberBox, textAlign: 'left', paddingLeft: numberSize }}
        render={({ pageNumber }) => (pageNumber % 2 === 0 ? `— ${pageNumber} —` : '')}
      />
    </>
  );
}

/** Laid-out pages as react-pdf <Page>s. */
export function LaidOutPages({ pages, numbered = false }: { pages: PageOps[]; numbered?: boolean }) {
  return pages.map((content, i) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: a page is its position in the document
    <Page key={i} size="A4">
      <Canvas
        style={canvasStyle}
        paint={(painter) => {
          paintOps(painter as unknown as Painter, content.ops);
          return null;
        }}
      />
      {content.bookmarks.map((b) => (
        <View
          key={b.title}
          style={{ position: 'absolute', top: b.y, left: page.marginLeft, width: 1, height: 1 }}
          {...outlineEntry(b.title, b.y)}
        />
      ))}
      {numbered && <DocumentPageNumber />}
    </Page>
  ));
}

/**
 * The report's pages, to be put inside a react-pdf <Document>. The fonts must be loaded first:
 * `await preloadFonts()` of the same entry (`@nianbao/pdf/react`) before rendering the document:
 * the layout measures text with them, and react-pdf draws with the ones registered with it.
 */
export function ReportPages({ report, lang, firstPageNumber = 1 }: ReportPagesProps) {
  try {
    fontOf('serif');
  } catch {
    throw new Error('<ReportPages>: call `await preloadFonts()` from @nianbao/pdf/react before rendering');
  }
  const model = buildReportModel(report, lang);
  const continued = firstPageNumber === 'continue';
  const pages = layoutReport(model, continued ? null : firstPageNumber);
  return <LaidOutPages pages={pages} numbered={continued} />;
}
