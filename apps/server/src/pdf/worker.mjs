/**
 * Runs in a worker thread: renders one report with @nianbao/pdf (PDF, Word or HTML). A report that cannot be rendered
 * in the asked language comes back as a message for the user, not as a crash.
 *
 * Plain JavaScript run by plain node: it loads the built @nianbao/pdf and @nianbao/schema (their
 * dist/, which turbo builds before the server runs or is tested), as any other consumer would.
 *
 * At start the worker loads and parses the fonts and renders a small report once, so that the
 * first download does not pay for the cold path (module loading, font tables, first layout).
 */
import { preloadFonts, renderReportDocx, renderReportHtml, renderReportPdf } from '@nianbao/pdf';
import { newReport } from '@nianbao/schema';

/** @typedef {import('./renderJob.ts').RenderJob} RenderJob */
/** @typedef {import('./renderJob.ts').RenderResult} RenderResult */

// React's development build checks every element and roughly doubles react-pdf's rendering time;
// a renderer in a server is production. (process.env is this thread's own copy; the bundle has it
// built in.)
process.env.NODE_ENV ??= 'production';

// Warm-up: a new report of the current format (its tables, labels and headings: most of what every
// report draws) with some paragraphs of narrative. A failure here is not fatal: the first real job
// reports its own error.
const WARM_UP_TEXT =
  '本机关坚持以公开为常态、不公开为例外，围绕中心工作，及时主动公开政府信息，依法做好依申请公开工作，持续提升政务公开质量和实效（2024年，共计12件）。';
try {
  await preloadFonts();
  const report = newReport({ year: new Date().getFullYear() - 1, organisation: { zh: '预热' } });
  for (const id of Object.keys(report.narrative)) report.narrative[id] = { zh: WARM_UP_TEXT.repeat(4) };
  // Both languages a report can always be printed in: zh-en also warms the English labels' shaping.
  await renderReportPdf(report, { lang: 'zh' });
  await renderReportPdf(report, { lang: 'zh-en' });
} catch {
  // Rendered on demand instead.
}

/**
 * @param {RenderJob} job
 * @returns {Promise<RenderResult>}
 */
export default async function render(job) {
  try {
    const body =
      job.kind === 'pdf'
        ? await renderReportPdf(job.report, { lang: job.lang })
        : job.kind === 'docx'
          ? await renderReportDocx(job.report, { lang: job.lang })
          : new TextEncoder().encode(renderReportHtml(job.report, { lang: job.lang }));
    // A compact copy: a view into a larger buffer would be cloned whole across threads.
    return { ok: true, body: body.slice() };
  } catch (error) {
    if (error instanceof Error && error.name === 'MissingEnglishError') {
      return { ok: false, message: error.message };
    }
    throw error;
  }
}
