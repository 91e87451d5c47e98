/**
 * What a narrative's words refer to in the tables. A figure belongs to a subject (the requests, the
 * reconsiderations, the normative documents …: the last subject word before it) and is named by a
 * phrase of that subject (新收, 予以公开, 维持 …: the phrase nearest to it). Each phrase reads as one
 * or more sums of cells; the cell ids and the names in messages come from the format definition.
 */
import { cellId, cellIndex, cellName, findTable, leaves } from '../cells.ts';
import type { FormatDef, HeaderNode, Label, MatrixTable } from '../types.ts';
import { escapeRegExp, shortLabel } from './labels.ts';
import type { Lang, Reading } from './types.ts';

export type Subject =
  | 'applications'
  | 'review'
  | 'litigation'
  | 'rules'
  | 'normative_docs'
  | 'licensing'
  | 'penalty'
  | 'coercion'
  | 'fees';

type Words = Record<Lang, RegExp>;

/** The words that start talking about a subject. */
export const SUBJECTS: Record<Subject, Words> = {
  // 「申请人」 and 「申请行政复议」 are about someone else's subject.
  applications: { zh: /(?<!复议)申请(?!人|行政复议|复议)/g, en: /\b(?:requests?|applications?)\b/gi },
  review: { zh: /复议/g, en: /\breconsiderations?\b/gi },
  litigation: { zh: /诉讼|起诉/g, en: /\b(?:lawsuits?|litigation)\b/gi },
  rules: { zh: /规章(?!制度)/g, en: /\brules\b/gi },
  normative_docs: { zh: /规范性文件/g, en: /\bnormative documents?\b/gi },
  licensing: { zh: /行政许可/g, en: /\blicensing\b/gi },
  penalty: { zh: /行政处罚/g, en: /\bpenalty\b|\bpenalties\b/gi },
  coercion: { zh: /行政强制/g, en: /\bcompulsion\b|\bcoercive\b/gi },
  fees: { zh: /行政事业性收费/g, en: /\badministrative (?:and institutional )?fees\b/gi },
};

export interface Phrase {
  subject: Subject;
  words: Words;
  unit: 'count' | 'amount';
  /** The first reading is the plain one; a phrase with more is ambiguous (a warning, not an error). */
  readings: Reading[];
  /** A column of table 三 (自然人 …): read in the row that the sentence's last figure named. */
  column?: string;
}

const re = (source: string, flags = 'g') => new RegExp(source, flags);
const words = (zh: string, en: string): Words => ({ zh: re(zh), en: re(en, 'gi') });

/** Words writers use beside the label for a row of table 三 (the label itself is always accepted). */
const ROW_WORDS: Record<string, Partial<Record<Lang, string>>> = {
  new_received: { zh: '新收|新受理|收到|接收|接到|新增', en: '\\bnew\\b|received' },
  carried_over: { zh: '上一?年度?结转|结转上一?年', en: 'carried over from|from (?:the previous|last) year' },
  results_total: { zh: '办结|答复|办理完毕|处理完毕', en: '\\bclosed\\b|answered|responded to' },
  carried_forward: {
    zh: '结转下一?年|转入下一?年|继续办理',
    en: 'to next year|into next year|carried forward',
  },
  unable_no_info: { zh: '不掌握|信息不存在' },
  notproc_complaint: { zh: '信访|举报|投诉' },
  denied_process_info: { zh: '过程性信息' },
  denied_internal_affairs: { zh: '内部事务' },
  denied_third_party_rights: { zh: '第三方合法权益' },
  other_overdue_correction: { zh: '逾期不补正' },
  other_overdue_fee: { zh: '逾期未(?:按收费通知要求)?缴纳' },
  other_handling: { en: 'handled otherwise|other handling' },
  unable: { en: 'could not be provided|cannot be provided' },
};

/** The label as a narrative writes it, and for sub-rows without 「属于」; too general a label (其他) is no phrase. */
function labelWords(label: Label): Partial<Record<Lang, string>> {
  const short = shortLabel(label);
  const zh = short.zh.replace(/^属于/, '');
  return {
    zh: zh.length >= 3 ? escapeRegExp(zh) : undefined,
    en: short.en.split(' ').length >= 2 || short.en.length >= 8 ? escapeRegExp(short.en) : undefined,
  };
}

function anyOf(...parts: (string | undefined)[]): string {
  return parts.filter((p) => p).join('|') || '(?!)';
}

function tableThreePhrases(format: FormatDef): Phrase[] {
  const table = findTable(format, 't3') as MatrixTable;
  const index = cellIndex(format);
  const total = (row: string) => cellId('t3', row, 'total');
  const single = (row: string): Reading => ({ cells: [total(row)], name: nameOf([total(row)], index) });
  const group = (node: HeaderNode): Reading => {
    const cells = leaves([node]).map((l) => total(l.id));
    if (cells.length === 1) return single(node.id);
    const totalLabel = index.get(cells[0]!)!.columnLabel;
    return { cells, name: joinLabels([table.rows![2]!.label, node.label, totalLabel]) };
  };
  const phrase = (readings: Reading[], zh: string, en: string): Phrase => ({
    subject: 'applications',
    words: words(zh, en),
    unit: 'count',
    readings,
  });
  const out: Phrase[] = [];
  const rowPhrase = (node: HeaderNode) => {
    const own = labelWords(node.label);
    const extra = ROW_WORDS[node.id] ?? {};
    out.push(phrase([group(node)], anyOf(extra.zh, own.zh), anyOf(extra.en, own.en)));
  };
  for (const node of table.rows!) {
    if (node.id === 'results') {
      for (const child of node.children!) {
        rowPhrase(child);
        if (child.children) for (const sub of child.children) rowPhrase(sub);
      }
    } else {
      rowPhrase(node);
    }
  }
  // 「受理」 is said of the new requests and of all requests handled this year, carried-over ones included.
  out.push(
    phrase(
      [
        single('new_received'),
        {
          ...single('new_received'),
          cells: [total('new_received'), total('carried_over')],
          name: joinLabels([single('new_received').name, single('carried_over').name], ' + '),
        },
      ],
      '(?<!新)受理',
      '(?!)',
    ),
  );
  const results = table.rows!.find((r) => r.id === 'results')!.children!;
  const [granted, partial] = [results[0]!, results[1]!];
  const both = `${shortLabel(granted.label).zh}(?:和|及|与|、)${shortLabel(partial.label).zh}`;
  out.push(
    phrase(
      [
        {
          cells: [total(granted.id), total(partial.id)],
          name: joinLabels([group(granted).name, group(partial).name], ' + '),
        },
      ],
      `${both}|全部或部分公开|全部和部分公开`,
      'disclosed in (?:full|whole) or in part|(?:fully|wholly) or partly disclosed',
    ),
  );
  // Columns: 「其中自然人38件」 names a column of the row the sentence is about.
  const columnNodes = (table.columns[0]!.children ?? []).filter((c) => !c.total);
  for (const node of columnNodes) {
    const own = labelWords(node.label);
    if (!own.zh && !own.en) continue;
    out.push({
      subject: 'applications',
      words: words(anyOf(own.zh), anyOf(own.en)),
      unit: 'count',
      readings: [],
      column: node.id,
    });
  }
  return out;
}

function tableFourPhrases(format: FormatDef): Phrase[] {
  const index = cellIndex(format);
  const table = findTable(format, 't4') as MatrixTable;
  const review = table.columns.find((c) => c.id === 'review')!;
  const litigation = table.columns.find((c) => c.id === 'litigation')!;
  const outcomes = review.children!;
  const ALSO: Record<string, Partial<Record<Lang, string>>> = {
    maintained: { zh: '维持', en: 'upheld|maintained' },
    corrected: { zh: '纠正|撤销|确认违法', en: 'corrected|overturned' },
    pending: { zh: '未审结|审理中|未结案', en: 'pending' },
    total: { zh: '复议|诉讼|起诉|案件', en: 'reconsiderations?|lawsuits?|cases?' },
  };
  const out: Phrase[] = [];
  for (const outcome of outcomes) {
    const kind = outcome.id.split('.').pop()!;
    const own = labelWords(outcome.label);
    const extra = ALSO[kind] ?? {};
    const zh = kind === 'total' ? extra.zh : anyOf(own.zh, extra.zh);
    const en = kind === 'total' ? extra.en : anyOf(own.en, extra.en);
    const reviewCell = `t4.${outcome.id}`;
    out.push({
      subject: 'review',
      words: words(zh!, en!),
      unit: 'count',
      readings: [{ cells: [reviewCell], name: nameOf([reviewCell], index) }],
    });
    const lawsuits = litigation.children!.map((g) => `t4.${g.id}.${kind}`);
    out.push({
      subject: 'litigation',
      words: words(zh!, en!),
      unit: 'count',
      readings: [
        {
          cells: lawsuits,
          name: joinLabels([litigation.label, shortLabel(outcome.label)]),
        },
      ],
    });
  }
  return out;
}

/** What a writer says for each column of table 二 (the labels are 本年制发件数 and the like). */
const COLUMN_WORDS: Record<string, [string, string]> = {
  issued: ['制发|印发|出台|制定|发布', 'issued|adopted'],
  repealed: ['废止|废除|宣布失效', 'repealed|abolished'],
  in_force: ['现行有效|有效', 'in force|valid'],
  made: ['新制作|制作|制发|制定|印发', '\\bmade\\b|issued'],
  published: ['新公开|公开', 'disclosed|published'],
  total_public: ['对外公开总数量?|累计公开|公开总数', 'in total|total disclosed'],
  decisions: ['决定', 'decisions?'],
  amount_wan_yuan: ['收费|收取|金额', 'collected|fees'],
};

function tableTwoPhrases(format: FormatDef): Phrase[] {
  const index = cellIndex(format);
  const out: Phrase[] = [];
  for (const cell of index.values()) {
    if (cell.table !== 't2' || !(cell.row in SUBJECTS)) continue;
    const columnWords = COLUMN_WORDS[cell.column];
    if (!columnWords) continue;
    out.push({
      subject: cell.row as Subject,
      words: words(...columnWords),
      unit: cell.kind === 'amount' ? 'amount' : 'count',
      readings: [{ cells: [cell.id], name: nameOf([cell.id], index) }],
    });
  }
  return out;
}

function joinLabels(labels: Label[], sep = ' / '): Label {
  return { zh: labels.map((l) => l.zh).join(sep), en: labels.map((l) => l.en).join(sep) };
}

function nameOf(cells: string[], index: ReturnType<typeof cellIndex>): Label {
  const defs = cells.map((c) => index.get(c)!);
  return {
    zh: defs.map((d) => cellName(d, 'zh')).join(' + '),
    en: defs.map((d) => cellName(d, 'en')).join(' + '),
  };
}

const cache = new WeakMap<FormatDef, Phrase[]>();

/** Every phrase of a format, worked out once: the rules run on every keystroke. */
export function formatPhrases(format: FormatDef): Phrase[] {
  let phrases = cache.get(format);
  if (!phrases) {
    phrases = [...tableTwoPhrases(format), ...tableThreePhrases(format), ...tableFourPhrases(format)];
    cache.set(format, phrases);
  }
  return phrases;
}
