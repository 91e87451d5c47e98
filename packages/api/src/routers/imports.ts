/**
 * Bringing a report in from a file: a published report (PDF, Word .docx, pdftotext or copied text,
 * Markdown, a portal's HTML page) read by @nianbao/import, or a report JSON exported from nianbao. The file travels
 * base64-encoded in the JSON body, so its size is held well under the server's 4 MB body limit.
 */
import { audit, getOrganisation, getReport } from '@nianbao/db';
import { ImportError } from '@nianbao/import';
import type { UploadReading } from '@nianbao/import/node';
import { formatCells, getFormat, parseReport, plainText } from '@nianbao/schema';
import { z } from 'zod';
import { canRead, canWrite, readableReport } from '../access.ts';
import { apiError, badData } from '../errors.ts';
import { id, version } from '../inputs.ts';
import { createReport, organisationLabel, reportData, reportFindings } from '../services/reports.ts';
import { type SaveResult, save } from '../services/save.ts';
import { authedProcedure, router } from '../trpc.ts';
import { type UploadReader, UploadRefused } from '../uploadReader.ts';

/** Largest file accepted: 2.5 MB, which base64 makes 3.4 MB, under the 4 MB request limit. */
const MAX_IMPORT_BYTES = 2.5 * 1024 * 1024;

const file = z.strictObject({
  name: plainText(z.string().trim().min(1).max(255), { zh: '文件名（name）', en: 'file name (name)' }),
  /** The file's bytes, base64-encoded. */
  content: z
    .string()
    .min(1, '文件是空的｜the file is empty')
    .max(Math.ceil(MAX_IMPORT_BYTES / 3) * 4, '文件超过 2.5 MB｜the file is larger than 2.5 MB')
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, '文件内容须以 base64 编码｜content must be the file in base64'),
});

type UploadedFile = z.infer<typeof file>;

/** The report year, when the file does not state it (or states it wrongly). */
const year = z
  .number({ error: '年度（year）须为整数｜year must be a whole number' })
  .int('年度（year）须为整数｜year must be a whole number')
  .min(2019, '年度（year）不能早于 2019 年｜year cannot be before 2019')
  .max(2100, '年度（year）不能晚于 2100 年｜year cannot be after 2100')
  .optional();
/** The organisation's name, when the file does not state it. */
const organisation = plainText(
  z
    .string()
    .trim()
    .min(1, '机关名称（organisation）不能为空｜organisation cannot be empty')
    .max(200, '机关名称（organisation）最多 200 字｜organisation is at most 200 characters'),
  { zh: '机关名称（organisation）', en: 'organisation' },
).optional();

/** What the user may say about a file that does not state it (the import form's year and organisation). */
interface ImportAnswers {
  year?: number;
  organisation?: string;
}

/** A report JSON states year, organisation and format itself: no provenance, no table readings. */
export interface ImportReading extends Omit<UploadReading, 'kind' | 'provenance' | 'readings'> {
  kind: UploadReading['kind'] | 'json';
  provenance?: UploadReading['provenance'];
  readings?: UploadReading['readings'];
}

const bad = (zh: string, en: string) => apiError('BAD_REQUEST', { zh, en });

/** Reads an uploaded file into report data; a 4xx with a bilingual message when it cannot. */
async function readUpload(
  reader: UploadReader,
  userId: number,
  upload: UploadedFile,
  answers: ImportAnswers,
): Promise<ImportReading> {
  const bytes = Buffer.from(upload.content, 'base64');
  if (bytes.length === 0) throw bad(`文件「${upload.name}」是空的`, `The file "${upload.name}" is empty`);
  if (bytes.length > MAX_IMPORT_BYTES) {
    throw bad('文件超过 2.5 MB，无法导入', 'The file is larger than 2.5 MB and cannot be imported');
  }
  const isPdf = bytes.subarray(0, 5).toString('latin1') === '%PDF-';
  const head = bytes.subarray(0, 200).toString('utf8').trimStart();
  if (!isPdf && (/\.json$/i.test(upload.name) || head.startsWith('{'))) return readJson(upload.name, bytes);
  // A .doc is answered by the importer itself (save it as .docx or PDF); a .docx must be a ZIP.
  const zipped = bytes.subarray(0, 4).toString('latin1') === 'PK\x03\x04';
  if (!isPdf && /\.(pdf|xlsx?|ofd|zip|png|jpe?g)$/i.test(upload.name)) {
    throw bad(
      `「${upload.name}」不是可读的文件：请上传 PDF、Word（.docx）、文本（.txt、.md）、网页（.html）或报告 JSON`,
      `"${upload.name}" cannot be read: upload a PDF, a Word file (.docx), a text (.txt, .md), a web page (.html) or a report JSON`,
    );
  }
  if (/\.docx$/i.test(upload.name) && !zipped) {
    throw bad(
      `「${upload.name}」不是有效的 Word 文件（.docx）：请另存为 .docx 或 PDF 后再导入`,
      `"${upload.name}" is not a valid Word file (.docx): save it as .docx or PDF and import that`,
    );
  }
  let reading: UploadReading;
  try {
    reading = await reader.read(userId, new Uint8Array(bytes), {
      name: upload.name,
      ...(answers.year === undefined ? {} : { year: answers.year }),
      ...(answers.organisation ? { organisation: answers.organisation } : {}),
    });
  } catch (error) {
    if (error instanceof UploadRefused) throw apiError(error.code, error.label);
    if (error instanceof ImportError && error.missing.length > 0) {
      // The fields the user is asked for, so that the import form can show them.
      throw apiError(
        'BAD_REQUEST',
        {
          zh: `无法导入「${upload.name}」：${error.detail.zh}`,
          en: `Cannot import "${upload.name}": ${error.detail.en}`,
        },
        {
          issues: error.missing.map((field) => ({
            path: [field],
            message:
              field === 'year'
                ? { zh: '请填写报告年度（year）', en: 'give the report year (year)' }
                : { zh: '请填写机关名称（organisation）', en: 'give the organisation (organisation)' },
          })),
        },
      );
    }
    // Whatever else stops a reader (a parser's own limits included) is the file's fault, not the server's.
    const detail =
      error instanceof ImportError
        ? error.detail
        : { zh: '文件内容无法解析', en: 'its content could not be parsed' };
    throw bad(`无法导入「${upload.name}」：${detail.zh}`, `Cannot import "${upload.name}": ${detail.en}`);
  }
  if (reading.readCells === 0) {
    throw bad(
      `在「${upload.name}」中没有找到年度报告的表格，未导入`,
      `No annual report tables were found in "${upload.name}"; nothing was imported`,
    );
  }
  return reading;
}

function readJson(name: string, bytes: Buffer): ImportReading {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw bad(`「${name}」不是 UTF-8 编码的 JSON`, `"${name}" is not UTF-8 encoded JSON`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw bad(
      `「${name}」不是有效的 JSON（${(error as Error).message}）`,
      `"${name}" is not valid JSON (${(error as Error).message})`,
    );
  }
  const parsed = parseReport(json, { draft: true });
  if (!parsed.ok) throw badData(parsed.issues);
  const findings = reportFindings(parsed.data, undefined);
  return {
    kind: 'json',
    data: parsed.data,
    format: parsed.data.format,
    findings,
    unread: [],
    readCells: Object.values(parsed.data.cells).filter((v) => v !== null && v !== '').length,
    cells: formatCells(getFormat(parsed.data.format)).length,
  };
}

export const importsRouter = router({
  /** What a file holds, read as it would be imported; nothing is stored. */
  read: authedProcedure
    .input(z.strictObject({ file, year, organisation }))
    .mutation(({ ctx, input }) => readUpload(ctx.deps.uploadReader, ctx.user.id, input.file, input)),

  /** A new draft of the organisation (default: the user's) for the year the file states, from the file. */
  create: authedProcedure
    .input(
      z.strictObject({
        file,
        organisationId: id.optional(),
        year,
        organisation,
      }),
    )
    .mutation(
      async ({ ctx, input }): Promise<ImportReading & { report: { id: number; version: number } }> => {
        const organisationId = input.organisationId ?? ctx.user.organisation_id;
        if (
          !(await canRead(ctx.db, ctx.user, organisationId)) ||
          !(await canWrite(ctx.db, ctx.user, organisationId))
        ) {
          throw apiError('FORBIDDEN', {
            zh: '您只能为本机关导入报告',
            en: 'You may only import reports for your own organisation',
          });
        }
        const reading = await readUpload(ctx.deps.uploadReader, ctx.user.id, input.file, input);
        const org = (await getOrganisation(ctx.db, organisationId))!;
        // The report belongs to the organisation it is filed under, whatever name the file prints.
        const row = await createReport(ctx.db, {
          organisationId,
          year: reading.data.year,
          userId: ctx.user.id,
          initial: { ...reading.data, organisation: organisationLabel(org) },
          reason: 'import',
        });
        await audit(ctx.db, {
          action: 'report.import',
          userId: ctx.user.id,
          reportId: row.id,
          detail: { file: input.file.name, kind: reading.kind, readCells: reading.readCells },
        });
        return { ...reading, data: reportData(row), report: { id: row.id, version: row.version } };
      },
    ),

  /**
   * The file's data saved into an existing draft as a new version on top of `baseVersion` (the same
   * versioned save as any edit: the earlier data stays in the revisions and can be restored).
   */
  into: authedProcedure
    .input(z.strictObject({ id, baseVersion: version, file }))
    .mutation(async ({ ctx, input }): Promise<SaveResult & { reading: Omit<ImportReading, 'data'> }> => {
      const row = await readableReport(ctx.db, ctx.user, await getReport(ctx.db, input.id));
      const reading = await readUpload(ctx.deps.uploadReader, ctx.user.id, input.file, {
        year: row.year,
        organisation: reportData(row).organisation.zh,
      });
      const saved = await save(
        ctx.db,
        ctx.user,
        {
          id: input.id,
          baseVersion: input.baseVersion,
          data: { ...reading.data, organisation: reportData(row).organisation },
        },
        'import',
      );
      const { data: _data, ...rest } = reading;
      return { ...saved, reading: rest };
    }),
});
