/**
 * Word files (Node only). A .docx is turned into HTML by mammoth, which keeps a table's merged
 * cells as rowspan/colspan, and then read like a portal page. A .doc (Word 97, an OLE compound
 * file) cannot be read: the user is told to save it as .docx or PDF.
 */
import mammoth from 'mammoth';
import { ImportError } from './importReport.ts';

/** A ZIP (as every .docx is) by its magic bytes. */
export const isZip = (bytes: Uint8Array) =>
  bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/** An OLE compound file: Word 97–2003 .doc (also .xls, .wps) by its magic bytes. */
export const isOle = (bytes: Uint8Array) =>
  [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].every((b, i) => bytes[i] === b);

export const wordOldFormat = () =>
  new ImportError({
    zh: '这是旧版 Word 文件（.doc，Word 97–2003），无法直接读取：请在 Word 或 WPS 中另存为 .docx 或 PDF 后再导入',
    en: 'this is an old Word file (.doc, Word 97–2003), which cannot be read: save it as .docx or PDF in Word or WPS and import that',
  });

export async function docxToHtml(bytes: Uint8Array): Promise<string> {
  try {
    const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
    return `<html><body>${value}</body></html>`;
  } catch (error) {
    throw new ImportError({
      zh: `无法读取该 Word 文件（.docx）：${(error as Error).message.split('\n')[0]}；请确认文件完整，或另存为 PDF 后再导入`,
      en: `could not read the Word file (.docx): ${(error as Error).message.split('\n')[0]}; check that the file is whole, or save it as PDF and import that`,
    });
  }
}
