/**
 * The standard sentences that state the table figures, in Chinese or English: what a narrative
 * block marked `drafts` in the format can say without ever disagreeing with the tables. Every
 * figure is taken from a cell and every name from the format's labels; X-TEXT reads each sentence
 * back to the cell it came from.
 */
import { findTable, leaves, narrativeBlocks } from '../cells.ts';
import type {
  BlocksTable,
  DraftPart,
  FormatDef,
  HeaderNode,
  Label,
  MatrixTable,
  OrganisationContact,
  ReportData,
} from '../types.ts';
import { countOf } from '../values.ts';
import { escapeRegExp, shortLabel } from './labels.ts';
import { openingStatement } from './opening.ts';
import type { Lang } from './types.ts';

export interface DraftPassage {
  block: string;
  text: string;
}

const count = (data: ReportData, cells: string[]) => cells.reduce((s, c) => s + countOf(data.cells[c]), 0);
/** 「本年制发件数」 → 「制发」, 「Issued this year」 → 「issued」. */
const columnWord = (label: Label, lang: Lang) =>
  lang === 'zh'
    ? label.zh.replace(/^本年/, '').replace(/件数$/, '')
    : label.en.replace(/ this year$/, '').toLowerCase();

function documents(format: FormatDef, data: ReportData, lang: Lang): string {
  const table = findTable(format, 't2') as BlocksTable;
  const block = table.blocks.find((b) => b.id === 'item1')!;
  const rows = block.rows.map((row) => {
    const parts = block.columns.map((col) => {
      const n = count(data, [`t2.${row.id}.${col.id}`]);
      return lang === 'zh' ? `${columnWord(col.label, lang)}${n}件` : `${columnWord(col.label, lang)} ${n}`;
    });
    return lang === 'zh' ? `${row.label.zh}${parts.join('、')}` : `${row.label.en}: ${parts.join(', ')}`;
  });
  return lang === 'zh' ? `本年度${rows.join('；')}。` : `${rows.join('. ')}.`;
}

function applications(format: FormatDef, data: ReportData, lang: Lang): string {
  const table = findTable(format, 't3') as MatrixTable;
  const rows = table.rows!;
  const total = (node: HeaderNode) =>
    count(
      data,
      leaves([node]).map((l) => `t3.${l.id}.total`),
    );
  const row = (id: string) => rows.find((r) => r.id === id)!;
  const results = row('results').children!.filter((c) => !c.total);
  const resultsTotal = count(data, ['t3.results_total.total']);
  if (lang === 'zh') {
    const name = (id: string) => shortLabel(row(id).label).zh.replace(/数量$/, '');
    const groups = results.map((g) => `${shortLabel(g.label).zh}${total(g)}件`).join('，');
    return (
      `${name('new_received')}${total(row('new_received'))}件，${name('carried_over')}${total(row('carried_over'))}件；` +
      `本年度办结${resultsTotal}件，其中${groups}；${name('carried_forward')}${total(row('carried_forward'))}件。`
    );
  }
  const groups = results.map((g) => `${total(g)} ${shortLabel(g.label).en.toLowerCase()}`);
  const last = groups.pop();
  return (
    `This year ${total(row('new_received'))} new requests were received and the agency carried over ${total(row('carried_over'))} from last year. ` +
    `It closed ${resultsTotal}: ${groups.join(', ')} and ${last}; ${total(row('carried_forward'))} are carried over to next year.`
  );
}

function reviews(format: FormatDef, data: ReportData, lang: Lang): string {
  const table = findTable(format, 't4') as MatrixTable;
  const [review, litigation] = [table.columns[0]!, table.columns[1]!];
  const kinds = review
    .children!.filter((c) => !c.total)
    .map((c) => ({ kind: c.id.split('.').pop()!, label: c.label }));
  const part = (groups: string[]) => {
    const of = (kind: string) =>
      count(
        data,
        groups.map((g) => `t4.${g}.${kind}`),
      );
    const items = kinds.map((k) =>
      lang === 'zh' ? `${k.label.zh}${of(k.kind)}件` : `${of(k.kind)} ${k.label.en.toLowerCase()}`,
    );
    return { total: of('total'), items };
  };
  const r = part([review.id]);
  const l = part(litigation.children!.map((c) => c.id));
  if (lang === 'zh')
    return `本年度政府信息公开${review.label.zh}${r.total}件，其中${r.items.join('，')}；${litigation.label.zh}${l.total}件，其中${l.items.join('，')}。`;
  return `There were ${r.total} administrative reconsiderations (${r.items.join(', ')}) and ${l.total} lawsuits (${l.items.join(', ')}).`;
}

/** What a draft needs beyond the report: the organisation's record, for the opening statement. */
export interface DraftContext {
  contact?: OrganisationContact;
}

type Part = (format: FormatDef, data: ReportData, lang: Lang, context: DraftContext) => string;

const PARTS: Record<DraftPart, Part> = {
  documents,
  applications,
  reviews,
  opening: (format, data, lang, context) => openingStatement(format, data, context.contact ?? {}, lang),
};

/** The drafted passage of each block that the format marks `drafts`, every figure from a cell. */
export function draftNarrative(
  format: FormatDef,
  data: ReportData,
  lang: Lang,
  context: DraftContext = {},
): DraftPassage[] {
  return narrativeBlocks(format)
    .filter((b) => b.drafts?.length)
    .map((b) => ({
      block: b.id,
      text: b.drafts!.map((part) => PARTS[part](format, data, lang, context)).join(lang === 'zh' ? '' : ' '),
    }));
}

/**
 * Where a drafted passage stands in a text: the same sentences with any figures. Undefined when the
 * writer has reworded it (it is then ordinary text, checked by X-TEXT like any other).
 */
export function findDraftedPassage(
  format: FormatDef,
  data: ReportData,
  block: string,
  lang: Lang,
  text: string,
  context: DraftContext = {},
): { start: number; end: number; current: boolean } | undefined {
  const draft = draftNarrative(format, data, lang, context).find((d) => d.block === block);
  if (!draft) return undefined;
  const shape = new RegExp(draft.text.split(/\d+/).map(escapeRegExp).join('\\d+'));
  const m = shape.exec(text);
  if (!m) return undefined;
  return { start: m.index, end: m.index + m[0].length, current: m[0] === draft.text };
}
