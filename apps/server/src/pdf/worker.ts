/**
 * Runs in a worker thread: renders one report with @nianbao/pdf. A report that cannot be rendered
 * in the asked language comes back as a message for the user, not as a crash.
 */
import { MissingEnglishError, renderReportHtml, renderReportPdf } from '@nianbao/pdf';
import type { ReportData } from '@nianbao/schema';
import type { Lang, RenderJob, RenderResult } from './renderJob.ts';

const renderHtml: (report: ReportData, options: { lang: Lang }) => string = renderReportHtml;

export default async function render(job: RenderJob): Promise<RenderResult> {
  try {
    const body =
      job.kind === 'pdf'
        ? await renderReportPdf(job.report, { lang: job.lang })
        : new TextEncoder().encode(renderHtml(job.report, { lang: job.lang }));
    // A compact copy: a view into a larger buffer would be cloned whole across threads.
    return { ok: true, body: body.slice() };
  } catch (error) {
    if (
      error instanceof MissingEnglishError ||
      (error instanceof Error && error.name === 'MissingEnglishError')
    ) {
      return { ok: false, message: error.message };
    }
    throw error;
  }
}
