/**
 * Issue 15's must-show: the same real report in every form it reaches users in — the portal's
 * HTML, a .docx made from it, text copied cell by cell or with pipes, a row per line, a Markdown
 * pipe table; and the real PDF texts (raw and -layout) printed again as pipes, paragraphs, rows,
 * HTML, Markdown and .docx — gives back the same figures, or lists the cells it cannot read.
 * Never a figure in the wrong cell.
 */
import { describe, expect, it } from 'vitest';
import { fixture } from '../test/fixture.ts';
import { htmlToDocx, type PageForm, pageAs } from '../test/pageForms.ts';
import { type PrintStyle, printReport } from '../test/printReport.ts';
import { importBytes } from './file.ts';
import { importText } from './importReport.ts';
import type { ImportResult } from './types.ts';

/**
 * Every cell read that the original holds has the true value; every true cell not read is named in
 * `unread`. (A reprint fills the cells the original's layout has no place for with 0.)
 */
function sameOrListed(result: ImportResult, truth: ImportResult): { read: number; listed: number } {
  const listed = new Set([...result.unread.flatMap((u) => u.cells ?? []), ...result.absentCells]);
  const known = new Set(truth.readCells);
  for (const id of result.readCells.filter((c) => known.has(c)))
    expect(result.data.cells[id], id).toEqual(truth.data.cells[id]);
  const missing = truth.readCells.filter((id) => !result.readCells.includes(id));
  for (const id of missing) expect(listed.has(id), `${id} neither read nor listed`).toBe(true);
  return { read: result.readCells.length, listed: missing.length };
}

const page = fixture('suqian-shuyang-drc-2023.txt');

describe('沭阳县发展和改革局 2023: the portal page in every form', () => {
  const truth = importText(page);

  it('the .docx made from the page: every figure, blank cells blank, same findings', async () => {
    const result = await importBytes(await htmlToDocx(page));
    expect(result.provenance.form).toBe('docx');
    expect(sameOrListed(result, truth)).toEqual({ read: truth.readCells.length, listed: 0 });
    expect(result.data.cells).toEqual(truth.data.cells);
    expect(result.findings.map((f) => f.rule).sort()).toEqual(truth.findings.map((f) => f.rule).sort());
  }, 30_000);

  it('the Markdown pipe table keeps empty cells: every figure', () => {
    const result = importText(pageAs(page, 'markdown'));
    expect(result.provenance.form).toBe('markdown');
    expect(result.data.cells).toEqual(truth.data.cells);
    expect(result.data).toMatchObject({ year: 2023, organisation: { zh: '沭阳县发展和改革局' } });
  });

  it.each(['cells', 'pipes', 'rows'] as PageForm[])(
    'copied as %s (empty cells lost): tables 二 and 四 read, the rows of 三 that lost cells listed',
    (form) => {
      const result = importText(pageAs(page, form));
      const { read, listed } = sameOrListed(result, truth);
      expect(read).toBeGreaterThanOrEqual(24);
      expect(listed).toBeGreaterThan(0);
      for (const id of ['t2.normative_docs.in_force', 't4.review.total', 't2.licensing.decisions'])
        expect(result.readCells).toContain(id);
    },
  );
});

describe.each([
  'huaian-hongze-district-govt-2023.txt',
  'huaian-hongze-district-govt-2024.txt',
  'tiantan-2019.txt',
])('%s printed again in other forms', (name) => {
  const truth = importText(fixture(name));
  const styles: PrintStyle[] = ['pipes', 'paragraphs', 'rows', 'html', 'markdown', 'columns'];
  it.each(styles)('as %s: the same figures', (style) => {
    const result = importText(printReport(truth.data, style));
    const { read, listed } = sameOrListed(result, truth);
    expect(listed).toBe(0);
    expect(read).toBeGreaterThanOrEqual(truth.readCells.length);
  });

  it('as .docx made from its HTML: the same figures', async () => {
    const result = await importBytes(await htmlToDocx(printReport(truth.data, 'html')));
    expect(sameOrListed(result, truth).listed).toBe(0);
  }, 30_000);
});
