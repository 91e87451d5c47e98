/**
 * Failure class 2 of issue 15: only real label deviations are X-LABEL errors. Group labels that
 * wrap inside their narrow merged cell, with the sub-row labels of the next column between their
 * pieces, are no deviation; punctuation alone (「1、」 for 「1.」) is a warning; the deliberate
 * misprint of the real report (「2.其他法律行政止公开」) is still an error.
 */
import { describe, expect, it } from 'vitest';
import { fixture } from '../test/fixture.ts';
import { checkImported } from './checkImported.ts';
import { importText } from './importReport.ts';

const hongze2024 = fixture('huaian-hongze-district-govt-2024.txt');

function edit(text: string, from: string | RegExp, to: string): string {
  const next = text.replace(from, to);
  expect(next).not.toBe(text);
  return next;
}

const labels = (text: string) =>
  checkImported(importText(text))
    .filter((f) => f.rule === 'X-LABEL')
    .map((f) => `${f.level} ${f.actual}`);

describe('X-LABEL on the real 2024 report of 淮安市洪泽区人民政府 (pdftotext -layout)', () => {
  it('as published: the one misprinted row label', () => {
    expect(labels(hongze2024)).toEqual(['error 2.其他法律行政止公开']);
  });

  it('group labels wrapped in their narrow cells between the sub-row labels: no deviation', () => {
    let text = edit(hongze2024, /^\s*（三）不予公开\s*$/m, '');
    text = edit(text, /^(\s*)1\.属于国家秘密/m, '$1（三）不 1.属于国家秘密');
    text = edit(text, /^(\s*)4\.保护第三方合法权益/m, '$1予公开 4.保护第三方合法权益');
    text = edit(text, /（四）无法提供(\s+)1\.本机关/, '（四）无$11.本机关');
    text = edit(text, /^(\s*)2\.没有现成信息需要另行制作/m, '$1法提供 2.没有现成信息需要另行制作');
    text = edit(text, /^\s*（五）不予处理\s*$/m, '');
    text = edit(text, /^(\s*)1\.信访举报投诉类申请/m, '$1（五）不 1.信访举报投诉类申请');
    text = edit(text, /^(\s*)3\.要求提供公开出版物/m, '$1予处理 3.要求提供公开出版物');
    const result = importText(text);
    expect(labels(text)).toEqual(['error 2.其他法律行政止公开']);
    // The figures are those of the report as published.
    expect(result.data.cells).toEqual(importText(hongze2024).data.cells);
  });

  it('a group label whose piece stands inside a wrapped sub-row label: no deviation on either', () => {
    // As the real 淮安市人民政府 2024 -layout text prints 「（六）其」「2、…通知要」「他处理」「求缴纳…」.
    let text = edit(hongze2024, '（四）无法提供   1.本机关', '（四）无        1.本机关');
    text = edit(
      text,
      /^(\s*)2\.没有现成信息需要另行制作(.*)$/m,
      '$12、没有现成信息需要\n     法提供\n$1另行制作$2',
    );
    expect(labels(text)).toEqual(['error 2.其他法律行政止公开', 'warning 2、没有现成信息需要另行制作']);
    expect(importText(text).data.cells).toEqual(importText(hongze2024).data.cells);
  });

  it('a deviation in punctuation alone is a warning', () => {
    const text = edit(hongze2024, '3.危及“三安全一稳定”', '3、危及“三安全一稳定”');
    expect(labels(text)).toEqual(['error 2.其他法律行政止公开', 'warning 3、危及“三安全一稳定”']);
  });

  it('a label cut short of its official wording is a warning, one with other words an error', () => {
    const cut = edit(hongze2024, '3.危及“三安全一稳定”', '3.危及“三安全');
    expect(labels(cut)).toEqual(['error 2.其他法律行政止公开', 'warning 3.危及“三安全']);
    const other = edit(hongze2024, '3.危及“三安全一稳定”', '3.危及“三安全一稳');
    expect(labels(other)).toContain('warning 3.危及“三安全一稳');
    const worded = edit(hongze2024, '3.危及“三安全一稳定”', '3.危害“三安全一稳定”');
    expect(labels(worded)).toEqual(['error 2.其他法律行政止公开', 'error 3.危害“三安全一稳定”']);
  });
});
