/**
 * Importing a PDF through poppler's `pdftotext` (Node only; import from `@nianbao/import/node`). The
 * text is read in both of pdftotext's orders — raw (content-stream order) and -layout (rows as on
 * the page) — and the better reading wins: PDFs differ in which order keeps each table row together.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { checkImported } from './checkImported.ts';
import { ImportError, importText } from './importReport.ts';
import type { ImportOptions, ImportResult } from './types.ts';

const run = promisify(execFile);

export type PdfTextMode = 'raw' | 'layout';

/** `lastPage`: read no further (pdftotext ends each page it reads with a form feed). */
export async function pdfToText(file: string, mode: PdfTextMode, lastPage?: number): Promise<string> {
  try {
    const { stdout } = await run(
      'pdftotext',
      [
        '-enc',
        'UTF-8',
        ...(mode === 'layout' ? ['-layout'] : []),
        ...(lastPage ? ['-l', String(lastPage)] : []),
        file,
        '-',
      ],
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
        readings.push({
          ...importText(text, options, mode === 'raw' ? 'pdf-raw' : 'pdf-layout'),
          mode,
          text,
        });
      } catch (error) {
        if (!(error instanceof ImportError) || mode === 'layout') throw error;
      }
    }
    if (readings.length === 0) {
      throw new ImportError({ zh: 'PDF 中没有可读的文字', en: 'the PDF holds no readable text' });
    }
    // More cells read wins; then the reading whose figures keep more of the rules (figures taken
    // in a wrong order break the sums); then the one with less left unread.
    const score = (r: PdfImportResult) => [
      r.readCells.length,
      -checkImported(r).filter((f) => f.level === 'error').length,
      -r.unread.length,
    ];
    return readings.reduce((best, r) => {
      const [a, b] = [score(r), score(best)];
      const k = a.findIndex((v, i) => v !== b[i]);
      return k >= 0 && a[k]! > b[k]! ? r : best;
    });
  } finally {
    if (dir) await rm(dir, { recursive: true, force: true });
  }
}
