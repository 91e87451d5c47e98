/**
 * The zod schema of a report's data, derived from a format definition. Every message names the
 * field (cell id and label path) in Chinese and English and says what to do.
 */
import * as z from 'zod';
import { blockName, type CellDef, cellName, formatCells, narrativeBlocks } from './cells.ts';
import { fittingCells } from './fittingCells.ts';
import { formatAppliesTo, formatForYear, formats, getFormat } from './formats/index.ts';
import { plainText } from './plainText.ts';
import type { CellKind, FormatDef, Label, ReportData } from './types.ts';
import { AMOUNT_PATTERN } from './values.ts';

export const MAX_NARRATIVE_CHARS = 50_000;

/** One message in both languages, as zod carries it: `zh｜en`. */
export function bilingual(message: Label): string {
  return `${message.zh}｜${message.en}`;
}

/** Splits a message made by `bilingual` back into its languages. */
export function splitBilingual(message: string): Label {
  const at = message.indexOf('｜');
  return at < 0 ? { zh: message, en: message } : { zh: message.slice(0, at), en: message.slice(at + 1) };
}

const kindRequirement: Record<CellKind, Label> = {
  count: { zh: '须填写不小于 0 的整数', en: 'must be a whole number of 0 or more' },
  signedCount: { zh: '须填写整数（减少填负数）', en: 'must be a whole number (negative for a decrease)' },
  amount: {
    zh: '须填写不小于 0 的金额（万元），最多 4 位小数，如 12.35',
    en: 'must be an amount of 0 or more in 10,000 yuan with at most 4 decimals, e.g. 12.35',
  },
};

function cellMessage(cell: CellDef, value: unknown): string {
  const shown =
    typeof value === 'string' || typeof value === 'number' ? `“${String(value).slice(0, 40)}”` : typeof value;
  const need = kindRequirement[cell.kind];
  return bilingual({
    zh: `「${cellName(cell, 'zh')}」（${cell.id}）${need.zh}，现为 ${shown}`,
    en: `"${cellName(cell, 'en')}" (${cell.id}) ${need.en}; it is ${shown}`,
  });
}

function cellSchema(cell: CellDef) {
  const error = (iss: { input?: unknown }) => cellMessage(cell, iss.input);
  if (cell.kind === 'amount') {
    const amount = z.string({ error }).regex(AMOUNT_PATTERN, { error });
    // A number such as 12.35 is accepted and kept as its decimal string.
    const fromNumber = z
      .number({ error })
      .refine((n) => Number.isFinite(n) && n >= 0 && AMOUNT_PATTERN.test(String(n)), { error })
      .transform((n) => String(n));
    return z.union([amount, fromNumber], { error }).nullable().optional();
  }
  const int = z.number({ error }).int({ error }).safe({ error });
  return (cell.kind === 'count' ? int.nonnegative({ error }) : int).nullable().optional();
}

function unknownKeysMessage(kind: Label, keys: readonly string[]): string {
  const list = keys.slice(0, 5).join(', ') + (keys.length > 5 ? ` …(+${keys.length - 5})` : '');
  return bilingual({
    zh: `本格式没有这些${kind.zh}：${list}；请删除或改用正确的编号`,
    en: `this format has no such ${kind.en}: ${list}; remove them or use the right ids`,
  });
}

function narrativeSchema(format: FormatDef, draft: boolean) {
  const shape: Record<string, z.ZodType> = {};
  for (const block of narrativeBlocks(format)) {
    const name = blockName(format, block);
    const tooLong = bilingual({
      zh: `「${name.zh}」（${block.id}）超过 ${MAX_NARRATIVE_CHARS} 字，请精简`,
      en: `"${name.en}" (${block.id}) is longer than ${MAX_NARRATIVE_CHARS} characters; shorten it`,
    });
    const missing = bilingual({
      zh: `「${name.zh}」（${block.id}）不能为空，请填写本部分内容`,
      en: `"${name.en}" (${block.id}) is required; write this part`,
    });
    const text = plainText(
      z.string({ error: missing }).max(MAX_NARRATIVE_CHARS, { error: tooLong }),
      { zh: `${name.zh}（${block.id}）`, en: `${name.en} (${block.id})` },
      { multiline: true },
    );
    const required = block.required && !draft;
    const zh = required ? text.refine((s) => s.trim().length > 0, { error: missing }) : text;
    const en = plainText(
      z.string().max(MAX_NARRATIVE_CHARS, { error: tooLong }),
      { zh: `${name.zh}（${block.id}，英文）`, en: `${name.en} (${block.id}, English)` },
      { multiline: true },
    );
    const entry = z.strictObject(
      { zh, en: en.optional() },
      {
        error: (iss) =>
          iss.code === 'unrecognized_keys'
            ? unknownKeysMessage({ zh: '字段', en: 'fields' }, iss.keys)
            : missing,
      },
    );
    shape[block.id] = required ? entry : entry.optional();
  }
  return z.strictObject(shape, {
    error: (iss) =>
      iss.code === 'unrecognized_keys'
        ? unknownKeysMessage({ zh: '叙述部分', en: 'narrative blocks' }, iss.keys)
        : bilingual({ zh: '叙述部分（narrative）须为对象', en: 'narrative must be an object' }),
  });
}

export interface SchemaOptions {
  /**
   * A draft may leave required narrative blocks empty (a user saves as they go); everything else is
   * checked as strictly as in a final report. Submission uses the full schema.
   */
  draft?: boolean;
}

const schemaCache = {
  final: new WeakMap<FormatDef, z.ZodType<ReportData>>(),
  draft: new WeakMap<FormatDef, z.ZodType<ReportData>>(),
  /** Without the check of the cells, for data whose cells `fittingCells` has taken. */
  finalOtherThanCells: new WeakMap<FormatDef, z.ZodType<ReportData>>(),
  draftOtherThanCells: new WeakMap<FormatDef, z.ZodType<ReportData>>(),
};

/** The schema of a report's data in this format. Empty cells are allowed: they count as 0. */
export function reportSchema(format: FormatDef, options: SchemaOptions = {}): z.ZodType<ReportData> {
  return cachedSchema(options.draft ? schemaCache.draft : schemaCache.final, format, options, true);
}

/** `reportSchema` that lets any cells through: they are checked apart from it. */
function schemaOtherThanCells(format: FormatDef, options: SchemaOptions): z.ZodType<ReportData> {
  const cache = options.draft ? schemaCache.draftOtherThanCells : schemaCache.finalOtherThanCells;
  return cachedSchema(cache, format, options, false);
}

/** Each schema is built once per format. */
function cachedSchema(
  cache: WeakMap<FormatDef, z.ZodType<ReportData>>,
  format: FormatDef,
  options: SchemaOptions,
  checkCells: boolean,
): z.ZodType<ReportData> {
  let schema = cache.get(format);
  if (!schema) {
    schema = buildSchema(format, options, checkCells);
    cache.set(format, schema);
  }
  return schema;
}

function buildSchema(format: FormatDef, options: SchemaOptions, checkCells: boolean): z.ZodType<ReportData> {
  const cells: Record<string, z.ZodType> = {};
  for (const cell of formatCells(format)) cells[cell.id] = cellSchema(cell);
  return z
    .strictObject({
      format: z.literal(format.id, {
        error: bilingual({ zh: `格式须为 ${format.id}`, en: `format must be ${format.id}` }),
      }),
      year: z
        .number({
          error: bilingual({
            zh: '年度（year）须为四位年份，如 2023',
            en: 'year must be a four-digit year, e.g. 2023',
          }),
        })
        .int()
        .min(2019, {
          error: bilingual({
            zh: '年度（year）不能早于 2019 年（无统一格式）',
            en: 'year cannot be before 2019 (no national format)',
          }),
        })
        .max(2100, {
          error: bilingual({ zh: '年度（year）不能晚于 2100 年', en: 'year cannot be after 2100' }),
        }),
      organisation: z.strictObject({
        zh: plainText(
          z
            .string({
              error: bilingual({
                zh: '机关名称（organisation.zh）不能为空',
                en: 'organisation.zh (agency name) is required',
              }),
            })
            .trim()
            .min(1, {
              error: bilingual({
                zh: '机关名称（organisation.zh）不能为空',
                en: 'organisation.zh (agency name) is required',
              }),
            })
            .max(200, {
              error: bilingual({
                zh: '机关名称（organisation.zh）最多 200 字',
                en: 'organisation.zh is at most 200 characters',
              }),
            }),
          { zh: '机关名称（organisation.zh）', en: 'agency name (organisation.zh)' },
        ),
        en: plainText(
          z.string().max(300, {
            error: bilingual({
              zh: '英文名称最多 300 字符',
              en: 'organisation.en is at most 300 characters',
            }),
          }),
          { zh: '机关英文名称（organisation.en）', en: 'English agency name (organisation.en)' },
        ).optional(),
      }),
      date: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, {
          error: bilingual({ zh: '成文日期（date）须为 YYYY-MM-DD', en: 'date must be YYYY-MM-DD' }),
        })
        .optional(),
      narrative: narrativeSchema(format, options.draft ?? false),
      carryNote: plainText(
        z.string().max(2000, {
          error: bilingual({
            zh: '结转数说明（carryNote）最多 2000 字',
            en: 'carryNote (the note on carried-over figures) is at most 2000 characters',
          }),
        }),
        { zh: '结转数说明（carryNote）', en: 'note on carried-over figures (carryNote)' },
        { multiline: true },
      ).optional(),
      cells: checkCells
        ? z.strictObject(cells, {
            error: (iss) =>
              iss.code === 'unrecognized_keys'
                ? unknownKeysMessage({ zh: '单元格', en: 'cells' }, iss.keys)
                : bilingual({ zh: '表格数据（cells）须为对象', en: 'cells must be an object' }),
          })
        : z.unknown(),
    })
    .superRefine((data, ctx) => {
      if (!formatAppliesTo(format, data.year)) {
        const right = formatForYear(data.year);
        ctx.addIssue({
          code: 'custom',
          path: ['format'],
          message: bilingual({
            zh: `${data.year}年度报告须使用${right?.label.zh ?? '统一格式'}，不能使用${format.label.zh}（X-FMT）`,
            en: `a ${data.year} report must use the ${right?.label.en ?? 'national format'}, not the ${format.label.en} (X-FMT)`,
          }),
        });
      }
    }) as unknown as z.ZodType<ReportData>;
}

export interface DataIssue {
  /** Dotted path of the field, e.g. `cells.t3.granted.total` is reported as `cells["t3.granted.total"]`. */
  path: (string | number)[];
  /** The cell id when the issue is about a cell. */
  cell?: string;
  message: Label;
}

export type ParseResult = { ok: true; data: ReportData } | { ok: false; issues: DataIssue[] };

/**
 * Validates unknown input as report data: picks the format from `input.format` and checks it.
 * The issues come in reading order with both languages. The data returned is new, cells and all:
 * the input is left as it was.
 */
export function parseReport(input: unknown, options: SchemaOptions = {}): ParseResult {
  const formatId =
    typeof input === 'object' && input !== null ? (input as { format?: unknown }).format : undefined;
  if (typeof formatId !== 'string' || !formats.some((f) => f.id === formatId)) {
    return {
      ok: false,
      issues: [
        {
          path: ['format'],
          message: {
            zh: `格式（format）须为 ${formats.map((f) => f.id).join(' 或 ')}`,
            en: `format must be ${formats.map((f) => f.id).join(' or ')}`,
          },
        },
      ],
    };
  }
  const format = getFormat(formatId);
  // Cells that all fit need no zod; the rest of the data is checked by the same schema either way.
  const cells = fittingCells(format, (input as { cells?: unknown }).cells);
  if (cells) {
    const rest = schemaOtherThanCells(format, options).safeParse(input);
    if (rest.success) return { ok: true, data: { ...rest.data, cells } };
  }
  const result = reportSchema(format, options).safeParse(input);
  if (result.success) return { ok: true, data: result.data };
  return {
    ok: false,
    issues: result.error.issues.map((iss) => ({
      path: iss.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
      cell: iss.path[0] === 'cells' && typeof iss.path[1] === 'string' ? iss.path[1] : undefined,
      message: splitBilingual(iss.message),
    })),
  };
}
