export { type FontFiles, preloadFonts, setFontFiles } from './fonts.ts';
export { renderReportHtml } from './html.ts';
export type { RenderOptions } from './lang.ts';
export { blocksMissingEnglish, MissingEnglishError } from './MissingEnglishError.ts';
export { renderReportDocx } from './renderReportDocx.ts';
export { renderReportPdf } from './renderReportPdf.ts';
