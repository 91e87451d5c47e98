import type { ReportData } from '@nianbao/schema';
import type { RenderOptions } from './lang.ts';
import { buildReportModel } from './reportModel.ts';

/**
 * The report as a Word document (.docx) in the official layout, with the words and figures of
 * the PDF. Throws MissingEnglishError for `en` when a narrative block has no English. Expects
 * data that passed parseReport.
 */
export async function renderReportDocx(report: ReportData, options: RenderOptions): Promise<Uint8Array> {
  const model = buildReportModel(report, options.lang);
  // Loaded on first use: the docx library takes ~0.2 s to load, which a process that only
  // renders PDFs (a server's worker at start-up) should not pay.
  const { reportDocx } = await import('./docx/reportDocx.ts');
  return reportDocx(model);
}
