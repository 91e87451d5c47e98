/**
 * Table 三 (收到和处理政府信息公开申请情况): 7 figures per row, rows identified by their official
 * labels. Two ways a text holds it:
 *  - by rows: each row's label, then its 7 figures (pdftotext -layout, web copies, HTML, most PDFs);
 *  - by columns: raw pdftotext of some PDFs reads a run of rows column by column (10 natural-person
 *    figures, then 10 commercial …) with the labels elsewhere. Then the figures are taken in order,
 *    and their count tells the layout: 23 rows (（六）其他处理 one row) or 25 (three rows).
 */
import type { Lang } from '@nianbao/schema';
import {
  type FormatDef,
  formats,
  type HeaderNode,
  type Label,
  leaves,
  type MatrixTable,
} from '@nianbao/schema';
import { findMisprints, groupPieceIn, type Misprint } from './labels.ts';
import type { Line } from './lines.ts';
import { isSubsequence, normaliseLabel, suffixDistance, tolerance } from './normalise.ts';
import { regionText, runs, type Segment, segmentsOf, type Value } from './segments.ts';

export interface RowsRead {
  /** Row id → its figures, in column order. */
  rows: Map<string, Value[]>;
  /** The format whose table 三 the printed rows belong to, when it shows (（六） one row or three). */
  layout?: FormatDef;
  misprints: Misprint[];
  /** Where reading stopped making sense, if it did. */
  stuck?: { line: number; reason: Label };
  /** The figures were taken in order, not after their labels: only the rules can confirm them. */
  byOrder?: boolean;
  /** Rows whose label came right after another row's label, or whose 总计 was blank: only the rules can confirm them. */
  doubtful?: Set<string>;
  /** Rows printed with six figures, the 总计 left blank (their figures are the first six columns). */
  blankTotals?: Set<string>;
}

interface RowLabel {
  id: string;
  label: Label;
  normal: string;
  /** A bilingual PDF prints the English label under the Chinese one; it is matched only exactly. */
  lang: Lang;
}

function tableOf(format: FormatDef): MatrixTable {
  return format.sections.find((s) => s.id === 's3')!.table as MatrixTable;
}

/**
 * Every row label of every format's table 三, and the group labels (and the corner note) that are
 * never a row of their own. Column labels are not among them: 「其他」 and 「总计」 also occur inside row labels.
 */
function rowLabels(): { rows: RowLabel[]; groups: Label[]; groupsElsewhere: string[] } {
  const rows = new Map<string, RowLabel>();
  const groups: Label[] = [];
  for (const format of formats) {
    const table = tableOf(format);
    for (const leaf of leaves(table.rows!)) {
      rows.set(leaf.id, {
        id: leaf.id,
        label: leaf.label,
        normal: normaliseLabel(leaf.label.zh),
        lang: 'zh',
      });
      rows.set(`${leaf.id}.en`, {
        id: leaf.id,
        label: leaf.label,
        normal: normaliseLabel(leaf.label.en),
        lang: 'en',
      });
    }
    const english = (l: Label): Label => ({ zh: l.en, en: l.en });
    const walk = (nodes: HeaderNode[]) => {
      for (const n of nodes) {
        if (n.children) {
          groups.push(n.label, english(n.label));
          walk(n.children);
        }
      }
    };
    walk(table.rows!);
    if (table.corner) groups.push(table.corner, english(table.corner));
  }
  const leafNormals = new Set([...rows.values()].map((r) => r.normal));
  // （六）其他处理 is a group in one format and a row in the other: it is matched as a row.
  return {
    rows: [...rows.values()],
    groups: groups.filter((g) => !leafNormals.has(normaliseLabel(g.zh))),
    groupsElsewhere: groups.map((g) => normaliseLabel(g.zh)).filter((g) => leafNormals.has(g)),
  };
}

const LABELS = rowLabels();
const GROUP_NORMALS = LABELS.groups.map((g) => normaliseLabel(g.zh));

/** Every column header of table 三 (「其他」, 「总计」 …) in normal form. */
const COLUMN_LABELS = new Set(
  formats.flatMap((f) => {
    const all: string[] = [];
    const walk = (nodes: HeaderNode[]) => {
      for (const n of nodes) {
        all.push(normaliseLabel(n.label.zh));
        if (n.children) walk(n.children);
      }
    };
    walk(tableOf(f).columns);
    return all;
  }),
);

function stripGroups(text: string): string {
  let out = text;
  for (const g of LABELS.groups) out = out.split(normaliseLabel(g.zh)).join('');
  // （六）其他处理 is a row only where it ends the text; inside a wrapped label it is the group's.
  for (const g of LABELS.groupsElsewhere) {
    const end = out.endsWith(g) ? g : '';
    out =
      out
        .slice(0, out.length - end.length)
        .split(g)
        .join('') + end;
  }
  return out;
}

/**
 * The row whose label ends the text (group labels that a layout prints in between taken out): an
 * exact suffix (the longest) or, failing that, the closest within tolerance.
 */
function matchRow(text: string, next = ''): { row: RowLabel; printed: string } | undefined {
  const stripped = stripGroups(text);
  const following = stripGroups(next);
  let best: { row: RowLabel; printed: string; score: number } | undefined;
  for (const row of LABELS.rows) {
    if (stripped.endsWith(row.normal)) {
      if (!best || best.score > 0 || row.normal.length > best.printed.length)
        best = { row, printed: row.normal, score: 0 };
    }
  }
  if (best) return best;
  // A label printed without its bracketed note: 「（二）部分公开」.
  for (const row of LABELS.rows) {
    if (row.lang === 'en') continue;
    const note = row.normal.indexOf('(', 3);
    if (note >= 5 && stripped.endsWith(row.normal.slice(0, note)))
      return { row, printed: row.normal.slice(0, note) };
  }
  // A label wrapped by pdftotext -layout: its first lines before the figures, the rest after them.
  for (const row of LABELS.rows) {
    for (let k = row.normal.length - 1; k >= Math.ceil(row.normal.length / 2); k--) {
      if (stripped.endsWith(row.normal.slice(0, k)) && following.startsWith(row.normal.slice(k))) {
        return { row, printed: row.normal };
      }
    }
  }
  for (const row of LABELS.rows) {
    if (row.lang === 'en') continue;
    // Most text is nowhere near a label: skip it before the costlier edit distance.
    const window = new Set(stripped.slice(-(row.normal.length + tolerance(row.normal))));
    const shared = [...row.normal].filter((ch) => window.has(ch)).length;
    if (shared < row.normal.length - tolerance(row.normal)) continue;
    const { distance, length } = suffixDistance(stripped, row.normal, tolerance(row.normal));
    if (distance > tolerance(row.normal)) continue;
    // The column header 「其他」 is within 「3.其他」's tolerance: figures after the header alone
    // (their row label lost) are no row's.
    if (COLUMN_LABELS.has(stripped.slice(-length))) continue;
    const score = distance / row.normal.length;
    if (!best || score < best.score) best = { row, printed: stripped.slice(-length), score };
  }
  return best;
}

function layoutOf(rowIds: Iterable<string>): FormatDef | undefined {
  const ids = [...rowIds];
  const fits = formats.filter((f) => {
    const own = new Set(leaves(tableOf(f).rows!).map((l) => l.id));
    return ids.every((id) => own.has(id));
  });
  return fits.length === 1 ? fits[0] : undefined;
}

function byRows(segments: Segment[], columns: number): RowsRead {
  const rows = new Map<string, Value[]>();
  const misprints: Misprint[] = [];
  const doubtful = new Set<string>();
  const blankTotals = new Set<string>();
  for (const [n, segment] of segments.entries()) {
    if (segment.values.length === 0) continue;
    const match = matchRow(segment.text, segments[n + 1]?.text);
    const line = segment.values[0]!.line;
    // Figures before the first row label are page furniture (a page header, a report number).
    if (!match && rows.size === 0) continue;
    if (!match) {
      return {
        rows,
        misprints,
        doubtful,
        blankTotals,
        stuck: {
          line,
          reason: {
            zh: '这些数字前面没有可识别的行标签',
            en: 'these figures follow no recognisable row label',
          },
        },
      };
    }
    // A row whose cells run together into one string of digits (「713000074」, text saved without
    // its cell breaks) stands between its own label and the next: it cannot be split by itself, but
    // it leaves no doubt where the next row begins. Left unread (listed as missing); go on.
    const only = segment.values.length === 1 ? segment.values[0]!.token : undefined;
    if (only?.type === 'number' && /^\d+$/.test(only.raw) && only.raw.length > columns) continue;
    // A row printed with its 总计 left blank (copied text drops the empty cell): the six applicant
    // figures, the 总计 not read. Which cell was blank only the rules across rows can confirm.
    const totalBlank = segment.values.length === columns - 1;
    if ((segment.values.length !== columns && !totalBlank) || rows.has(match.row.id)) {
      return {
        rows,
        misprints,
        doubtful,
        blankTotals,
        stuck: {
          line,
          reason: {
            zh: `「${match.row.label.zh}」后有 ${segment.values.length} 个数字，应为 ${columns} 个`,
            en: `"${match.row.label.zh}" is followed by ${segment.values.length} figures, not ${columns}`,
          },
        },
      };
    }
    // pdftotext -layout puts a wrapped label's last line after the row's figures, and a group label's
    // pieces between its lines: when every character of the label is there in order, it is no misprint.
    // (The English lines of a bilingual PDF in between do not count.)
    const around = `${segments[n - 1]?.text ?? ''}${segment.text}${segments[n + 1]?.text ?? ''}`.replace(
      /[A-Za-z]/g,
      '',
    );
    if (match.printed !== match.row.normal && !isSubsequence(match.row.normal, around)) {
      const start = segment.text.lastIndexOf(match.printed);
      // Shown as printed, full-width punctuation and all (a wrapped group label's piece taken out).
      const [from, to] = groupPieceIn(match.printed, match.row.normal, GROUP_NORMALS) ?? [0, 0];
      const source =
        start >= 0 ? segment.source.slice(start, start + match.printed.length) : [...match.printed];
      const printed = source.filter((_, i) => i < from || i >= to).join('');
      if (normaliseLabel(printed) !== match.row.normal)
        misprints.push({
          official: match.row.label,
          printed,
          line: segment.lineAt[start] ?? segment.textLine,
        });
    }
    rows.set(match.row.id, segment.values);
    if (totalBlank) {
      blankTotals.add(match.row.id);
      doubtful.add(match.row.id);
    }
    // Another row's label right before this one, no figures between: the figures may be either's
    // (a label line moved, or a row whose figures were lost). Only the rules can say.
    const before = stripGroups(segment.text).slice(0, -match.printed.length);
    const other = before === '' ? undefined : matchRow(before);
    if (other && other.row.lang === 'zh' && other.row.id !== match.row.id) doubtful.add(match.row.id);
  }
  return { rows, misprints, doubtful, blankTotals };
}

function byColumns(lines: Line[], columns: number): Value[][] | undefined {
  const groups = runs(lines);
  const rows: Value[][] = [];
  let row: Value[] = [];
  for (let i = 0; i < groups.length; ) {
    const k = groups[i]!.length;
    if (k === 1) {
      row.push(groups[i]![0]!);
      i++;
      if (row.length === columns) {
        rows.push(row);
        row = [];
      }
      continue;
    }
    const block = groups.slice(i, i + columns);
    if (row.length > 0 || block.length < columns || block.some((g) => g.length !== k)) {
      if (k !== columns || row.length > 0) return undefined;
      rows.push(groups[i]!);
      i++;
      continue;
    }
    for (let r = 0; r < k; r++) rows.push(block.map((g) => g[r]!));
    i += columns;
  }
  return row.length === 0 ? rows : undefined;
}

/** The format whose table 三 has exactly this many rows. */
function fullTable(rows: Value[][] | undefined): FormatDef | undefined {
  return rows && formats.find((f) => leaves(tableOf(f).rows!).length === rows.length);
}

export function readApplicationsTable(lines: Line[]): RowsRead {
  const columns = leaves(tableOf(formats[0]!).columns).length;
  const region = regionText(lines);
  const read = byRows(segmentsOf(lines), columns);
  const complete = (ids: Iterable<string>) => {
    const layout = layoutOf(ids);
    return layout !== undefined && leaves(tableOf(layout).rows!).every((r) => read.rows.has(r.id));
  };
  // Rows read by their labels are trusted unless some are missing and the figures, read in
  // order, fill the whole table (a label printed after its figures).
  const inOrder = byColumns(lines, columns);
  if (!read.stuck && (complete(read.rows.keys()) || !fullTable(inOrder))) {
    const layout = layoutOf(read.rows.keys());
    return {
      ...read,
      layout,
      misprints: [...read.misprints, ...groupMisprints(region, read.rows.keys(), layout)],
    };
  }
  const rows = inOrder;
  const layout = fullTable(rows);
  if (!rows || !layout) return read;
  // Figures taken by position are trusted only if they make sense as rows: in most of them the
  // 总计 column is the sum of the others. Otherwise the order was not the table's.
  const summing = rows.filter((r) => {
    const n = r.map((v) => (v.token.type === 'number' ? Number(v.token.value) : 0));
    return n.slice(0, -1).reduce((a, b) => a + b, 0) === n[n.length - 1];
  });
  if (summing.length < rows.length * 0.8) return read;
  const ids = leaves(tableOf(layout).rows!).map((l) => l.id);
  // Every row whose figures follow its label must be where the order puts it: rows moved about or
  // repeated keep their sums (R3-ROW, R3-RES and R3-BAL hold whatever their order), so only the
  // labels can tell.
  const same = (a: Value[], b: Value[] | undefined) =>
    a.length === b?.length && a.every((v, i) => v.token.raw === b[i]!.token.raw && v.line === b[i]!.line);
  const segments = segmentsOf(lines);
  const misplaced = segments.some((segment, n) => {
    if (segment.values.length !== columns) return false;
    const match = matchRow(segment.text, segments[n + 1]?.text);
    return match !== undefined && !same(segment.values, rows[ids.indexOf(match.row.id)]);
  });
  if (misplaced) return read;
  const expected = leaves(tableOf(layout).rows!).map((l) => l.label);
  return {
    rows: new Map(ids.map((id, i) => [id, rows[i]!])),
    byOrder: true,
    layout,
    misprints: [
      ...findMisprints(region, expected, [...LABELS.groups, ...LABELS.rows.map((r) => r.label)]),
      ...groupMisprints(region, ids, layout),
    ],
  };
}

/** Misprinted group labels (（三）不予公开 …), checked for the groups that hold a row that was read. */
function groupMisprints(
  region: ReturnType<typeof regionText>,
  rowIds: Iterable<string>,
  layout: FormatDef | undefined,
): Misprint[] {
  const table = tableOf(layout ?? formats[0]!);
  const read = new Set(rowIds);
  const groups: Label[] = [];
  const walk = (nodes: HeaderNode[]) => {
    for (const n of nodes) {
      if (!n.children) continue;
      if (leaves(n.children).some((l) => read.has(l.id))) groups.push(n.label);
      walk(n.children);
    }
  };
  walk(table.rows!);
  return findMisprints(region, groups, [...LABELS.groups, ...LABELS.rows.map((r) => r.label)]);
}
