/**
 * A published report's text → report data of the format its year requires, with what only the
 * printed layout shows (X-FMT, X-LABEL, blank cells) as findings and what could not be read listed
 * with its lines. Nothing is filled in by guess: a figure that was not read stays empty and is named.
 */
import type { Lang } from '@nianbao/schema';
import {
  type CellDef,
  cellId,
  cellIndex,
  cellName,
  type FormatDef,
  formatCells,
  formatForYear,
  formats,
  type Label,
  leaves,
  MAX_NARRATIVE_CHARS,
  type MatrixTable,
  migrateReport,
  narrativeBlocks,
  parseReport,
  type ReportData,
  reportTitle,
} from '@nianbao/schema';
import { readApplicationsTable } from './applicationsTable.ts';
import { readBlocksTable, tableTwoLayout } from './blocksTable.ts';
import { confirmTable } from './confirm.ts';
import { htmlLines, htmlTitleLines, looksLikeHtml } from './html.ts';
import { misprintFinding } from './labels.ts';
import { type Line, textLines } from './lines.ts';
import { looksLikeMarkdown, markdownLines } from './markdown.ts';
import {
  readClosing,
  readNarrativeOrganisation,
  readNarrativeYear,
  readPeriodYear,
  readPublisher,
  readTitle,
  titleIsOfficial,
  yearFromName,
} from './meta.ts';
import { migrationOffer } from './migrationOffer.ts';
import { openingNarrative, paragraphs, sectionNarrative } from './narrative.ts';
import { editDistance, normaliseLabel } from './normalise.ts';
import { ORDERS_TRIED } from './reviewOrders.ts';
import { readReviewTable } from './reviewTable.ts';
import { cutAtHeadings, findRegions } from './sections.ts';
import type { Value } from './segments.ts';
import type {
  ImportFinding,
  ImportOptions,
  ImportProvenance,
  ImportResult,
  InputForm,
  TableReading,
  Unread,
} from './types.ts';

/**
 * The input cannot be made into a report at all (no national format for its year, a Word 97 file),
 * or needs what only the user can say: `missing` names the year and/or organisation the text does
 * not state (`--year`, `--org`, or the web import's form).
 */
export class ImportError extends Error {
  constructor(
    readonly detail: Label,
    readonly missing: ('year' | 'organisation')[] = [],
  ) {
    super(`${detail.zh}｜${detail.en}`);
    this.name = 'ImportError';
  }
}

/** Plain text (pdftotext output, a copied page), Markdown, or a page's HTML. */
export function importText(text: string, options: ImportOptions = {}, form?: InputForm): ImportResult {
  if (looksLikeHtml(text)) return importLines(htmlLines(text), options, htmlTitleLines(text), form ?? 'html');
  if (looksLikeMarkdown(text)) return importLines(markdownLines(text), options, [], form ?? 'markdown');
  return importLines(textLines(text), options, [], form ?? 'text');
}

const slice = (lines: Line[], range: [number, number] | undefined) =>
  range ? lines.slice(range[0], range[1]) : [];
/** First and last line of a part that hold anything. */
const span = (part: Line[]): [number, number] | undefined => {
  const filled = part.filter((l) => l.raw.trim() !== '');
  return filled.length > 0 ? [filled[0]!.no, filled[filled.length - 1]!.no] : undefined;
};

/** Whether a printed figure is a valid value of its cell (an amount, a whole number, a signed one). */
function fits(cell: CellDef, text: string): boolean {
  return cell.kind === 'amount'
    ? /^\d{1,12}(\.\d{1,4})?$/.test(text)
    : /^-?\d{1,15}$/.test(text) && (cell.kind === 'signedCount' || !text.startsWith('-'));
}

/** A printed figure as its cell's value: a blank is null, 「/」 or 「—」 zero; undefined when it does not fit. */
function cellValue(cell: CellDef, value: Value): ReportData['cells'][string] | undefined {
  if (value.token.type === 'empty') return value.token.raw === '' ? null : cell.kind === 'amount' ? '0' : 0;
  const text = value.token.value;
  if (!fits(cell, text)) return undefined;
  return cell.kind === 'amount' ? text : Number(text);
}

function t3Table(format: FormatDef): MatrixTable {
  return format.sections.find((s) => s.id === 's3')!.table as MatrixTable;
}

/**
 * @param titleLines where else the title may stand (an HTML page's `<title>`), tried when the
 *   text itself has none.
 */
export function importLines(
  input: Line[],
  options: ImportOptions = {},
  titleLines: Line[] = [],
  form: InputForm = 'text',
): ImportResult {
  const findings: ImportFinding[] = [];
  const unread: Unread[] = [];
  const readings: TableReading[] = [];
  // The six headings are the same in every format, so any definition finds them.
  const lines = cutAtHeadings(formats[0]!, input);
  const regions = findRegions(formats[0]!, lines);
  const t2Lines = slice(lines, regions.t2);
  const t3Lines = slice(lines, regions.t3);
  const t4Lines = slice(lines, regions.t4);

  // Year and organisation: the caller's word, else what the text states, each with where it came
  // from. Nothing is assumed: without a year or organisation the import stops and asks for them.
  const head = lines.slice(0, Math.max(regions.preamble[1], Math.min(lines.length, 40)));
  const title = readTitle(head) ?? readTitle(titleLines);
  const s1Lines = slice(lines, regions.s1);
  const opening = [...head, ...s1Lines.slice(0, 20)];
  const yearFound: ImportProvenance['year'] | undefined =
    options.year !== undefined
      ? { value: options.year, source: 'option' }
      : title
        ? { value: title.year, source: 'title', line: title.line, text: title.printed }
        : (() => {
            const period = readPeriodYear(head);
            if (period) return { value: period.year, source: 'period' as const, line: period.line };
            const said = readNarrativeYear(opening);
            if (said)
              return { value: said.year, source: 'narrative' as const, line: said.line, text: said.text };
            const named = yearFromName(options.name);
            return named === undefined
              ? undefined
              : { value: named, source: 'name' as const, text: options.name };
          })();
  const closingGuess = readClosing(slice(lines, regions.s6), undefined);
  const signature = closingGuess.date && regions.s6 ? lines[regions.s6[0] + closingGuess.from] : undefined;
  const signed =
    signature && closingGuess.from < regions.s6![1] - regions.s6![0] && !/\d{4}\s*年/.test(signature.raw)
      ? signature.raw.trim()
      : undefined;
  // Every place the text names the body, in order of precedence.
  const publisher = readPublisher(head);
  const said = readNarrativeOrganisation(opening);
  const named: ImportProvenance['organisation'][] = [
    ...(title
      ? [{ value: title.organisation, source: 'title' as const, line: title.line, text: title.printed }]
      : []),
    ...(publisher
      ? [{ value: publisher.organisation, source: 'publisher' as const, line: publisher.line }]
      : []),
    ...(signed && signature ? [{ value: signed, source: 'closing' as const, line: signature.no }] : []),
    ...(said
      ? [{ value: said.organisation, source: 'narrative' as const, line: said.line, text: said.text }]
      : []),
  ];
  const organisationFound: ImportProvenance['organisation'] | undefined =
    options.organisation !== undefined && options.organisation.trim() !== ''
      ? { value: options.organisation.trim(), source: 'option' as const }
      : named[0] && { ...named[0] };
  if (organisationFound && organisationFound.source !== 'option') {
    // An OCR or typing slip (「沐阳县」 for 「沭阳县」): the name as read is kept — it never stops the
    // import — and the same name spelt a character or two differently elsewhere is said beside it.
    const slips = named.filter((n) => {
      const d = editDistance(n.value, organisationFound.value, 2);
      return d >= 1 && d <= 2 && n.value.length === organisationFound.value.length && n.value.length >= 4;
    });
    if (slips.length > 0) organisationFound.spelledElsewhere = slips.map(({ text: _, ...where }) => where);
  }
  const t2Layout = t2Lines.length > 0 ? tableTwoLayout(t2Lines) : undefined;
  const t3 = t3Lines.length > 0 ? readApplicationsTable(t3Lines) : undefined;

  if ((!yearFound || !organisationFound) && !regions.t2 && !t3?.rows.size && !regions.t4) {
    // Nothing to ask about: the text holds no report tables at all.
    throw new ImportError({
      zh: '文中没有找到年度报告的表格（表二、表三、表四）',
      en: 'the text holds none of the report tables (II, III, IV)',
    });
  }
  if (!yearFound || !organisationFound) {
    const missing = [
      ...(yearFound ? [] : ['year' as const]),
      ...(organisationFound ? [] : ['organisation' as const]),
    ];
    const zh = missing.map((m) => (m === 'year' ? '报告年度（--year）' : '机关名称（--org）')).join('和');
    const en = missing
      .map((m) => (m === 'year' ? 'the report year (--year)' : 'the organisation (--org)'))
      .join(' and ');
    throw new ImportError(
      {
        zh: `文中没有写明${zh}（无标题、统计期限或“XXXX年，某机关……”的开头），请指定后再导入`,
        en: `the text does not state ${en} (no title, statistics period or opening "In XXXX, <body> …"); give it and import again`,
      },
      missing,
    );
  }
  const year = yearFound.value;
  const organisation = organisationFound.value;

  const right = formatForYear(year);
  if (!right || year > 2100) {
    throw new ImportError({
      zh: `${year} 年没有全国统一的年度报告格式（自 2019 年起），无法导入`,
      en: `there is no national report format for ${year} (formats start in 2019); cannot import`,
    });
  }
  const format: FormatDef = right;

  if (title && !titleIsOfficial(title)) {
    // The title's wording is practice, not prescribed (docs/formats.md §2): a warning.
    const official = reportTitle({ organisation: { zh: title.organisation }, year: title.year });
    findings.push(misprintFinding({ official, printed: title.printed, line: title.line }, 'warning'));
  }
  for (const h of regions.headings) {
    // A colon or full stop after a heading is punctuation, not wording.
    if (normaliseLabel(h.printed).replace(/[:.。]+$/, '') !== normaliseLabel(h.official)) {
      findings.push(
        misprintFinding({
          official: format.sections.find((s) => s.id === h.section)!.label,
          printed: h.printed,
          line: lines[h.index]!.no,
        }),
      );
    }
  }

  /** A table not found leaves every cell of it empty: each is named, so none passes for a zero. */
  const tableCells = (table: string) =>
    formatCells(format)
      .filter((c) => c.table === table)
      .map((c) => c.id);
  // Figures in the printed layout's own cell ids.
  const printed = new Map<string, Value>();
  /** Printed cells whose figures were placed by position alone. */
  const byOrder = new Set<string>();
  /** Printed cells of rows whose label came right after another row's label. */
  const doubtful = new Set<string>();
  const tableTwoFormat = t2Layout ?? format;
  if (t2Lines.length > 0) {
    const read = readBlocksTable(tableTwoFormat, t2Lines);
    for (const [id, v] of read.values) printed.set(id, v);
    for (const id of read.byOrder) byOrder.add(id);
    findings.push(...read.misprints.map((m) => misprintFinding(m)));
    for (const u of read.unread) {
      unread.push({
        lines: u.lines,
        cells: u.cells,
        message: {
          zh: `表二「${u.block.zh}」：找到 ${u.found} 个数字，应为 ${u.expected} 个，无法对应到单元格`,
          en: `table II "${u.block.zh}": ${u.found} figures found where ${u.expected} were expected; they could not be placed`,
        },
      });
    }
  } else {
    unread.push({
      cells: tableCells('t2'),
      message: {
        zh: '未找到表二（主动公开政府信息情况）',
        en: 'table II (proactive disclosure) was not found',
      },
    });
  }

  const t3Columns = leaves(t3Table(formats[0]!).columns).map((c) => c.id);
  if (t3) {
    for (const [row, values] of t3.rows)
      values.forEach((v, i) => {
        printed.set(cellId('t3', row, t3Columns[i]!), v);
        if (t3.byOrder) byOrder.add(cellId('t3', row, t3Columns[i]!));
        if (t3.doubtful?.has(row)) doubtful.add(cellId('t3', row, t3Columns[i]!));
      });
    findings.push(...t3.misprints.map((m) => misprintFinding(m)));
    for (const row of t3.blankTotals ?? []) {
      const label = leaves(t3Table(t3.layout ?? format).rows!).find((r) => r.id === row)?.label.zh ?? row;
      const at = t3.rows.get(row)![0]!.line;
      unread.push({
        lines: [at, at],
        cells: [cellId('t3', row, 'total')],
        message: {
          zh: `表三「${label}」一行只有 ${t3Columns.length - 1} 个数字，总计栏空白，未读入`,
          en: `table III "${label}" holds ${t3Columns.length - 1} figures, its 总计 (total) blank; not read`,
        },
      });
    }
    const all = leaves(t3Table(t3.layout ?? format).rows!);
    const missing = all.filter((r) => !t3.rows.has(r.id));
    if (missing.length > 0) {
      const where = span(t3Lines)!;
      // Name the rows that are missing, or, when most are, the few that were read.
      const read = all.filter((r) => t3.rows.has(r.id));
      const names = (rows: typeof all, lang: Lang) =>
        rows.length === 0 || rows.length > 10
          ? ''
          : lang === 'zh'
            ? `（${rows.map((r) => r.label.zh).join('、')}）`
            : ` (${rows.map((r) => r.label.en).join('; ')})`;
      const list: Label =
        missing.length <= read.length
          ? { zh: names(missing, 'zh'), en: names(missing, 'en') }
          : {
              zh: `，只读出 ${read.length} 行${names(read, 'zh')}`,
              en: `; only ${read.length} read${names(read, 'en')}`,
            };
      unread.push({
        lines: t3.stuck ? [t3.stuck.line, where[1]] : where,
        cells: missing.flatMap((r) => t3Columns.map((c) => cellId('t3', r.id, c))),
        message: {
          zh: `表三：未能读出 ${missing.length} 行${list.zh}${t3.stuck ? `；第 ${t3.stuck.line} 行起${t3.stuck.reason.zh}` : '；原文中没有这些行'}`,
          en: `table III: ${missing.length} rows could not be read${list.en}${t3.stuck ? `; from line ${t3.stuck.line} ${t3.stuck.reason.en}` : '; the text does not hold them'}`,
        },
      });
    }
  } else {
    unread.push({
      cells: tableCells('t3'),
      message: {
        zh: '未找到表三（收到和处理政府信息公开申请情况）',
        en: 'table III (requests received and handled) was not found',
      },
    });
  }

  let t4Reordered = false;
  if (t4Lines.length > 0) {
    const read = readReviewTable(format, t4Lines);
    t4Reordered = read.reordered !== undefined;
    for (const [id, v] of read.values) printed.set(id, v);
    if (read.mismatch) {
      const orders = read.mismatch.orders && ORDERS_TRIED[read.mismatch.orders];
      unread.push({
        lines: read.mismatch.lines,
        cells: tableCells('t4'),
        message: {
          zh: `表四：找到 ${read.mismatch.found} 个数字，应为 ${read.mismatch.expected} 个${read.mismatch.apart ? '，且不在表头之后连续排列' : ''}${orders ? orders.zh : ''}，未读入`,
          en: `table IV: ${read.mismatch.found} figures found where ${read.mismatch.expected} were expected${read.mismatch.apart ? ', and not together after the headers' : ''}${orders ? orders.en : ''}; not read`,
        },
      });
    }
  } else {
    unread.push({
      cells: tableCells('t4'),
      message: {
        zh: '未找到表四（行政复议、行政诉讼情况）',
        en: 'table IV (reconsideration and litigation) was not found',
      },
    });
  }

  // X-FMT: the year's format and the printed tables disagree.
  const t3Layout = t3?.layout;
  const wrongParts: Label[] = [];
  if (t2Layout && t2Layout.id !== format.id)
    wrongParts.push({
      zh: `表二按${t2Layout.label.zh}印制`,
      en: `table II is printed in the ${t2Layout.label.en}`,
    });
  if (t3Layout && t3Layout.id !== format.id) {
    const oneRow = leaves(t3Table(t3Layout).rows!).some((r) => r.id === 'other_handling');
    wrongParts.push(
      oneRow
        ? {
            zh: '表三「（六）其他处理」印为一行（应分三行），其数字计入「3.其他」',
            en: 'table III prints (6) Other handling as one row (it has three); its figures go to "3. Other"',
          }
        : { zh: `表三按${t3Layout.label.zh}印制`, en: `table III is printed in the ${t3Layout.label.en}` },
    );
  }
  if (wrongParts.length > 0) {
    const line =
      (t3Layout && t3Layout.id !== format.id ? t3?.rows.get('other_handling')?.[0]?.line : undefined) ??
      span(t2Lines)?.[0];
    findings.push({
      rule: 'X-FMT',
      level: 'error',
      cells: [],
      expected: format.id,
      actual: (t3Layout && t3Layout.id !== format.id ? t3Layout : t2Layout)!.id,
      line,
      message: {
        zh: `${year}年度报告须使用${format.label.zh}（${format.basis.zh}），但${wrongParts.map((p) => p.zh).join('；')}。`,
        en: `A ${year} report must use the ${format.label.en}, but ${wrongParts.map((p) => p.en).join('; ')}.`,
      },
    });
  }

  // Into the year's format: cells it has keep their ids; the schema's own migration renames the
  // others that moved (（六）其他处理 → 3.其他). Values travel as indexes so that zeros are not dropped.
  const index = cellIndex(format);
  const order = [...printed.keys()];
  const elsewhere = order.filter((id) => !index.has(id));
  const moved = migrateReport(
    {
      format: format.id,
      year,
      organisation: { zh: '-' },
      narrative: {},
      cells: Object.fromEntries(elsewhere.map((id) => [id, order.indexOf(id) + 1])),
    },
    format,
  );
  for (const id of order) if (index.has(id)) moved.data.cells[id] = order.indexOf(id) + 1;
  const cells: ReportData['cells'] = {};
  const cellLines: Record<string, number> = {};
  const emptyByTable = new Map<string, { ids: string[]; marks: Set<string>; line: number }>();
  for (const cell of formatCells(format)) {
    const id = cell.id;
    const n = moved.data.cells[id];
    if (typeof n !== 'number') continue;
    const value = printed.get(order[n - 1]!)!;
    cellLines[id] = value.line;
    if (value.token.type === 'empty') {
      cells[id] = cellValue(cell, value)!;
      const entry = emptyByTable.get(cell.table) ?? { ids: [], marks: new Set<string>(), line: value.line };
      entry.ids.push(id);
      entry.marks.add(value.token.raw === '' ? '空白' : value.token.raw);
      emptyByTable.set(cell.table, entry);
      continue;
    }
    const text = value.token.value;
    if (!fits(cell, text)) {
      unread.push({
        lines: [value.line, value.line],
        cells: [id],
        message: {
          zh: `「${cellName(cell, 'zh')}」印为“${value.token.raw}”，不是有效的${cell.kind === 'amount' ? '金额' : '整数'}，未读入`,
          en: `"${cellName(cell, 'en')}" is printed as "${value.token.raw}", not a valid ${cell.kind === 'amount' ? 'amount' : 'whole number'}; not read`,
        },
      });
      continue;
    }
    cells[id] = cellValue(cell, value)!;
  }
  // Each table's reading, and the rules that confirm it; figures placed by position that no rule
  // confirms are taken out again and named.
  const placedBy = (printedIds: Set<string>) =>
    new Set(
      Object.keys(cells).filter((id) => {
        const n = moved.data.cells[id];
        return typeof n === 'number' && printedIds.has(order[n - 1]!);
      }),
    );
  const placedByOrder = placedBy(byOrder);
  const placedDoubtful = placedBy(doubtful);
  const tableMethods: [TableReading['table'], TableReading['method']][] = [
    ['t2', [...placedByOrder].some((id) => id.startsWith('t2.')) ? 'order' : 'labels'],
    ['t3', t3?.byOrder ? 'order' : 'labels'],
    // Figures apart from their headers are placed in the one order R4-SUM confirms (reviewOrders.ts).
    ['t4', t4Reordered ? 'order' : 'columns'],
  ];
  for (const [table, method] of tableMethods) {
    if (!Object.keys(cells).some((id) => id.startsWith(`${table}.`))) continue;
    const reading = confirmTable(format, table, method, cells, placedByOrder, placedDoubtful);
    readings.push(reading);
    if (reading.unconfirmed.length === 0) continue;
    const lineNos = reading.unconfirmed.map((id) => cellLines[id]!);
    for (const id of reading.unconfirmed) {
      delete cells[id];
      delete cellLines[id];
    }
    const name = table === 't2' ? { zh: '表二', en: 'table II' } : { zh: '表三', en: 'table III' };
    unread.push({
      lines: [Math.min(...lineNos), Math.max(...lineNos)],
      cells: reading.unconfirmed,
      message: {
        zh: `${name.zh}有 ${reading.unconfirmed.length} 个数字只能按先后位置（或紧接在两个行标签之后）对应到单元格，且没有勾稽关系（${table === 't2' ? '表二无合计' : 'R3-ROW、R3-RES、R3-BAL'}）能证实，未读入`,
        en: `${reading.unconfirmed.length} figures of ${name.en} could only be placed by their position (or follow two row labels) and no table rule (${table === 't2' ? 'table II has no totals' : 'R3-ROW, R3-RES, R3-BAL'}) confirms them; not read`,
      },
    });
  }
  for (const loss of moved.lost) {
    const value = printed.get(order[Number(loss.value) - 1]!)!;
    if (value.token.type === 'number' && Number(value.token.value) === 0) continue;
    unread.push({
      lines: [value.line, value.line],
      message: {
        zh: `第 ${value.line} 行的数字 ${value.token.raw}（${loss.field}）在${format.label.zh}中没有对应栏目，未读入`,
        en: `the figure ${value.token.raw} on line ${value.line} (${loss.field}) has no place in the ${format.label.en}; not read`,
      },
    });
  }
  for (const [table, entry] of emptyByTable) {
    const kindRule = index.get(entry.ids[0]!)!.kindRule;
    const names = entry.ids.slice(0, 3).map((id) => index.get(id)!);
    findings.push({
      rule: kindRule,
      level: 'error',
      cells: entry.ids,
      line: entry.line,
      actual: [...entry.marks].join(' '),
      message: {
        zh: `${table === 't2' ? '表二' : table === 't3' ? '表三' : '表四'}有 ${entry.ids.length} 个单元格未填数字（${[...entry.marks].join('、')}），如「${cellName(names[0]!, 'zh')}」；没有的应填 0。`,
        en: `${entry.ids.length} cells of table ${table === 't2' ? 'II' : table === 't3' ? 'III' : 'IV'} hold no figure (${[...entry.marks].join(', ')}), e.g. "${cellName(names[0]!, 'en')}"; write 0 where there is none.`,
      },
    });
  }

  // Narrative.
  const narrative: ReportData['narrative'] = {};
  const s6Lines = slice(lines, regions.s6);
  const closing = readClosing(s6Lines, organisation);
  const parts: [string, Line[]][] = [
    ['s1', slice(lines, regions.s1)],
    ['s5', slice(lines, regions.s5)],
    ['s6', s6Lines.slice(0, closing.from)],
  ];
  for (const [section, part] of parts)
    Object.assign(narrative, sectionNarrative(format, section, paragraphs(part)));
  Object.assign(narrative, openingNarrative(format, paragraphs(slice(lines, regions.preamble))));
  for (const block of narrativeBlocks(format)) {
    const text = narrative[block.id];
    if (text && text.zh.length > MAX_NARRATIVE_CHARS) {
      text.zh = text.zh.slice(0, MAX_NARRATIVE_CHARS);
      unread.push({
        message: {
          zh: `「${block.id}」超过 ${MAX_NARRATIVE_CHARS} 字，超出部分未读入`,
          en: `"${block.id}" is longer than ${MAX_NARRATIVE_CHARS} characters; the rest was not read`,
        },
      });
    }
    if (text || !block.required) continue;
    narrative[block.id] = { zh: '' };
    const section = format.sections.find((s) => s.narrative.includes(block))!;
    unread.push({
      message: {
        zh: `未找到「${section.label.zh}${block.heading ? ` / ${block.label.zh}` : ''}」的内容，已留空`,
        en: `no text found for "${section.label.en}${block.heading ? ` / ${block.label.en}` : ''}"; left empty`,
      },
    });
  }
  const data: ReportData = {
    format: format.id,
    year,
    organisation: { zh: organisation.slice(0, 200) },
    narrative,
    cells,
  };
  if (closing.date) data.date = closing.date;

  const absentCells =
    t3Layout && t3Layout.id !== format.id
      ? leaves(t3Table(format).rows!)
          .filter(
            (r) =>
              !leaves(t3Table(t3Layout).rows!).some((l) => l.id === r.id) &&
              !Object.keys(cells).some((c) => c.startsWith(`t3.${r.id}.`)),
          )
          .flatMap((r) => t3Columns.map((c) => cellId('t3', r.id, c)))
      : [];
  const printedIn =
    t3Layout && t3Layout.id !== format.id
      ? t3Layout
      : t2Layout && t2Layout.id !== format.id
        ? t2Layout
        : undefined;
  const migration =
    printedIn &&
    migrationOffer({
      from: printedIn,
      to: format,
      layouts: [tableTwoFormat, t3Layout ?? format, format],
      printed,
      source: new Map(
        Object.entries(moved.data.cells).flatMap(([id, n]) =>
          typeof n === 'number' ? [[id, order[n - 1]!] as const] : [],
        ),
      ),
      kept: cells,
      byOrder,
      doubtful,
      t3: t3?.layout ? { layout: t3.layout, method: t3.byOrder ? 'order' : 'labels' } : undefined,
      lostIds: moved.lost.map((l) => order[Number(l.value) - 1]!),
      valueOf: cellValue,
    });
  const parsed = parseReport(data, { draft: true });
  if (!parsed.ok) {
    // Every value was checked against its kind above; reaching this is a bug, not the input's fault.
    throw new Error(`import produced invalid data: ${parsed.issues.map((i) => i.message.en).join('; ')}`);
  }
  return {
    data: parsed.data,
    format,
    layout: {
      tables2: t2Layout?.id,
      otherHandlingRows: t3Layout
        ? leaves(t3Table(t3Layout).rows!).some((r) => r.id === 'other_handling')
          ? 1
          : 3
        : undefined,
    },
    findings,
    unread,
    readCells: Object.keys(cells).filter((id) => cellLines[id] !== undefined),
    absentCells,
    cellLines,
    provenance: {
      year: yearFound,
      organisation: organisationFound,
      format: {
        value: format.id,
        source: 'year',
        ...(printedIn ? { printed: printedIn.id } : {}),
      },
      form,
    },
    readings,
    ...(migration ? { migration } : {}),
  };
}
