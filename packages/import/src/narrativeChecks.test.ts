/**
 * The narrative checks (X-TEXT, Y-JUMP, Y-COPY) on the real published reports of test/fixtures. The
 * expected claims were written from reading each report's text: every figure its narrative states
 * about the tables, with the cell the phrase names; figures about things no table holds (信息1136条,
 * 网络问政182件, 信息处理费0元) are not claims.
 */
import { readClaims } from '@nianbao/schema';
import { describe, expect, it } from 'vitest';
import { fixture } from '../test/fixture.ts';
import { checkImported } from './checkImported.ts';
import { importText } from './importReport.ts';
import type { ImportOptions, ImportResult } from './types.ts';

const load = (name: string, options?: ImportOptions): ImportResult => importText(fixture(name), options);

/** Each claim as [block, phrase, the cells of its plain reading, whether the tables agree]. */
function claims(result: ImportResult) {
  return readClaims(result.format, result.data).map((c) => [
    c.span.block,
    c.phrase,
    c.readings[0]!.cells.join(' + '),
    c.matched === 0,
  ]);
}

const narrativeRules = (result: ImportResult, previous?: ImportResult) =>
  checkImported(result, { previous: previous?.data }).filter((f) => /^(X-TEXT|Y-JUMP|Y-COPY)$/.test(f.rule));

describe('X-TEXT on real reports', () => {
  it('洪泽区 2023: 「受理…申请 21 件」 is table 三’s 21 new requests (none carried over)', () => {
    const report = load('huaian-hongze-district-govt-2023.txt');
    expect(claims(report)).toEqual([
      ['s1.on_request', '受理政府信息公开申请 21 件', 't3.new_received.total', true],
    ]);
    expect(narrativeRules(report)).toEqual([]);
  });

  it('洪泽区 2024: 「受理…申请 17 件」 while table 三 has 95 new requests — a warning, 受理 being ambiguous', () => {
    const report = load('huaian-hongze-district-govt-2024.txt');
    expect(claims(report)).toEqual([
      ['s1.on_request', '受理政府信息公开申请 17 件', 't3.new_received.total', false],
    ]);
    const [finding, ...rest] = narrativeRules(report);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ rule: 'X-TEXT', level: 'warning', expected: '95', actual: '17 件' });
    const text = report.data.narrative['s1.on_request']!.zh;
    expect(text.slice(finding!.range!.start, finding!.range!.end)).toBe(
      '2024年，区政府办代表区政府受理政府信息公开申请 17 件，均已在法定期限内予以答复。',
    );
  });

  it('沭阳县发改局 2023: 「收到依申请信息公开26件」 agrees; 「受理网络问政182件」 is no request', () => {
    const report = load('suqian-shuyang-drc-2023.txt');
    expect(claims(report)).toEqual([
      ['s1.on_request', '收到依申请信息公开26件', 't3.new_received.total', true],
    ]);
    expect(narrativeRules(report)).toEqual([]);
  });

  it('天坛街道 2019: 「未收到政府信息公开申请」 agrees with a table 三 of zeros', () => {
    const report = load('tiantan-2019.txt');
    expect(claims(report)).toEqual([['s1.body', '未收到政府信息公开申请', 't3.new_received.total', true]]);
    expect(narrativeRules(report)).toEqual([]);
  });

  // The two page copies state no body (and 海淀 no year): given as the import form would ask for them.
  it.each([
    ['ganzhou-huichang-zhongcun-township-2020.txt', {}],
    ['beijing-haidian-unidentified-unit-undated.txt', { year: 2023, organisation: '海淀区某单位' }],
    ['weihai-wendeng-audit-bureau-2020-p9.txt', { year: 2020, organisation: '文登区审计局' }],
  ] as [string, ImportOptions][])('%s: its narrative states no table figure', (name, options) => {
    const report = load(name, options);
    expect(claims(report)).toEqual([]);
    expect(narrativeRules(report)).toEqual([]);
  });
});

describe('Y-JUMP and Y-COPY on 洪泽区 2024 against its 2023 report', () => {
  it('flags the jumps of table 二 and 三 and the sections copied from 2023', () => {
    const found = narrativeRules(
      load('huaian-hongze-district-govt-2024.txt'),
      load('huaian-hongze-district-govt-2023.txt'),
    ).filter((f) => f.rule !== 'X-TEXT');
    expect(found.map((f) => [f.rule, f.cells.join(' + ') || f.range?.block, f.expected, f.actual])).toEqual([
      // 予以公开 0 → 50, 行政许可 550 → 9487 (17×); 不予公开 3 → 3 and 新收 21 → 95 (4.5×) stay quiet.
      ['Y-JUMP', 't3.granted.total', '0', '50'],
      ['Y-JUMP', 't2.licensing.decisions', '550', '9487'],
      // （一）主动公开 (its lead paragraph now read apart), （三）政府信息管理 and （四）平台建设 repeat
      // 2023's wording; the fee sentence is too short to count.
      ['Y-COPY', 's1.active', undefined, '63%'],
      ['Y-COPY', 's1.management', undefined, '75%'],
      ['Y-COPY', 's1.platforms', undefined, '54%'],
    ]);
  });
});
