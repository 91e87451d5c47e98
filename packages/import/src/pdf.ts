/**
 * Importing a PDF through poppler's `pdftotext` (Node only; import from `@nianbao/import/pdf`). The
 * text is read in both of pdftotext's orders — raw (content-stream order) and -layout (rows as on
 * the page) — and the reading that places more figures wins: PDFs differ in which order keeps
 * each table row together.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ImportError, importText } from './importReport.ts';
import type { ImportOptions, ImportResult } from './types.ts';

const run = promisify(execFile);

export type PdfTextMode = 'raw' | 'layout';

export async function pdfToText(file: string, mode: PdfTextMode): Promise<string> {
  try {
    const { stdout } = await run(
      'pdftotext',
      ['-enc', 'UTF-8', ...(mode === 'layout' ? ['-layout'] : []), file, '-'],
      {
        maxBuffer: 64 * 1024 * 1024,
        timeout: 60_000,
      },
    );
    return stdout;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ENOENT') {
      throw new ImportError({
        zh: '未找到 pdftotext：请安装 poppler-utils（apt-get install poppler-utils）',
        en: 'pdftotext not found: install poppler-utils (apt-get install poppler-utils)',
      });
    }
    throw new ImportError({
      zh: `无法读取 PDF 的文字（${(error as Error).message.split('\n')[0]}）；扫描件需先做文字识别`,
      en: `could not read the PDF's text (${(error as Error).message.split('\n')[0]}); a scanned PDF needs OCR first`,
    });
  }
}

export interface PdfImportResult extends ImportResult {
  /** The pdftotext mode whose text was used, and that text (line numbers refer to it). */
  mode: PdfTextMode;
  text: string;
}

/** A PDF file (path) or its bytes. */
export async function importPdf(
  input: string | Uint8Array,
  options: ImportOptions = {},
): Promise<PdfImportResult> {
  let dir: string | undefined;
  let file = typeof input === 'string' ? input : '';
  try {
    if (typeof input !== 'string') {
      dir = await mkdtemp(join(tmpdir(), 'nianbao-import-'));
      file = join(dir, 'report.pdf');
      await writeFile(file, input);
    }
    const readings: PdfImportResult[] = [];
    for (const mode of ['raw', 'layout'] as const) {
      const text = await pdfToText(file, mode);
      try {
        readings.push({ ...importText(text, options), mode, text });
      } catch (error) {
        if (!(error instanceof ImportError) || mode === 'layout') throw error;
      }
      // A complete reading in raw order needs no second try.
      if (readings[0] && readings[0].unread.length === 0) break;
    }
    if (readings.length === 0)
      throw new ImportError({ zh: 'PDF 中没有可读的文字', en: 'the PDF holds no readable text' });
    return readings.reduce((best, r) =>
      r.readCells.length > best.readCells.length ||
      (r.readCells.length === best.readCells.length && r.unread.length < best.unread.length)
        ? r
        : best,
    );
  } finally {
    if (dir) await rm(dir, { recursive: true, force: true });
  }
}
