import { expect, it } from 'vitest';
import { loadExample } from '../test/examples.ts';
import { buildReportModel, formatDate, setSolid } from './reportModel.ts';

it('prints an explicit 0 for an empty cell and recomputes totals', () => {
  const report = loadExample('demo-county-2021.report.json');
  report.cells['t3.granted.research'] = null;
  report.cells['t3.granted.total'] = null;
  const model = buildReportModel(report, 'zh');
  expect(model.value('t3.granted.research')).toBe('0');
  expect(model.value('t3.granted.total')).toBe('19');
});

it('prints the unit with an amount whose label names none, in the language of the report', () => {
  const report = loadExample('tiantan-2019.report.json');
  expect(buildReportModel(report, 'zh').value('t2.procurement.total_amount')).toBe('95万元');
  const demo = loadExample('demo-county-2021.report.json');
  expect(buildReportModel(demo, 'en').value('t2.fees.amount_wan_yuan')).toBe('12.35');
});

it('breaks a long title after the organisation and keeps a short one on one line', () => {
  const report = loadExample('demo-county-2021.report.json');
  expect(buildReportModel(report, 'zh').title.main).toBe('青山县自然资源局\n2021年政府信息公开工作年度报告');
  report.organisation.zh = '某局';
  expect(buildReportModel(report, 'zh').title.main).toBe('某局2021年政府信息公开工作年度报告');
  expect(buildReportModel(report, 'zh-en').meta.title).not.toContain('\n');
});

it('sets Chinese solid: no space beside figures, a full-width space between Chinese words', () => {
  expect(setSolid('全年共发布信息数 900 余条')).toBe('全年共发布信息数900余条');
  expect(setSolid('明确工作职责 一是健全')).toBe('明确工作职责\u3000一是健全');
  expect(setSolid('the 2019 report')).toBe('the 2019 report');
});

it('writes dates without zero padding', () => {
  expect(formatDate('2022-01-20')).toEqual({ zh: '2022年1月20日', en: '20 January 2022' });
});
