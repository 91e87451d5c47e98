/**
 * The consistency rules (勾稽关系) of docs/formats.md §9, checked on a report's data. Sums and kinds come from
 * the header trees; the other rules are listed in each format's `rules`.
 */
import type { Lang } from './appWords.ts';
import { cellId, cellIndex, cellName, findTable, formatCells, leaves } from './cells.ts';
import { formatForYear, getFormat } from './formats/index.ts';
import { textFindings } from './narrative/textRules.ts';
import type { TextRange } from './narrative/types.ts';
import { copyFindings, jumpFindings } from './narrative/yearRules.ts';
import { sumOfParts } from './totals.ts';
import type {
  BalanceRule,
  CarryRule,
  FeeRule,
  FormatDef,
  HeaderNode,
  Label,
  MatrixTable,
  NotAboveRule,
  ReportData,
  RuleLevel,
  StockRule,
} from './types.ts';
import { countOf, valueFits } from './values.ts';

export interface Finding {
  rule: string;
  level: RuleLevel;
  /** The cells involved, the one to change first. */
  cells: string[];
  expected?: string;
  actual?: string;
  message: Label;
  /** A value that would satisfy the rule (R3-BAL: 四、结转下年度继续办理 of that column). */
  fix?: { cell: string; value: number };
  /** The narrative sentence (X-TEXT) or block (Y-COPY) the finding is about. */
  range?: TextRange;
  /** Within `range`, the figure or the words that disagree. */
  span?: TextRange;
}

type Cells = ReportData['cells'];

function kindFindings(format: FormatDef, cells: Cells): Finding[] {
  const out: Finding[] = [];
  for (const cell of formatCells(format)) {
    const value = cells[cell.id];
    if (valueFits(cell.kind, value)) continue;
    out.push({
      rule: cell.kindRule,
      level: 'error',
      cells: [cell.id],
      actual: String(value),
      message: {
        zh: `「${cellName(cell, 'zh')}」的值“${String(value)}”无效：${cell.kind === 'amount' ? '请填写不小于 0、最多 4 位小数的金额（万元）' : cell.kind === 'count' ? '请填写不小于 0 的整数' : '请填写整数'}。`,
        en: `"${cellName(cell, 'en')}" has an invalid value "${String(value)}": ${cell.kind === 'amount' ? 'enter an amount of 0 or more in 10,000 yuan with at most 4 decimals' : cell.kind === 'count' ? 'enter a whole number of 0 or more' : 'enter a whole number'}.`,
      },
    });
  }
  return out;
}

function sumFindings(format: FormatDef, cells: Cells): Finding[] {
  const out: Finding[] = [];
  const index = cellIndex(format);
  for (const cell of formatCells(format)) {
    if (!cell.computed) continue;
    const expected = sumOfParts(cell, cells);
    const actual = countOf(cells[cell.id]);
    if (expected === actual) continue;
    const parts = cell.computed.parts.map((p) => index.get(p)!);
    // Name each part by what tells it apart: its column in a row total, its row in a column total.
    const byColumn = parts.every((p) => p.row === cell.row);
    const partList = (lang: Lang) =>
      parts
        .filter((p) => countOf(cells[p.id]) !== 0)
        .map(
          (p) =>
            `${(byColumn ? p.columnLabel : (p.rowLabel ?? p.columnLabel))[lang]} ${countOf(cells[p.id])}`,
        )
        .join(' + ') || '0';
    out.push({
      rule: cell.computed.rule,
      level: 'error',
      cells: [cell.id, ...cell.computed.parts],
      expected: String(expected),
      actual: String(actual),
      message: {
        zh: `「${cellName(cell, 'zh')}」应为各项之和 ${expected}（${partList('zh')}），现为 ${actual}；请核对各项或改为 ${expected}。`,
        en: `"${cellName(cell, 'en')}" should be the sum of its parts, ${expected} (${partList('en')}), but is ${actual}; check the parts or change it to ${expected}.`,
      },
    });
  }
  return out;
}

const leafCache = new WeakMap<HeaderNode[], HeaderNode[]>();

/** `leaves` of a format's header tree, worked out once: the rules run on every save. */
function treeLeaves(nodes: HeaderNode[]): HeaderNode[] {
  let found = leafCache.get(nodes);
  if (!found) {
    found = leaves(nodes);
    leafCache.set(nodes, found);
  }
  return found;
}

function rowLabel(format: FormatDef, table: string, row: string): Label {
  const t = findTable(format, table) as MatrixTable;
  return (t.rows ? treeLeaves(t.rows) : []).find((n) => n.id === row)!.label;
}

function balanceFindings(format: FormatDef, rule: BalanceRule, cells: Cells): Finding[] {
  const table = findTable(format, rule.table) as MatrixTable;
  const index = cellIndex(format);
  const out: Finding[] = [];
  for (const col of treeLeaves(table.columns)) {
    const ids = (rows: string[]) => rows.map((r) => cellId(table.id, r, col.id));
    const sum = (rows: string[]) => ids(rows).reduce((s, id) => s + countOf(cells[id]), 0);
    const left = sum(rule.left);
    const right = sum(rule.right);
    if (left === right) continue;
    const target = cellId(table.id, rule.solveFor, col.id);
    const results = sum(rule.right.filter((r) => r !== rule.solveFor));
    const balancing = left - results;
    const targetLabel = rowLabel(format, table.id, rule.solveFor);
    const colName = index.get(target)!.columnLabel;
    const inputs = rule.left.map((r) => `「${rowLabel(format, table.id, r).zh}」`).join('、');
    const inputsEn = rule.left.map((r) => `"${rowLabel(format, table.id, r).en}"`).join(', ');
    // A balancing figure is offered only where it is plausible: with the outcomes not yet entered, or
    // a carry-forward larger than all of this year's outcomes, the likelier mistake is a typo in the
    // requests, and writing the balancing figure would hide it.
    // Requests only carried over from last year (none new) cannot hide a typo: those are offered too.
    const onlyCarried = sum(rule.left.slice(0, 1)) === 0;
    const offer = balancing >= 0 && (onlyCarried || (results > 0 && balancing <= results));
    const fixText: Label =
      balancing < 0
        ? {
            zh: `办理结果多于收到的申请，请核对「三、本年度办理结果」各项`,
            en: 'there are more outcomes than requests; check the outcome rows',
          }
        : results === 0 && !offer
          ? {
              zh: `本列办理结果尚未填写，请先填写各项办理结果，再核对${inputs}`,
              en: `no outcome is entered in this column yet; enter the outcomes, then check ${inputsEn}`,
            }
          : !offer
            ? {
                zh: `要平衡，「${targetLabel.zh}」须为 ${balancing}，比本年全部办理结果（${results}）还多，不大可能；请先核对${inputs}是否填错`,
                en: `to balance, "${targetLabel.en}" would have to be ${balancing}, more than all of this year's outcomes (${results}), which is unlikely; first check ${inputsEn} for a typo`,
              }
            : {
                zh: `若其他各项无误，「${targetLabel.zh}」应为 ${balancing}；也请核对${inputs}`,
                en: `if the other rows are right, "${targetLabel.en}" should be ${balancing}; also check ${inputsEn}`,
              };
    out.push({
      rule: rule.id,
      level: rule.level,
      cells: [target, ...ids(rule.left), ...ids(rule.right).filter((id) => id !== target)],
      expected: String(left),
      actual: String(right),
      message: {
        zh: `「${colName.zh}」列不平衡：第一项加第二项为 ${left}，第三项（（七）总计）加第四项为 ${right}；${fixText.zh}。`,
        en: `Column "${colName.en}" does not balance: items 1 + 2 = ${left}, items 3 ((7) Total) + 4 = ${right}; ${fixText.en}.`,
      },
      fix: offer ? { cell: target, value: balancing } : undefined,
    });
  }
  return out;
}

function notAboveFindings(format: FormatDef, rule: NotAboveRule, cells: Cells): Finding[] {
  const index = cellIndex(format);
  return rule.rows.flatMap((row): Finding[] => {
    const cell = index.get(cellId(rule.table, row, rule.column))!;
    const limit = index.get(cellId(rule.table, row, rule.limit))!;
    const value = countOf(cells[cell.id]);
    const max = countOf(cells[limit.id]);
    if (value <= max) return [];
    return [
      {
        rule: rule.id,
        level: rule.level,
        cells: [cell.id, limit.id],
        expected: `≤ ${max}`,
        actual: String(value),
        message: {
          zh: `「${cellName(cell, 'zh')}」（${value}）大于「${cellName(limit, 'zh')}」（${max}），请核对。`,
          en: `"${cellName(cell, 'en')}" (${value}) is more than "${cellName(limit, 'en')}" (${max}); check them.`,
        },
      },
    ];
  });
}

function stockFindings(format: FormatDef, rule: StockRule, cells: Cells, previous: ReportData): Finding[] {
  const index = cellIndex(format);
  return rule.rows.flatMap((row): Finding[] => {
    const id = (col: string) => cellId(rule.table, row, col);
    const prevStock = previous.cells[id(rule.stock)];
    // A previous report in the 2019 format has no 现行有效件数 to start from.
    if (!cellIndex(getFormat(previous.format)).has(id(rule.stock))) return [];
    const expected = countOf(prevStock) + countOf(cells[id(rule.plus)]) - countOf(cells[id(rule.minus)]);
    const actual = countOf(cells[id(rule.stock)]);
    if (expected === actual) return [];
    const cell = index.get(id(rule.stock))!;
    return [
      {
        rule: rule.id,
        level: rule.level,
        cells: [id(rule.stock), id(rule.plus), id(rule.minus)],
        expected: String(expected),
        actual: String(actual),
        message: {
          zh: `「${cellName(cell, 'zh')}」为 ${actual}，而上年 ${countOf(prevStock)} 加本年制发 ${countOf(cells[id(rule.plus)])} 减本年废止 ${countOf(cells[id(rule.minus)])} 得 ${expected}；如有清理、修改等原因请在报告中说明，否则请更正。`,
          en: `"${cellName(cell, 'en')}" is ${actual}, but last year's ${countOf(prevStock)} + issued ${countOf(cells[id(rule.plus)])} − repealed ${countOf(cells[id(rule.minus)])} = ${expected}; explain a clean-up or amendment in the report, or correct it.`,
        },
      },
    ];
  });
}

function carryFindings(format: FormatDef, rule: CarryRule, cells: Cells, previous: ReportData): Finding[] {
  const table = findTable(format, rule.table) as MatrixTable;
  const index = cellIndex(format);
  return treeLeaves(table.columns).flatMap((col): Finding[] => {
    const id = cellId(table.id, rule.row, col.id);
    const expected = countOf(previous.cells[cellId(table.id, rule.fromRow, col.id)]);
    const actual = countOf(cells[id]);
    if (expected === actual) return [];
    const cell = index.get(id)!;
    const from = rowLabel(format, table.id, rule.fromRow);
    return [
      {
        rule: rule.id,
        level: rule.level,
        cells: [id],
        expected: String(expected),
        actual: String(actual),
        message: {
          zh: `「${cellName(cell, 'zh')}」为 ${actual}，与${previous.year}年度报告「${from.zh}」的 ${expected} 不一致；请改为 ${expected} 或说明原因。`,
          en: `"${cellName(cell, 'en')}" is ${actual}, but the ${previous.year} report's "${from.en}" is ${expected}; change it to ${expected} or explain why.`,
        },
        fix: { cell: id, value: expected },
      },
    ];
  });
}

const FEE_WORD = /信息处理费/;
const NO_FEE = /(未|没有|无|不)[^，。；]{0,8}(收取|收缴|收费)|未发生|零收费/;

function feeFindings(format: FormatDef, rule: FeeRule, data: ReportData): Finding[] {
  const text = data.narrative[rule.narrative]?.zh ?? '';
  const cell = cellIndex(format).get(rule.cell)!;
  const unpaid = countOf(data.cells[rule.cell]);
  const block = format.sections.flatMap((s) => s.narrative).find((b) => b.id === rule.narrative)!;
  if (unpaid > 0 && (!FEE_WORD.test(text) || NO_FEE.test(text) || !/\d/.test(text))) {
    return [
      {
        rule: rule.id,
        level: rule.level,
        cells: [rule.cell],
        actual: String(unpaid),
        message: {
          zh: `「${cellName(cell, 'zh')}」有 ${unpaid} 件，说明本年发出过收费通知；请在「${block.label.zh}」中写明发出收费通知的件数和金额。`,
          en: `"${cellName(cell, 'en')}" is ${unpaid}, so fee notices were issued this year; state the number of notices and the amounts under "${block.label.en}".`,
        },
      },
    ];
  }
  if (FEE_WORD.test(text) && !NO_FEE.test(text) && !/\d/.test(text)) {
    return [
      {
        rule: rule.id,
        level: rule.level,
        cells: [],
        message: {
          zh: `「${block.label.zh}」提到收取信息处理费，但没有数字；请写明收费通知件数、通知金额和实际收取金额（元）。`,
          en: `"${block.label.en}" mentions information processing fees but gives no figures; state the notices issued, the amounts notified and the amounts collected (yuan).`,
        },
      },
    ];
  }
  return [];
}

function formatFinding(data: ReportData): Finding[] {
  const right = formatForYear(data.year);
  if (!right || right.id === data.format) return [];
  const used = getFormat(data.format);
  return [
    {
      rule: 'X-FMT',
      level: 'error',
      cells: [],
      expected: right.id,
      actual: data.format,
      message: {
        zh: `${data.year}年度报告须使用${right.label.zh}（${right.basis.zh}），而本报告使用的是${used.label.zh}；请改用正确的格式。`,
        en: `A ${data.year} report must use the ${right.label.en}, but this one uses the ${used.label.en}; switch to the right format.`,
      },
    },
  ];
}

export interface CheckOptions {
  /** The previous year's report, for R2-STOCK, X-CARRY, Y-JUMP and Y-COPY. */
  previous?: ReportData;
}

/** Every finding of the rules on a report, errors before warnings, in reading order within each. */
export function checkReport(format: FormatDef, data: ReportData, options: CheckOptions = {}): Finding[] {
  const cells = data.cells;
  const findings: Finding[] = [
    ...formatFinding(data),
    ...kindFindings(format, cells),
    ...sumFindings(format, cells),
  ];
  for (const rule of format.rules) {
    if (rule.type === 'balance') findings.push(...balanceFindings(format, rule, cells));
    else if (rule.type === 'notAbove') findings.push(...notAboveFindings(format, rule, cells));
    else if (rule.type === 'fee') findings.push(...feeFindings(format, rule, data));
    else if (options.previous && rule.type === 'stock')
      findings.push(...stockFindings(format, rule, cells, options.previous));
    else if (options.previous && rule.type === 'carry')
      findings.push(...carryFindings(format, rule, cells, options.previous));
  }
  findings.push(...textFindings(format, data));
  if (options.previous)
    findings.push(
      ...jumpFindings(format, data, options.previous),
      ...copyFindings(format, data, options.previous),
    );
  return [...findings.filter((f) => f.level === 'error'), ...findings.filter((f) => f.level !== 'error')];
}

export function hasErrors(findings: Finding[]): boolean {
  return findings.some((f) => f.level === 'error');
}
