/**
 * A file uploaded by someone else (the web app's import), read within limits that a real report is
 * far inside: a published annual report has under 30 pages and under 100 KB of text. A file beyond
 * them is refused before the slow part (reading lines into tables) starts. Node only.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type FormatDef, formatCells, type ReportData } from '@nianbao/schema';
import { checkImported } from './checkImported.ts';
import { decodeText } from './file.ts';
import { looksLikeHtml } from './html.ts';
import { ImportError, importText } from './importReport.ts';
import { importPdf, pdfToText } from './pdf.ts';
import type {
  ImportFinding,
  ImportMigration,
  ImportOptions,
  ImportProvenance,
  TableReading,
  Unread,
} from './types.ts';
import { docxToHtml, isOle, isZip, wordOldFormat } from './word.ts';

const run = promisify(execFile);

export interface UploadLimits {
  /** Pages of a PDF (default 60). */
  maxPages: number;
  /** Characters of text, as pdftotext gives it or as the file holds it (default 200,000; HTML: 4×). */
  maxTextChars: number;
}

export const UPLOAD_LIMITS: UploadLimits = { maxPages: 60, maxTextChars: 200_000 };

/** What a file holds, in a form that crosses threads (structured clone): no functions, no format object. */
export interface UploadReading {
  kind: 'pdf' | 'docx' | 'text' | 'markdown' | 'html';
  data: ReportData;
  format: FormatDef['id'];
  /** Layout findings (with `line`) and the rules on the figures that were read. */
  findings: ImportFinding[];
  /** What could not be read, with its lines: those cells stay empty. */
  unread: Unread[];
  /** How many table cells were read from the file, of how many the format has. */
  readCells: number;
  cells: number;
  /** Where year, organisation and format came from. */
  provenance: ImportProvenance;
  /** Each table's reading and the rules that confirm it. */
  readings: TableReading[];
  /** Printed in another layout than the year's format: the migration `data` offers, and what it loses. */
  migration?: ImportMigration;
}

function tooMuchText(chars: number, limit: number): ImportError {
  return new ImportError({
    zh: `文件的文字超过 ${Math.round(limit / 1000)} 千字（现为 ${Math.round(chars / 1000)} 千字），不像一份年度报告；请只上传报告本身`,
    en: `the file holds more than ${Math.round(limit / 1000)} thousand characters of text (${Math.round(chars / 1000)} thousand); that is not an annual report alone: upload the report only`,
  });
}

/** Pages of a PDF as its page tree says (pdfinfo reads no content, so this is quick for any file). */
async function pdfPages(file: string): Promise<number | undefined> {
  try {
    const { stdout } = await run('pdfinfo', [file], { timeout: 10_000 });
    const pages = /^Pages:\s+(\d+)/m.exec(stdout);
    return pages ? Number(pages[1]) : undefined;
  } catch {
    // A PDF pdfinfo cannot read: pdftotext says why below.
    return undefined;
  }
}

/** Refuses a PDF with more pages or more text than a report before its lines are read. */
async function checkPdf(file: string, limits: UploadLimits): Promise<void> {
  const tooManyPages = new ImportError({
    zh: `PDF 超过 ${limits.maxPages} 页，不像一份年度报告（报告一般不到 30 页）；请只上传报告本身`,
    en: `the PDF has more than ${limits.maxPages} pages; an annual report has under 30: upload the report only`,
  });
  if (((await pdfPages(file)) ?? 0) > limits.maxPages) throw tooManyPages;
  // Read one page past the limit: pdftotext ends each page with a form feed.
  const text = await pdfToText(file, 'raw', limits.maxPages + 1);
  if (text.split('\f').length - 1 > limits.maxPages) throw tooManyPages;
  if (text.length > limits.maxTextChars) throw tooMuchText(text.length, limits.maxTextChars);
}

export async function readUploadedReport(
  bytes: Uint8Array,
  options: ImportOptions = {},
  limits: UploadLimits = UPLOAD_LIMITS,
): Promise<UploadReading> {
  const isPdf = new TextDecoder('latin1').decode(bytes.subarray(0, 5)) === '%PDF-';
  let kind: UploadReading['kind'];
  let result: ReturnType<typeof importText>;
  if (isPdf) {
    kind = 'pdf';
    const dir = await mkdtemp(join(tmpdir(), 'nianbao-upload-'));
    try {
      const file = join(dir, 'upload.pdf');
      await writeFile(file, bytes);
      await checkPdf(file, limits);
      result = await importPdf(file, options);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  } else if (isOle(bytes)) {
    throw wordOldFormat();
  } else if (isZip(bytes)) {
    kind = 'docx';
    const html = await docxToHtml(bytes);
    if (html.length > limits.maxTextChars * 4) throw tooMuchText(html.length, limits.maxTextChars * 4);
    result = importText(html, options, 'docx');
  } else {
    const text = decodeText(bytes);
    kind = looksLikeHtml(text) ? 'html' : 'text';
    // Markup, scripts and styles make a page several times its text.
    const limit = kind === 'html' ? limits.maxTextChars * 4 : limits.maxTextChars;
    if (text.length > limit) throw tooMuchText(text.length, limit);
    result = importText(text, options);
    if (result.provenance.form === 'markdown') kind = 'markdown';
  }
  return {
    kind,
    data: result.data,
    format: result.format.id,
    findings: checkImported(result),
    unread: result.unread,
    readCells: result.readCells.length,
    cells: formatCells(result.format).length,
    provenance: result.provenance,
    readings: result.readings,
    ...(result.migration ? { migration: result.migration } : {}),
  };
}
