/**
 * The real published reports of test/fixtures (copied from shared/reports, see its README): every
 * figure their text holds, written out by hand from reading the texts, and exactly the rule
 * violations the README lists.
 */
import { parseReport } from '@nianbao/schema';
import { describe, expect, it } from 'vitest';
import { fixture } from '../test/fixture.ts';
import { checkImported } from './checkImported.ts';
import { importText } from './importReport.ts';
import type { ImportOptions, ImportResult } from './types.ts';

function load(name: string, options?: ImportOptions): ImportResult {
  return importText(fixture(name), options);
}

const T3_COLUMNS = [
  'natural_person',
  'commercial',
  'research',
  'social_welfare',
  'legal_services',
  'other_org',
  'total',
];
const zeros = [0, 0, 0, 0, 0, 0, 0];
const only = (natural: number) => [natural, 0, 0, 0, 0, 0, natural];

function t3(rows: Record<string, (number | null)[]>): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const [row, values] of Object.entries(rows))
    T3_COLUMNS.forEach((c, i) => {
      out[`t3.${row}.${c}`] = values[i]!;
    });
  return out;
}

function t4(review: number[], direct: number[], afterReview: number[]): Record<string, number> {
  const out: Record<string, number> = {};
  const cols = ['maintained', 'corrected', 'other', 'pending', 'total'];
  for (const [group, values] of [
    ['review', review],
    ['litigation_direct', direct],
    ['litigation_after_review', afterReview],
  ] as const)
    cols.forEach((c, i) => {
      out[`t4.${group}.${c}`] = values[i]!;
    });
  return out;
}

/** Every cell that the text holds has exactly this value, and no other cell was read. */
function expectCells(result: ImportResult, expected: Record<string, number | string | null>) {
  const read = Object.fromEntries(result.readCells.map((id) => [id, result.data.cells[id]]));
  expect(read).toEqual(expected);
}

const rules = (result: ImportResult) =>
  checkImported(result)
    .map((f) => f.rule)
    .sort();

const t3Denied = {
  denied_state_secret: zeros,
  denied_law_prohibited: zeros,
  denied_three_safety_one_stability: zeros,
  denied_third_party_rights: zeros,
  denied_internal_affairs: zeros,
  denied_process_info: zeros,
  denied_enforcement_files: zeros,
  denied_admin_query: zeros,
};

describe('淮安市洪泽区人民政府 2023 (raw pdftotext, table 三 read column by column)', () => {
  const result = load('huaian-hongze-district-govt-2023.txt');

  it('reads organisation, year and the 2021 format', () => {
    expect(result.data).toMatchObject({ format: '2021', year: 2023, organisation: { zh: '洪泽区人民政府' } });
    expect(result.layout).toEqual({ tables2: '2021', otherHandlingRows: 1 });
  });

  it('reads every figure', () => {
    expectCells(result, {
      't2.rules.issued': 0,
      't2.rules.repealed': 0,
      't2.rules.in_force': 0,
      't2.normative_docs.issued': 0,
      't2.normative_docs.repealed': 5,
      't2.normative_docs.in_force': 5,
      't2.licensing.decisions': 550,
      't2.penalty.decisions': 4119,
      't2.coercion.decisions': 195,
      't2.fees.amount_wan_yuan': '7730.28',
      ...t3({
        new_received: only(21),
        carried_over: zeros,
        granted: zeros,
        partially_granted: only(4),
        ...t3Denied,
        denied_state_secret: only(1),
        denied_process_info: only(1),
        denied_enforcement_files: only(1),
        unable_no_info: only(10),
        unable_need_creation: only(3),
        unable_unclear: zeros,
        notproc_complaint: only(1),
        notproc_repeat: zeros,
        notproc_publication: zeros,
        notproc_massive: zeros,
        notproc_confirm: zeros,
        // （六）其他处理 printed as one row: its figures go to 3.其他 (X-FMT).
        other_misc: zeros,
        results_total: only(21),
        carried_forward: zeros,
      }),
      ...t4([10, 1, 0, 0, 0], [0, 0, 0, 0, 0], [5, 0, 0, 0, 0]),
    });
    expect(result.absentCells).toContain('t3.other_overdue_correction.total');
    expect(result.unread).toEqual([]);
  });

  it('flags X-FMT, the misprinted label and the two wrong 总计 of table 四, nothing else', () => {
    expect(rules(result)).toEqual(['R4-SUM', 'R4-SUM', 'X-FMT', 'X-LABEL']);
    const findings = checkImported(result);
    expect(findings.find((f) => f.rule === 'X-LABEL')).toMatchObject({
      actual: '2.其他法律行政止公开',
      line: 262,
    });
    expect(findings.filter((f) => f.rule === 'R4-SUM').map((f) => f.cells[0])).toEqual([
      't4.review.total',
      't4.litigation_after_review.total',
    ]);
  });

  it('reads the narrative into the 2021 blocks', () => {
    expect(result.data.narrative['s1.on_request']?.zh).toBe(
      '依申请公开情况。进一步规范依申请公开流程，畅通依申请公开受理渠。2023年全区受理政府信息公开申请 21 件，均在法定期限答复。',
    );
    expect(result.data.narrative['s6.fees']?.zh).toBe(
      '2023年，区政府严格落实《政府信息公开信息处理费管理办法》，全年收取政府信息公开信息处理费 0 元。',
    );
    expect(parseReport(result.data).ok).toBe(true);
  });
});

describe('淮安市洪泽区人民政府 2024 (pdftotext -layout)', () => {
  const result = load('huaian-hongze-district-govt-2024.txt');

  it('reads every figure', () => {
    expect(result.data).toMatchObject({
      format: '2021',
      year: 2024,
      organisation: { zh: '淮安市洪泽区人民政府' },
    });
    expectCells(result, {
      't2.rules.issued': 0,
      't2.rules.repealed': 0,
      't2.rules.in_force': 0,
      't2.normative_docs.issued': 3,
      't2.normative_docs.repealed': 0,
      't2.normative_docs.in_force': 8,
      't2.licensing.decisions': 9487,
      't2.penalty.decisions': 2776,
      't2.coercion.decisions': 84,
      't2.fees.amount_wan_yuan': '7545',
      ...t3({
        new_received: only(95),
        carried_over: zeros,
        granted: only(50),
        partially_granted: only(9),
        ...t3Denied,
        denied_three_safety_one_stability: only(1),
        denied_process_info: only(1),
        denied_enforcement_files: only(1),
        unable_no_info: only(31),
        unable_need_creation: only(1),
        unable_unclear: zeros,
        notproc_complaint: only(1),
        notproc_repeat: zeros,
        notproc_publication: zeros,
        notproc_massive: zeros,
        notproc_confirm: zeros,
        other_misc: zeros,
        results_total: only(95),
        carried_forward: zeros,
      }),
      ...t4([1, 1, 0, 0, 2], [1, 0, 0, 0, 1], [2, 0, 1, 0, 3]),
    });
    expect(result.unread).toEqual([]);
  });

  it('flags X-FMT, the misprinted label and the text’s 「受理…申请 17 件」 (95 new requests) only', () => {
    expect(rules(result)).toEqual(['X-FMT', 'X-LABEL', 'X-TEXT']);
    expect(checkImported(result).find((f) => f.rule === 'X-LABEL')).toMatchObject({ line: 109 });
    expect(parseReport(result.data).ok).toBe(true);
  });
});

describe('沭阳县发展和改革局 2023 (HTML with rowspan/colspan)', () => {
  const result = load('suqian-shuyang-drc-2023.txt');
  const blank = [null, null, null, null, null];

  it('reads every figure and keeps blank cells blank', () => {
    expect(result.data).toMatchObject({
      format: '2021',
      year: 2023,
      organisation: { zh: '沭阳县发展和改革局' },
      date: '2024-01-17',
    });
    const rows = [
      'new_received',
      'carried_over',
      'granted',
      'partially_granted',
      ...Object.keys(t3Denied),
      'unable_no_info',
      'unable_need_creation',
      'unable_unclear',
      'notproc_complaint',
      'notproc_repeat',
      'notproc_publication',
      'notproc_massive',
      'notproc_confirm',
      'other_overdue_correction',
      'other_overdue_fee',
      'other_misc',
      'results_total',
      'carried_forward',
    ];
    const twentySix = new Set(['new_received', 'granted', 'results_total']);
    expectCells(result, {
      't2.rules.issued': 0,
      't2.rules.repealed': 0,
      't2.rules.in_force': 0,
      't2.normative_docs.issued': 8,
      't2.normative_docs.repealed': 0,
      't2.normative_docs.in_force': 18,
      't2.licensing.decisions': 0,
      't2.penalty.decisions': 0,
      't2.coercion.decisions': 0,
      't2.fees.amount_wan_yuan': '0',
      ...t3(
        Object.fromEntries(rows.map((r) => [r, twentySix.has(r) ? [26, ...blank, 26] : [0, ...blank, 0]])),
      ),
      ...t4([0, 0, 0, 1, 1], [0, 0, 0, 0, 0], [0, 0, 0, 0, 0]),
    });
    expect(result.layout.otherHandlingRows).toBe(3);
  });

  it('flags the three misprinted labels and the blank cells, nothing else', () => {
    expect(rules(result)).toEqual(['R3-INT', 'X-LABEL', 'X-LABEL', 'X-LABEL']);
    const labels = checkImported(result).filter((f) => f.rule === 'X-LABEL');
    expect(labels.map((f) => f.actual)).toEqual(
      expect.arrayContaining([
        '规范性文件',
        '五、存在的主要问题及整改措施',
        '沭阳县发展和改革局2023年政府信息公开年度报告',
      ]),
    );
    expect(checkImported(result).find((f) => f.rule === 'R3-INT')?.cells).toHaveLength(125);
  });

  it('takes sub-headed paragraphs into their blocks and the closing date out of 六', () => {
    expect(result.data.narrative['s1.on_request']?.zh).toBe(
      '2023年度我局共收到依申请信息公开26件，及时回复申请人，并将申请人所申请的信息通过电子邮箱发送给申请人',
    );
    expect(result.data.narrative['s6.fees']?.zh).toBe('2023年度，县发展和改革局政府信息公开未发生收费情况。');
    expect(parseReport(result.data).ok).toBe(true);
  });
});

describe('海淀区 page copy (one cell per line, table 三 cut off)', () => {
  it('states neither year nor body, so the import stops and asks for both', () => {
    expect(() => load('beijing-haidian-unidentified-unit-undated.txt')).toThrow(
      expect.objectContaining({ missing: ['year', 'organisation'] }),
    );
  });

  const result = load('beijing-haidian-unidentified-unit-undated.txt', {
    year: 2023,
    organisation: '海淀区某单位',
  });

  it('takes year and body from the options and says so', () => {
    expect(result.provenance).toMatchObject({
      year: { value: 2023, source: 'option' },
      organisation: { value: '海淀区某单位', source: 'option' },
      format: { value: '2021', source: 'year' },
      form: 'text',
    });
  });

  it('reads table 二 and the rows of table 三 that the copy holds', () => {
    expectCells(result, {
      't2.rules.issued': 0,
      't2.rules.repealed': 0,
      't2.rules.in_force': 0,
      't2.normative_docs.issued': 0,
      't2.normative_docs.repealed': 1,
      't2.normative_docs.in_force': 4,
      't2.licensing.decisions': 15,
      't2.penalty.decisions': 46,
      't2.coercion.decisions': 0,
      't2.fees.amount_wan_yuan': '0',
      ...t3({
        new_received: [79, 4, 0, 0, 0, 0, 83],
        carried_over: only(6),
        granted: [27, 2, 0, 0, 0, 0, 29],
        partially_granted: only(1),
        ...t3Denied,
        unable_no_info: [53, 2, 0, 0, 0, 0, 55],
        unable_need_creation: zeros,
        unable_unclear: zeros,
      }),
    });
  });

  it('says what it could not read, and flags nothing', () => {
    expect(rules(result)).toEqual([]);
    const notes = result.unread.map((u) => u.message.en).join('\n');
    expect(notes).toMatch(/table III: 10 rows could not be read/);
    expect(notes).toMatch(/table IV .* was not found/);
    expect(result.unread.find((u) => u.message.en.startsWith('table III'))?.lines).toEqual([45, 197]);
    expect(parseReport(result.data, { draft: true }).ok).toBe(true);
  });
});

describe('会昌县中村乡 2020 (2019 format, one cell per paragraph, stops at 三)', () => {
  const result = load('ganzhou-huichang-zhongcun-township-2020.txt');

  it('reads table 二 of the 2019 format', () => {
    expect(result.data).toMatchObject({ format: '2019', year: 2020, organisation: { zh: '中村乡' } });
    const three = (a: number, b: number, c: number, row: string, cols: string[]) =>
      Object.fromEntries(cols.map((col, i) => [`t2.${row}.${col}`, [a, b, c][i]]));
    const items = ['prev_year_items', 'change', 'decisions'];
    expectCells(result, {
      ...three(0, 0, 0, 'rules', ['made', 'published', 'total_public']),
      ...three(5, 5, 5, 'normative_docs', ['made', 'published', 'total_public']),
      ...three(0, 0, 0, 'licensing', items),
      ...three(0, 0, 0, 'other_admin_services', items),
      ...three(0, 0, 0, 'penalty', items),
      ...three(0, 0, 0, 'coercion', items),
      't2.fees.prev_year_items': 0,
      't2.fees.change': 0,
      't2.procurement.items': 1,
      't2.procurement.total_amount': '8040',
    });
    expect(rules(result)).toEqual([]);
    expect(result.unread.map((u) => u.message.en).join('\n')).toMatch(/table III .* was not found/);
  });
});

describe('文登区审计局 2020, page 9 (last row of 三, table 四 with vertical headers)', () => {
  const result = load('weihai-wendeng-audit-bureau-2020-p9.txt', {
    year: 2020,
    organisation: '文登区审计局',
  });

  it('reads the last row of table 三 and table 四', () => {
    expect(result.data.format).toBe('2019');
    expectCells(result, {
      ...t3({ carried_forward: zeros }),
      ...t4([0, 0, 0, 0, 0], [0, 0, 0, 0, 0], [0, 0, 0, 0, 0]),
    });
    expect(rules(result)).toEqual([]);
    expect(result.data.narrative['s5.body']?.zh).toMatch(/^2020年,在区政府及上级主管部门.*重要作用。$/);
  });
});
