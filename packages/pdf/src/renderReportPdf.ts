import type { ReportData } from '@nianbao/schema';
import { type DocumentProps, renderToBuffer } from '@react-pdf/renderer';
import { createElement, type ReactElement } from 'react';
import { preloadFonts } from './fonts.ts';
import type { RenderOptions } from './lang.ts';
import { layoutReport } from './layout/reportLayout.ts';
import { ReportDocument } from './ReportDocument.tsx';
import { buildReportModel } from './reportModel.ts';

/**
 * The report as a PDF in the official layout. Throws MissingEnglishError for `en` when a
 * narrative block has no English. Expects data that passed parseReport.
 */
export async function renderReportPdf(report: ReportData, options: RenderOptions): Promise<Uint8Array> {
  await preloadFonts();
  const model = buildReportModel(report, options.lang);
  const pages = layoutReport(model);
  const buffer = await renderToBuffer(
    // ReportDocument renders a <Document>, which is what renderToBuffer's type asks for.
    createElement(ReportDocument, { model, pages }) as unknown as ReactElement<DocumentProps>,
  );
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
