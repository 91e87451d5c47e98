/**
 * Failure class 1 of issue 15: year and body are never guessed silently. Real reports with their
 * title taken away still give year and body — from the statistics period, the opening sentence
 * (「2023年，…」), a portal's 发布机构 or the file name — and say where each came from; a text that
 * states neither stops the import with the fields to give.
 */
import { describe, expect, it } from 'vitest';
import { fixture } from '../test/fixture.ts';
import { ImportError, importText } from './importReport.ts';

const hongze2024 = fixture('huaian-hongze-district-govt-2024.txt');
const hongze2023 = fixture('huaian-hongze-district-govt-2023.txt');
const shuyang = fixture('suqian-shuyang-drc-2023.txt');
const tiantan = fixture('tiantan-2019.txt');

/** The text with the lines matching `drop` blanked (line numbers stay). */
function without(text: string, ...drop: RegExp[]): string {
  const lines = text.split('\n');
  const out = lines.map((l) => (drop.some((d) => d.test(l)) ? '' : l));
  expect(out).not.toEqual(lines);
  return out.join('\n');
}

describe('year and body from the text, with where they came from', () => {
  it('a PDF text without its title: year from the statistics period, body from 「2024 年，淮安市洪泽区人民政府…」', () => {
    const text = without(
      hongze2024,
      /^\s*淮安市洪泽区人民政府\s*$/,
      /^\s*2024 年政府信息公开工作年度报告\s*$/,
    );
    const { provenance, data } = importText(text);
    expect(provenance.year).toEqual({ value: 2024, source: 'period', line: 8 });
    expect(provenance.organisation).toMatchObject({
      value: '淮安市洪泽区人民政府',
      source: 'narrative',
      line: 13,
    });
    expect(data).toMatchObject({ year: 2024, organisation: { zh: '淮安市洪泽区人民政府' }, format: '2021' });
  });

  it('a page without heading, metadata or preamble: year and body from 「2023年，县发展和改革局…」', () => {
    const text = without(shuyang, /<h1|<title|<td>名称|发布机构|统计时限|^<p>沭阳县发展和改革局<\/p>$/);
    const { provenance } = importText(text);
    expect(provenance.year).toMatchObject({ value: 2023, source: 'narrative' });
    expect(provenance.organisation).toMatchObject({ value: '县发展和改革局', source: 'narrative' });
    expect(provenance.form).toBe('html');
  });

  it('the signature names the body when the heading is gone', () => {
    const text = without(shuyang, /<h1|<title|<td>名称|发布机构/);
    expect(importText(text).provenance.organisation).toMatchObject({
      value: '沭阳县发展和改革局',
      source: 'closing',
    });
  });

  it('a portal page keeps its 发布机构 when the heading is gone', () => {
    const text = without(shuyang, /<h1|<title|<td>名称/);
    expect(importText(text).provenance.organisation).toMatchObject({
      value: '沭阳县发展和改革局',
      source: 'publisher',
    });
  });

  it('the Tiantan text without its title: 2019 from 「2019 年，天坛街道…」', () => {
    const { provenance } = importText(without(tiantan, /年度报告$/));
    expect(provenance.year).toMatchObject({ value: 2019, source: 'narrative', line: 5 });
    expect(provenance.organisation).toMatchObject({ value: '天坛街道', source: 'narrative', line: 5 });
  });

  it('the year from the file name only when the text has none', () => {
    const bare = without(
      hongze2023,
      /^洪泽区人民政府$/,
      /^2023 年政府信息公开/,
      /^要求编制此报告/,
      /^起至 2023/,
      /^2023 年，/,
    );
    expect(() => importText(bare)).toThrow(expect.objectContaining({ missing: ['year', 'organisation'] }));
    const named = importText(bare, {
      name: 'sample_pdfs_v1/hzq2023_working.pdf',
      organisation: '洪泽区人民政府',
    });
    expect(named.provenance.year).toEqual({
      value: 2023,
      source: 'name',
      text: 'sample_pdfs_v1/hzq2023_working.pdf',
    });
    expect(named.provenance.organisation).toEqual({ value: '洪泽区人民政府', source: 'option' });
  });

  it('--year and --org override what the text says', () => {
    const result = importText(hongze2024, { year: 2025, organisation: '淮安市洪泽区人民政府办公室' });
    expect(result.provenance.year).toEqual({ value: 2025, source: 'option' });
    expect(result.data.organisation.zh).toBe('淮安市洪泽区人民政府办公室');
    expect(importText(hongze2024).provenance.year).toMatchObject({ value: 2024, source: 'title', line: 3 });
  });

  it('stops with a bilingual message naming what is missing', () => {
    const fragment = without(hongze2024, /洪泽区人民政府\s*$/, /年度报告\s*$/, /起至 2024/, /^\s*2024 年，/);
    try {
      importText(fragment);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ImportError);
      expect((error as ImportError).missing).toEqual(['year', 'organisation']);
      expect((error as ImportError).detail.zh).toMatch(/报告年度（--year）和机关名称（--org）/);
      expect((error as ImportError).detail.en).toMatch(
        /the report year \(--year\) and the organisation \(--org\)/,
      );
    }
  });
});
