/** @jsxRuntime automatic @jsxImportSource react */
/**
 * The report as a react-pdf document: one canvas per page paints what layout/reportLayout.ts
 * placed there, and the outline entries point at the section headings. The layout is done once,
 * before react-pdf sees the document: react-pdf's own text layout and pagination engine cost
 * several times as much for the same pages (see README, "How it is built").
 */
import { Canvas, Document, Page, View } from '@react-pdf/renderer';
import { type PageOps, type Painter, paintOps } from './layout/ops.ts';
import { contentWidth, page } from './officialLayout.ts';
import type { ReportModel } from './reportModel.ts';

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

export function ReportDocument({ model, pages }: { model: ReportModel; pages: PageOps[] }) {
  const { meta } = model;
  return (
    <Document
      title={meta.title}
      author={meta.author}
      subject={meta.subject}
      language={meta.language}
      creator="nianbao"
      producer="nianbao (@react-pdf/renderer)"
      pageMode="useOutlines"
    >
      {pages.map((content, i) => (
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
        </Page>
      ))}
    </Document>
  );
}
