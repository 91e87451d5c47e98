/**
 * The structure of each official format against docs/formats.md §4–§6: leaf counts, the spans derived from
 * the header trees, and every official label verbatim (the lists below are copied from the spec).
 */
import { describe, expect, it } from 'vitest';
import { formatCells, leaves, narrativeBlocks } from '../cells.ts';
import { blockColumnSpans, matrixLayout } from '../layout.ts';
import type { BlocksTable, FormatDef, MatrixTable } from '../types.ts';
import { format2019, format2021 } from './index.ts';

const table = <T>(format: FormatDef, id: string) =>
  format.sections.find((s) => s.table?.id === id)!.table as T;
const labelsOf = (format: FormatDef) => {
  const out: string[] = [];
  const walk = (nodes: { label: { zh: string }; children?: unknown[] }[]) => {
    for (const n of nodes) {
      out.push(n.label.zh);
      if (n.children) walk(n.children as never);
    }
  };
  for (const s of format.sections) {
    out.push(s.label.zh);
    const t = s.table;
    if (t?.type === 'matrix') {
      if (t.corner) out.push(t.corner.zh);
      walk(t.columns);
      if (t.rows) walk(t.rows);
    } else if (t?.type === 'blocks') {
      out.push(t.rowHeader.zh);
      for (const b of t.blocks)
        out.push(b.caption.zh, ...b.columns.map((c) => c.label.zh), ...b.rows.map((r) => r.label.zh));
    }
  }
  return out;
};

const SECTIONS = [
  '一、总体情况',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况',
  '六、其他需要报告的事项',
];
const T3_COMMON = [
  '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
  '申请人情况',
  '自然人',
  '法人或其他组织',
  '商业企业',
  '科研机构',
  '社会公益组织',
  '法律服务机构',
  '其他',
  '总计',
  '一、本年新收政府信息公开申请数量',
  '二、上年结转政府信息公开申请数量',
  '三、本年度办理结果',
  '（一）予以公开',
  '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
  '（三）不予公开',
  '1.属于国家秘密',
  '2.其他法律行政法规禁止公开',
  '3.危及“三安全一稳定”',
  '4.保护第三方合法权益',
  '5.属于三类内部事务信息',
  '6.属于四类过程性信息',
  '7.属于行政执法案卷',
  '8.属于行政查询事项',
  '（四）无法提供',
  '1.本机关不掌握相关政府信息',
  '2.没有现成信息需要另行制作',
  '3.补正后申请内容仍不明确',
  '（五）不予处理',
  '1.信访举报投诉类申请',
  '2.重复申请',
  '3.要求提供公开出版物',
  '4.无正当理由大量反复申请',
  '5.要求行政机关确认或重新出具已获取信息',
  '（六）其他处理',
  '（七）总计',
  '四、结转下年度继续办理',
];
const T4 = [
  '行政复议',
  '行政诉讼',
  '未经复议直接起诉',
  '复议后起诉',
  '结果维持',
  '结果纠正',
  '其他结果',
  '尚未审结',
  '总计',
];
const T2_2021 = [
  '第二十条第（一）项',
  '信息内容',
  '本年制发件数',
  '本年废止件数',
  '现行有效件数',
  '规章',
  '行政规范性文件',
  '第二十条第（五）项',
  '本年处理决定数量',
  '行政许可',
  '第二十条第（六）项',
  '行政处罚',
  '行政强制',
  '第二十条第（八）项',
  '本年收费金额（单位：万元）',
  '行政事业性收费',
];
const T2_2019 = [
  '第二十条第（一）项',
  '信息内容',
  '本年新制作数量',
  '本年新公开数量',
  '对外公开总数量',
  '规章',
  '规范性文件',
  '第二十条第（五）项',
  '上一年项目数量',
  '本年增/减',
  '处理决定数量',
  '行政许可',
  '其他对外管理服务事项',
  '第二十条第（六）项',
  '行政处罚',
  '行政强制',
  '第二十条第（八）项',
  '行政事业性收费',
  '第二十条第（九）项',
  '采购项目数量',
  '采购总金额',
  '政府集中采购',
];
const T3_2021_OTHER = [
  '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
  '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
  '3.其他',
];

describe.each([
  { format: format2021, bodyRows: 25, results: 22, t2: T2_2021, extra: T3_2021_OTHER, cells: 10 + 175 + 15 },
  { format: format2019, bodyRows: 23, results: 20, t2: T2_2019, extra: [], cells: 22 + 161 + 15 },
])('format $format.id', ({ format, bodyRows, results, t2, extra, cells }) => {
  const t3 = table<MatrixTable>(format, 't3');
  const t4 = table<MatrixTable>(format, 't4');
  const l3 = matrixLayout(t3);
  const l4 = matrixLayout(t4);

  it('has the six sections in order', () => {
    expect(format.sections.map((s) => s.label.zh)).toEqual(SECTIONS);
  });

  it('carries every official label verbatim', () => {
    const labels = new Set(labelsOf(format));
    for (const label of [...SECTIONS, ...T3_COMMON, ...T4, ...t2, ...extra])
      expect(labels, label).toContain(label);
  });

  it('table 三: 7 applicant columns under 3 header rows and 3 label columns', () => {
    expect(l3.columnLeaves.map((c) => c.label.zh)).toEqual([
      '自然人',
      '商业企业',
      '科研机构',
      '社会公益组织',
      '法律服务机构',
      '其他',
      '总计',
    ]);
    expect(l3.headerRows).toBe(3);
    expect(l3.labelColumns).toBe(3);
    const spans = l3.header.map((row) => row.map((c) => [c.node.label.zh, c.rowSpan, c.colSpan]));
    expect(spans).toEqual([
      [['申请人情况', 1, 7]],
      [
        ['自然人', 2, 1],
        ['法人或其他组织', 1, 5],
        ['总计', 2, 1],
      ],
      [
        ['商业企业', 1, 1],
        ['科研机构', 1, 1],
        ['社会公益组织', 1, 1],
        ['法律服务机构', 1, 1],
        ['其他', 1, 1],
      ],
    ]);
  });

  it(`table 三: ${bodyRows} body rows; 三、本年度办理结果 spans ${results}; the groups 8, 3, 5`, () => {
    expect(l3.rowLeaves).toHaveLength(bodyRows);
    const starts = l3.body.flat();
    const span = (zh: string) => starts.find((c) => c.node.label.zh === zh);
    expect(span('三、本年度办理结果')).toMatchObject({ rowSpan: results, colSpan: 1 });
    expect(span('（三）不予公开')).toMatchObject({ rowSpan: 8, colSpan: 1 });
    expect(span('（四）无法提供')).toMatchObject({ rowSpan: 3, colSpan: 1 });
    expect(span('（五）不予处理')).toMatchObject({ rowSpan: 5, colSpan: 1 });
    expect(span('一、本年新收政府信息公开申请数量')).toMatchObject({ rowSpan: 1, colSpan: 3 });
    expect(span('四、结转下年度继续办理')).toMatchObject({ rowSpan: 1, colSpan: 3 });
    expect(span('（一）予以公开')).toMatchObject({ rowSpan: 1, colSpan: 2 });
    expect(span('（七）总计')).toMatchObject({ rowSpan: 1, colSpan: 2 });
    if (format.id === '2021') {
      expect(span('（六）其他处理')).toMatchObject({ rowSpan: 3, colSpan: 1 });
      expect(span('3.其他')).toMatchObject({ rowSpan: 1, colSpan: 1 });
    } else {
      expect(span('（六）其他处理')).toMatchObject({ rowSpan: 1, colSpan: 2 });
    }
  });

  it('table 四: 15 columns; groups span 5 and 10; review outcomes span both lower header rows', () => {
    expect(l4.columnLeaves).toHaveLength(15);
    expect(l4.labelColumns).toBe(0);
    expect(l4.header[0]!.map((c) => [c.node.label.zh, c.colSpan])).toEqual([
      ['行政复议', 5],
      ['行政诉讼', 10],
    ]);
    expect(l4.header[1]!.map((c) => [c.node.label.zh, c.rowSpan, c.colSpan])).toEqual([
      ['结果维持', 2, 1],
      ['结果纠正', 2, 1],
      ['其他结果', 2, 1],
      ['尚未审结', 2, 1],
      ['总计', 2, 1],
      ['未经复议直接起诉', 1, 5],
      ['复议后起诉', 1, 5],
    ]);
    expect(l4.header[2]).toHaveLength(10);
  });

  it('table 二: caption rows and value columns spread over the official grid', () => {
    const t = table<BlocksTable>(format, 't2');
    const spans = t.blocks.map((b) => blockColumnSpans(t, b.columns.length));
    if (format.id === '2021') expect(spans).toEqual([[1, 1, 1], [3], [3], [3]]);
    else
      expect(spans).toEqual([
        [1, 2, 1],
        [1, 2, 1],
        [1, 2, 1],
        [2, 2],
        [2, 2],
      ]);
  });

  it(`has ${cells} cells with unique ids`, () => {
    const ids = formatCells(format).map((c) => c.id);
    expect(ids).toHaveLength(cells);
    expect(new Set(ids).size).toBe(cells);
    expect(ids).toContain('t3.new_received.natural_person');
    expect(ids).toContain('t4.litigation_after_review.total');
  });

  it('names narrative blocks uniquely and has an English label for everything', () => {
    const ids = narrativeBlocks(format).map((b) => b.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of formatCells(format)) for (const l of c.path) expect(l.en, l.zh).toMatch(/\w/);
    for (const s of format.sections) expect(s.label.en).toMatch(/^[IV]+\. /);
  });
});

describe('derived computed cells', () => {
  it('the 总计 column sums the six applicant columns, （七）总计 the outcome rows of its format', () => {
    const byId = new Map(formatCells(format2021).map((c) => [c.id, c]));
    expect(byId.get('t3.granted.total')!.computed!.parts).toHaveLength(6);
    expect(byId.get('t3.results_total.natural_person')!.computed!.parts).toHaveLength(21);
    expect(
      new Map(formatCells(format2019).map((c) => [c.id, c])).get('t3.results_total.commercial')!.computed!
        .parts,
    ).toHaveLength(19);
    expect(byId.get('t4.review.total')!.computed).toEqual({
      rule: 'R4-SUM',
      parts: ['t4.review.maintained', 't4.review.corrected', 't4.review.other', 't4.review.pending'],
    });
    expect(
      leaves(table<MatrixTable>(format2021, 't3').rows!)
        .filter((r) => r.total)
        .map((r) => r.id),
    ).toEqual(['results_total']);
  });
});
