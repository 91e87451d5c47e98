/**
 * The opening statement and the lead paragraph of 一 (docs/formats.md §2) come back from a
 * published report: from our own PDF, HTML and .docx, and from a real county page's wording.
 */
import { exampleJson } from '@nianbao/examples';
import { renderReportDocx, renderReportHtml, renderReportPdf } from '@nianbao/pdf';
import { draftNarrative, getFormat, type ReportData } from '@nianbao/schema';
import { describe, expect, it } from 'vitest';
import { importBytes } from './file.ts';
import { importText } from './importReport.ts';

const LEAD = '2021年，本局坚持以公开为常态、不公开为例外，全面推进政务公开工作。';

function withOpening(): ReportData {
  const report = exampleJson('demo-county-2021') as ReportData;
  const contact = {
    address: '青山县人民路1号',
    postcode: '123456',
    phone: '0123-4567890',
    email: 'gk@example.gov.cn',
  };
  const opening = draftNarrative(getFormat('2021'), report, 'zh', { contact }).find(
    (d) => d.block === 'opening',
  )!;
  return {
    ...report,
    narrative: { ...report.narrative, opening: { zh: opening.text }, 's1.lead': { zh: LEAD } },
  };
}

describe('the opening statement and the lead, read back', () => {
  const report = withOpening();
  const expected = { opening: report.narrative.opening, lead: report.narrative['s1.lead'] };

  it.each([
    ['PDF', async () => new Uint8Array(await renderReportPdf(report, { lang: 'zh' }))],
    ['HTML', async () => new TextEncoder().encode(renderReportHtml(report, { lang: 'zh' }))],
    ['.docx', async () => new Uint8Array(await renderReportDocx(report, { lang: 'zh' }))],
  ])(
    'from its %s',
    async (_form, bytes) => {
      const { data } = await importBytes(await bytes());
      expect({ opening: data.narrative.opening, lead: data.narrative['s1.lead'] }).toEqual(expected);
      // The first sub-part keeps its own text, without the lead or its sub-heading (a PDF's text may
      // not show where one of its paragraphs ends, so paragraphs are compared joined).
      const joined = (t: string | undefined) => t?.replace(/\n/g, '');
      expect(joined(data.narrative['s1.active']?.zh)).toBe(joined(report.narrative['s1.active']!.zh));
    },
    60_000,
  );

  it('keeps a portal page’s lines above the opening out of it, and reads a wording of its own', () => {
    const text = [
      '首页 > 政府信息公开 > 年度报告',
      '发布机构：某县商务局  发布日期：2024-01-20',
      '某县商务局2023年政府信息公开工作年度报告',
      '本年度报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和国务院办公厅政府信息公开办公室印发的年度报告格式要求编制。',
      '本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。如对本报告有任何疑问，请与某县商务局办公室联系（地址：某县人民路2号，邮编：654321，电话：0123-7654321）。',
      '一、总体情况',
      '2023年，某县商务局认真贯彻落实《条例》。',
      '（一）主动公开',
      '全年主动公开信息120条。',
    ].join('\n');
    const { data } = importText(text);
    expect(data.narrative.opening!.zh).toMatch(/^本年度报告根据.*邮编：654321，电话：0123-7654321）。$/);
    expect(data.narrative['s1.lead']!.zh).toBe('2023年，某县商务局认真贯彻落实《条例》。');
    expect(data.narrative['s1.active']!.zh).toBe('全年主动公开信息120条。');
  });

  it('finds no opening where the text has none', () => {
    const { data } = importText(
      [
        '某县商务局2023年政府信息公开工作年度报告',
        '一、总体情况',
        '（一）主动公开',
        '全年主动公开信息120条。',
      ].join('\n'),
    );
    expect(data.narrative.opening).toBeUndefined();
    expect(data.narrative['s1.lead']).toBeUndefined();
  });
});
