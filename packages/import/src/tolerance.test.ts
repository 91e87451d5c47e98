/**
 * What real pages do to a report, applied to real texts: zero written “/” or “—”, thousands
 * separators, 元 instead of 万元, headers with extra words, typos in labels, a whole report in
 * the old format, a GBK page.
 */
import { describe, expect, it } from 'vitest';
import { fixture } from '../test/fixture.ts';
import { checkImported } from './checkImported.ts';
import { decodeText } from './file.ts';
import { importText } from './importReport.ts';

const hongze2024 = fixture('huaian-hongze-district-govt-2024.txt');
const tiantan = fixture('tiantan-2019.txt');

function edit(text: string, from: string | RegExp, to: string): string {
  const next = text.replace(from, to);
  expect(next).not.toBe(text);
  return next;
}

describe('tolerated, and reported where the form is wrong', () => {
  it('reads “/” and “—” as 0 (reporting them) and 1,095 as 1095', () => {
    const text = edit(
      hongze2024,
      /(一、本年新收政府信息公开申请数量\s+)95\s+0\s+0(.*)95$/m,
      '$11,095  /  —$2 1,095',
    );
    const result = importText(text);
    expect(result.data.cells['t3.new_received.natural_person']).toBe(1095);
    expect(result.data.cells['t3.new_received.commercial']).toBe(0);
    expect(result.data.cells['t3.new_received.research']).toBe(0);
    expect(result.data.cells['t3.new_received.total']).toBe(1095);
    const marks = checkImported(result).find((f) => f.rule === 'R3-INT');
    expect(marks?.cells).toEqual(['t3.new_received.commercial', 't3.new_received.research']);
    expect(marks?.line).toBe(97);
  });

  it('accepts a header with extra words (现行有效件数（历史累计）)', () => {
    const result = importText(edit(hongze2024, '现行有效件数', '现行有效件数（历史累计）'));
    expect(result.data.cells['t2.normative_docs.in_force']).toBe(8);
    expect(
      checkImported(result)
        .map((f) => f.rule)
        .sort(),
    ).toEqual(['X-FMT', 'X-LABEL', 'X-TEXT']); // X-TEXT: the text's 受理 17 件 vs 95 new requests
  });

  it('reads a row whose label has a typo (内部 → 内容) and reports the label', () => {
    const result = importText(
      edit(edit(tiantan, '5.属于三类内部', '5.属于三类内容'), /^政府集中采购 21 95$/m, '政府集中采购 21 3'),
    );
    expect(result.readCells).toContain('t3.denied_internal_affairs.total');
    const findings = checkImported(result);
    expect(findings.map((f) => f.rule)).toEqual(['X-LABEL']);
    expect(findings[0]).toMatchObject({ actual: '5.属于三类内容事务信息', line: 153 });
  });

  it('converts 元 to 万元 exactly', () => {
    const result = importText(edit(tiantan, /^政府集中采购 21 95$/m, '政府集中采购 21 251000元'));
    expect(result.data.cells['t2.procurement.total_amount']).toBe('25.1');
  });

  it('reads a 2022 report printed in the 2019 format into the 2021 format, with X-FMT and what has no place there', () => {
    const text = edit(tiantan, '天坛街道办事处2019年', '天坛街道办事处2022年');
    const result = importText(text);
    expect(result.data).toMatchObject({ format: '2021', year: 2022 });
    expect(result.layout).toEqual({ tables2: '2019', otherHandlingRows: 1 });
    expect(result.data.cells['t3.other_misc.total']).toBe(0);
    expect(result.data.cells['t2.licensing.decisions']).toBe(0);
    const fmt = checkImported(result).filter((f) => f.rule === 'X-FMT');
    expect(fmt).toHaveLength(1);
    expect(fmt[0]!.message.zh).toMatch(/表二按2019年版格式（试行）印制；表三「（六）其他处理」印为一行/);
    const lost = result.unread.map((u) => u.message.zh).join('\n');
    expect(lost).toMatch(/21（t2\.procurement\.items）在2021年版格式中没有对应栏目/);
    expect(lost).toMatch(/95（t2\.procurement\.total_amount）/);
  });

  it('decodes a page saved in GBK', () => {
    expect(decodeText(new Uint8Array([0xd5, 0xfe, 0xb8, 0xae, 0xd0, 0xc5, 0xcf, 0xa2]))).toBe('政府信息');
    expect(decodeText(new TextEncoder().encode('年报'))).toBe('年报');
  });
});

describe('HTML pages', () => {
  it('reads the report tables inside a portal page laid out in a table', () => {
    const page = fixture('suqian-shuyang-drc-2023.txt');
    const body = page.slice(page.indexOf('<h1'), page.indexOf('</body>'));
    const wrapped = `<html><body><table><tr><td>导航</td><td>${body}</td></tr></table></body></html>`;
    const result = importText(wrapped);
    expect(result.data.cells['t2.normative_docs.in_force']).toBe(18);
    expect(result.data.cells['t3.new_received.total']).toBe(26);
    expect(result.data.cells['t4.review.total']).toBe(1);
    expect(result.data.narrative['s6.fees']?.zh).toBe('2023年度，县发展和改革局政府信息公开未发生收费情况。');
  });
});

describe('titles, page numbers and short labels', () => {
  it('reads a year in Chinese numerals and a title that puts the year first', () => {
    const chinese = importText(edit(tiantan, '天坛街道办事处2019年', '天坛街道办事处二〇一九年'));
    expect(chinese.data).toMatchObject({ year: 2019, organisation: { zh: '天坛街道办事处' } });
    const yearFirst = importText(edit(tiantan, '天坛街道办事处2019年', '2019年天坛街道办事处'));
    expect(yearFirst.data).toMatchObject({ year: 2019, organisation: { zh: '天坛街道办事处' } });
  });

  it('drops a bare page number at the end of a page inside table 三', () => {
    const text = edit(hongze2024, /^(\s+)-3-$/m, '$1 3\n\f');
    const result = importText(text);
    expect(result.unread).toEqual([]);
    expect(result.data.cells['t3.unable_no_info.total']).toBe(31);
  });

  it('reads （二）部分公开 printed without its note, and reports the label', () => {
    const text = edit(
      hongze2024,
      /（二）部分公开（区分处理的，只计这一情 形，不\n\s+计其他情形）\n/,
      '（二）部分公开\n',
    );
    const result = importText(text);
    expect(result.data.cells['t3.partially_granted.total']).toBe(9);
    expect(
      checkImported(result)
        .filter((f) => f.rule === 'X-LABEL')
        .map((f) => f.actual),
    ).toContain('（二）部分公开');
  });
});

describe('raw pdftotext orders', () => {
  it('leaves a table 二 block printed column by column empty: no rule can confirm which figure is whose', () => {
    const text = edit(
      tiantan,
      /^规章 0 0 0\n\n规范性文件 0 0 0$/m,
      '规章\n规范性文件\n\n1\n2\n\n3\n4\n\n5\n6',
    );
    const result = importText(text);
    const block = ['rules', 'normative_docs'].flatMap((r) =>
      ['made', 'published', 'total_public'].map((c) => `t2.${r}.${c}`),
    );
    for (const id of block) expect(result.readCells).not.toContain(id);
    expect(result.unread.find((u) => u.cells?.includes('t2.rules.made'))?.cells?.sort()).toEqual(
      block.sort(),
    );
    // The six figures follow the label 规范性文件, which has three: no row is placed by its label either.
    expect(result.readings.find((r) => r.table === 't2')).toMatchObject({ confirmedBy: [] });
  });

  it('reads table 三 in order when a row label comes after its figures, confirmed by R3-ROW, R3-RES, R3-BAL', () => {
    let text = edit(
      tiantan,
      /^一、本年新收政府信息公开申请数量 0 0 0 0 0 0 0$/m,
      '1 0 0 0 0 0 1\n一、本年新收政府信息公开申请数量',
    );
    text = edit(text, /^（一）予以公开 0 0 0 0 0 0 0$/m, '（一）予以公开 1 0 0 0 0 0 1');
    text = edit(text, /^（七）总计 0 0 0 0 0 0 0$/m, '（七）总计 1 0 0 0 0 0 1');
    const result = importText(text);
    expect(result.data.cells['t3.new_received.total']).toBe(1);
    expect(result.unread).toEqual([]);
    expect(result.readings.find((r) => r.table === 't3')).toEqual({
      table: 't3',
      method: 'order',
      confirmedBy: ['R3-BAL', 'R3-RES', 'R3-ROW'],
      failedRules: [],
      unconfirmed: [],
    });
  });

  it('leaves figures taken in order empty where a rule fails on them', () => {
    const text = edit(
      tiantan,
      /^一、本年新收政府信息公开申请数量 0 0 0 0 0 0 0$/m,
      '1 0 0 0 0 0 1\n一、本年新收政府信息公开申请数量',
    );
    const result = importText(text);
    const t3 = result.readings.find((r) => r.table === 't3')!;
    expect(t3.failedRules).toEqual(['R3-BAL']);
    expect(t3.unconfirmed).toContain('t3.new_received.total');
    expect(result.readCells).not.toContain('t3.new_received.total');
    expect(result.unread.some((u) => u.cells?.includes('t3.new_received.natural_person'))).toBe(true);
  });
});

it('takes the title from an HTML page’s <title> when the page has no heading for it', () => {
  const page = edit(fixture('suqian-shuyang-drc-2023.txt'), /<h1[^>]*>.*<\/h1>/, '');
  const result = importText(
    edit(
      page,
      /<title>.*<\/title>/,
      '<title>沭阳县发展和改革局2023年政府信息公开工作年度报告_沭阳县人民政府</title>',
    ),
  );
  expect(result.data).toMatchObject({ year: 2023, organisation: { zh: '沭阳县发展和改革局' } });
});

it('finds table 二 blocks whose captions lack brackets, and takes a heading’s colon as punctuation', () => {
  let text = hongze2024.replace(/第二十条第（(.)）项/g, '第二十条第$1项');
  text = edit(text, '一、总体情况', '一、总体情况：');
  const result = importText(text);
  expect(result.data.cells['t2.licensing.decisions']).toBe(9487);
  expect(result.data.cells['t2.fees.amount_wan_yuan']).toBe('7545');
  expect(
    checkImported(result)
      .map((f) => f.rule)
      .sort(),
  ).toEqual(['X-FMT', 'X-LABEL', 'X-TEXT']);
});
