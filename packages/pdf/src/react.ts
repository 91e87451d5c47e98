/**
 * `@nianbao/pdf/react`: the report's pages for a developer's own react-pdf <Document>. Built apart
 * from the main entry (build.mjs) with @react-pdf/renderer and React left to the consumer (peer
 * dependencies), so that preloadFonts() registers the fonts with the consumer's own `Font` — the
 * one their <Document> is rendered with. The main entry carries react-pdf inside its bundle; fonts
 * registered there are invisible to another copy of react-pdf.
 */
export { type FontFiles, preloadFonts, setFontFiles } from './fonts.ts';
export { ReportPages, type ReportPagesProps } from './ReportPages.tsx';
