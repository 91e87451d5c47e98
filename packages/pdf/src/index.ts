export { preloadFonts } from './fonts.ts';
export { renderReportHtml } from './html.ts';
export { isLang, LANGS, type Lang, type RenderOptions } from './lang.ts';
export { blocksMissingEnglish, MissingEnglishError } from './MissingEnglishError.ts';
export { renderReportPdf } from './renderReportPdf.ts';
