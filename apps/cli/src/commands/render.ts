/**
 * `pnpm nianbao render <report.json> -o <out.pdf|out.docx|out.html> [--lang zh|en|zh-en]`
 * Renders a report JSON file as the official PDF, as a Word document or as portal HTML. The output is written to a
 * temporary file beside the target and renamed into place, so a failed render never leaves a
 * partial file (nor clobbers an existing one). Exit code 1 for a file that cannot be rendered,
 * 2 for wrong usage.
 */
import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { MissingEnglishError, renderReportDocx, renderReportHtml, renderReportPdf } from '@nianbao/pdf';
import { isReportLang, parseReport } from '@nianbao/schema';
import { commandArgs } from '../args.ts';

const USAGE = 'usage: pnpm nianbao render <report.json> -o <out.pdf|out.docx|out.html> [--lang zh|en|zh-en]';

/** How many schema findings to print before summarising the rest. */
const SHOWN_ISSUES = 10;

class RenderFailure extends Error {}

async function readReport(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? '文件不存在 file not found'
        : code === 'EISDIR'
          ? '这是目录 is a directory'
          : String(error);
    throw new RenderFailure(`cannot read ${file}: ${why}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new RenderFailure(`${file} is not valid JSON（不是有效的 JSON）: ${(error as Error).message}`);
  }
}

async function writeAtomically(target: string, data: string | Uint8Array): Promise<void> {
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, data);
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw new RenderFailure(`cannot write ${target}: ${(error as Error).message}`);
  }
}

export async function run(args: string[]): Promise<number> {
  const parsed = commandArgs(
    'render',
    USAGE,
    args,
    {
      output: { type: 'string', short: 'o' },
      lang: { type: 'string', short: 'l' },
      help: { type: 'boolean', short: 'h' },
    },
    { positionals: true },
  );
  if (!parsed) return 2;
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const lang = values.lang ?? 'zh';
  const output = values.output;
  const kind = output ? extname(output).toLowerCase() : '';
  if (
    positionals.length !== 1 ||
    !output ||
    !isReportLang(lang) ||
    !['.pdf', '.docx', '.html', '.htm'].includes(kind)
  ) {
    const why =
      positionals.length !== 1
        ? 'give exactly one report.json'
        : !output
          ? 'give the output file with -o'
          : !isReportLang(lang)
            ? `--lang must be zh, en or zh-en, not "${lang}"`
            : `the output must end in .pdf, .docx or .html, not "${kind || output}"`;
    console.error(`nianbao render: ${why}\n${USAGE}`);
    return 2;
  }
  const input = positionals[0]!;
  try {
    const parsedReport = parseReport(await readReport(input));
    if (!parsedReport.ok) {
      const { issues } = parsedReport;
      const lines = issues.slice(0, SHOWN_ISSUES).map((issue) => {
        const where = issue.cell ?? issue.path.join('.');
        return `  ${where}: ${issue.message.zh}\n  ${' '.repeat(where.length)}  ${issue.message.en}`;
      });
      const more = issues.length > SHOWN_ISSUES ? [`  … ${issues.length - SHOWN_ISSUES} more`] : [];
      throw new RenderFailure(
        [
          `${input} is not a valid report（报告数据不符合格式）, ${issues.length} problem(s):`,
          ...lines,
          ...more,
        ].join('\n'),
      );
    }
    const data =
      kind === '.pdf'
        ? await renderReportPdf(parsedReport.data, { lang })
        : kind === '.docx'
          ? await renderReportDocx(parsedReport.data, { lang })
          : renderReportHtml(parsedReport.data, { lang });
    await writeAtomically(output, data);
    const bytes = typeof data === 'string' ? Buffer.byteLength(data) : data.length;
    console.log(`nianbao render: wrote ${output} (${lang}, ${Math.round(bytes / 1024)} KB)`);
    return 0;
  } catch (error) {
    if (error instanceof RenderFailure || error instanceof MissingEnglishError) {
      console.error(`nianbao render: ${error.message}`);
      return 1;
    }
    throw error;
  }
}
