/**
 * Reading a report file from disk (Node only; `@nianbao/import/node`): a PDF through pdftotext,
 * a .docx through mammoth, a report JSON as it is, anything else as text, Markdown or HTML. Portal
 * pages saved in GBK are decoded as such. A .doc is refused with what to do instead.
 */
import { readFile } from 'node:fs/promises';
import {
  checkReport,
  type Finding,
  getFormat,
  narrativeFindings,
  parseReport,
  type ReportData,
} from '@nianbao/schema';
import { checkImported } from './checkImported.ts';
import { ImportError, importText } from './importReport.ts';
import { importPdf } from './pdf.ts';
import type { ImportFinding, ImportOptions, ImportResult, Unread } from './types.ts';
import { docxToHtml, isOle, isZip, wordOldFormat } from './word.ts';

export { importPdf, pdfToText } from './pdf.ts';
export { readUploadedReport, UPLOAD_LIMITS, type UploadLimits, type UploadReading } from './upload.ts';
export { docxToHtml } from './word.ts';

/** Text of a file: UTF-8 when it is valid UTF-8, else GB18030 (a superset of GBK and GB2312). */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/**
 * A file's bytes (an upload, or a file read from disk), by their magic bytes: a PDF, a .docx (a
 * ZIP), a .doc (refused with what to do), else text, Markdown or HTML.
 */
export async function importBytes(bytes: Uint8Array, options: ImportOptions = {}): Promise<ImportResult> {
  const magic = new TextDecoder('latin1').decode(bytes.subarray(0, 5));
  if (magic === '%PDF-') return importPdf(bytes, options);
  if (isOle(bytes)) throw wordOldFormat();
  if (isZip(bytes)) return importText(await docxToHtml(bytes), options, 'docx');
  return importText(decodeText(bytes), options);
}

/** A file on disk; its name is the last resort for the year. */
export async function importFile(path: string, options: ImportOptions = {}): Promise<ImportResult> {
  const named = { name: path, ...options };
  if (/\.pdf$/i.test(path)) return importPdf(path, named);
  return importBytes(new Uint8Array(await readFile(path)), named);
}

/** What `nianbao check` reports for one file. */
export interface FileCheck {
  file: string;
  organisation?: string;
  year?: number;
  format?: ReportData['format'];
  findings: ImportFinding[];
  unread: Unread[];
}

/**
 * The findings for a file: a report JSON is validated by the schema (a draft may be incomplete,
 * which is then a finding) and checked by the rules; a published report is imported first.
 */
export async function checkFile(
  path: string,
  options: ImportOptions & { previous?: ReportData } = {},
): Promise<FileCheck> {
  if (/\.json$/i.test(path)) {
    const parsed = parseReport(JSON.parse(decodeText(await readFile(path))), { draft: true });
    if (!parsed.ok) {
      return {
        file: path,
        findings: parsed.issues.map((issue) => ({
          rule: 'SCHEMA',
          level: 'error',
          cells: issue.cell ? [issue.cell] : [],
          message: issue.message,
        })),
        unread: [],
      };
    }
    const data = parsed.data;
    const format = getFormat(data.format);
    const findings: Finding[] = [
      ...narrativeFindings(format, data),
      ...checkReport(format, data, { previous: options.previous }),
    ];
    return {
      file: path,
      organisation: data.organisation.zh,
      year: data.year,
      format: data.format,
      findings: [
        ...findings.filter((f) => f.level === 'error'),
        ...findings.filter((f) => f.level !== 'error'),
      ],
      unread: [],
    };
  }
  const result = await importFile(path, options);
  return {
    file: path,
    organisation: result.data.organisation.zh,
    year: result.data.year,
    format: result.data.format,
    findings: checkImported(result, { previous: options.previous }),
    unread: result.unread,
  };
}

export { ImportError };
