/**
 * More real published reports (issue 15, "more real material"): each fixture in the form it was
 * found in — a portal's HTML, the text of a page with every table cell run together, a converter's
 * Markdown — imported through the public API and compared with the figures transcribed by hand in
 * test/fixtures/truth/<name>.json (never with an earlier run of the importer). Every cell read has
 * the true value; every true cell not read is named in `unread`; the report's known mistakes are
 * found. The table in packages/import/README.md ("Real reports") gives the counts asserted here.
 */
import { readFileSync } from 'node:fs';
import { type CellValue, formatCells, getFormat } from '@nianbao/schema';
import { describe, expect, it } from 'vitest';
import { fixture } from '../test/fixture.ts';
import { htmlToDocx } from '../test/htmlToDocx.ts';
import { pageAs } from '../test/pageForms.ts';
import { importBytes } from './file.ts';
import { importText } from './importReport.ts';
import type { ImportResult } from './types.ts';

/** A figure as transcribed: null where the report leaves the cell blank. */
type Value = CellValue | null;

interface Truth {
  year: number;
  format: '2019' | '2021';
  organisation: string;
  t2?: Record<string, Value[]>;
  t3: Record<string, Value[]>;
  t4: Record<string, Value[]>;
  /** Cells the source does not let a reader transcribe (digits run together, cells a converter lost). */
  notTranscribed?: { rows?: string[]; cells?: string[] };
}

function truthOf(name: string): { truth: Truth; cells: Map<string, Value> } {
  const truth = JSON.parse(
    readFileSync(new URL(`../test/fixtures/truth/${name}.json`, import.meta.url), 'utf8'),
  ) as Truth;
  // Row figures are in the order of the format's columns: the ids come from the format definition
  // (table 四 is one row whose columns are grouped: review.maintained …, so match on the id).
  const defs = formatCells(getFormat(truth.format));
  const cells = new Map<string, Value>();
  for (const table of ['t2', 't3', 't4'] as const)
    for (const [row, values] of Object.entries(truth[table] ?? {})) {
      const ids = defs.filter((c) => c.id.startsWith(`${table}.${row}.`)).map((c) => c.id);
      expect(ids.length, `${name}: ${table}.${row} in format ${truth.format}`).toBe(values.length);
      for (const [i, id] of ids.entries()) cells.set(id, values[i]!);
    }
  const skip = truth.notTranscribed;
  for (const id of skip?.cells ?? []) cells.delete(id);
  for (const row of skip?.rows ?? [])
    for (const id of [...cells.keys()]) if (id.startsWith(`${row}.`)) cells.delete(id);
  return { truth, cells };
}

/** Every cell read that the truth holds is right; every true cell not read is listed. */
function compare(result: ImportResult, truth: Map<string, Value>): { read: number; listed: number } {
  const listed = new Set([...result.unread.flatMap((u) => u.cells ?? []), ...result.absentCells]);
  let read = 0;
  let notRead = 0;
  for (const [id, value] of truth) {
    if (result.readCells.includes(id)) {
      expect(result.data.cells[id] ?? null, id).toEqual(value);
      read++;
    } else {
      expect(listed.has(id), `${id} neither read nor listed in unread`).toBe(true);
      notRead++;
    }
  }
  return { read, listed: notRead };
}

const labelFindings = (result: ImportResult, level: 'error' | 'warning') =>
  result.findings.filter((f) => f.rule === 'X-LABEL' && f.level === level).map((f) => f.actual);

interface Case {
  name: string;
  /** Cells of the truth the importer reads (all right); the others are listed in unread. */
  read: number;
  /** The truth file when several texts are of one report (a PDF's raw and -layout text). */
  truth?: string;
}

const cases: Case[] = [
  { name: 'shanghai-municipal-govt-office-2019', read: 198 },
  { name: 'pingtan-experimental-zone-2023', read: 199 },
  { name: 'shanghai-municipal-govt-office-2025', read: 194 },
  { name: 'suqian-shuyang-county-govt-2025', read: 200 },
  { name: 'shanghai-stcsm-2024', read: 39 },
  { name: 'pingtan-experimental-zone-2019', read: 35 },
  { name: 'pingtan-experimental-zone-2021', read: 37 },
  { name: 'pingtan-experimental-zone-2022', read: 4 },
  { name: 'pingtan-experimental-zone-2024', read: 39 },
  { name: 'pingtan-experimental-zone-2025', read: 38 },
  // Table 四 of the raw text stands out of column order and no order R4-SUM confirms: listed.
  { name: 'huaian-city-govt-2024-raw', truth: 'huaian-city-govt-2024', read: 185 },
  { name: 'huaian-city-govt-2024-layout', truth: 'huaian-city-govt-2024', read: 200 },
];

describe.each(cases)('$name as found', ({ name, read, truth: truthName }) => {
  const { truth, cells } = truthOf(truthName ?? name);
  const result = importText(fixture(`${name}.txt`));

  it(`reads ${read} of its ${cells.size} transcribed cells, each right, and lists the rest`, () => {
    expect(result.data).toMatchObject({ year: truth.year, format: truth.format });
    expect(compare(result, cells)).toEqual({ read, listed: cells.size - read });
  });
});

describe('known mistakes are found, and no label is accused that is printed right', () => {
  it('上海市人民政府办公厅 2019: every blank cell, the reworded heading 五, the year-first title', () => {
    const { cells } = truthOf('shanghai-municipal-govt-office-2019');
    const result = importText(fixture('shanghai-municipal-govt-office-2019.txt'));
    const blank = (table: string) =>
      [...cells].filter(([id, v]) => id.startsWith(table) && v === null).length;
    expect(result.findings.find((f) => f.rule === 'R3-INT')?.cells).toHaveLength(blank('t3.'));
    expect(result.findings.find((f) => f.rule === 'R4-INT')?.cells).toHaveLength(blank('t4.'));
    expect(labelFindings(result, 'error')).toEqual(['五、政府信息公开工作存在的主要问题及改进情况']);
    expect(labelFindings(result, 'warning')).toEqual(['2019年上海市人民政府办公厅政府信息公开工作年度报告']);
  });

  it('平潭 2023: labels right, so no X-LABEL error; the six-decimal fee is named, not read', () => {
    const result = importText(fixture('pingtan-experimental-zone-2023.txt'));
    expect(labelFindings(result, 'error')).toEqual([]);
    expect(result.unread.flatMap((u) => u.cells ?? [])).toEqual(['t2.fees.amount_wan_yuan']);
    expect(result.readings.map((r) => [r.table, r.failedRules])).toEqual([
      ['t2', []],
      ['t3', []],
      ['t4', []],
    ]);
  });

  it('沭阳县 2025: the OCR name is kept as printed and said where it came from; heading 五 reworded, (六) shortened', () => {
    const result = importText(fixture('suqian-shuyang-county-govt-2025.txt'));
    expect(result.provenance.organisation).toMatchObject({ value: '沐阳县人民政府', source: 'title' });
    // The converter's heading 「(六) 其他」 (for （六）其他处理) stops short of the official label:
    // a cut, not a wording of the body's own, so a warning to check the original.
    expect(labelFindings(result, 'error')).toEqual(['五、政府信息公开工作存在的主要问题及改进情况']);
    expect(labelFindings(result, 'warning')).toContain('(六)其他');
  });

  it('上海市科委 2024: the official sections numbered on from the report’s own (一、 for 二、) are real deviations', () => {
    const result = importText(fixture('shanghai-stcsm-2024.txt'));
    // Its own 「四、政府信息公开申请情况」 is no longer taken for heading 四: the tables' headings,
    // worded officially but numbered 一、二、三、五、, are found, and their numbers reported. Its
    // 「行政事业性收费」 is printed whole: no piece of it is taken for a wrapped 「行政规范性文件」.
    expect(labelFindings(result, 'error')).toEqual([
      '一、主动公开政府信息情况',
      '二、收到和处理政府信息公开申请情况',
      '三、政府信息公开行政复议、行政诉讼情况',
      '五、其他需要报告的事项',
    ]);
  });

  it('平潭 text copies: the archive’s 「标题:」 field is not taken into the body’s name', () => {
    for (const year of [2019, 2021, 2022, 2024, 2025]) {
      const result = importText(fixture(`pingtan-experimental-zone-${year}.txt`));
      expect(result.data.organisation.zh).toBe('平潭综合实验区');
      // 2022 misprints heading 四 (「行政法复议」); the others print every heading right.
      expect(labelFindings(result, 'error')).toEqual(
        year === 2022 ? ['四、政府信息公开行政法复议、行政诉讼情况'] : [],
      );
    }
  });
});

describe('淮安市人民政府 2024, the published PDF', () => {
  const { cells } = truthOf('huaian-city-govt-2024');

  it('reads all 200 cells right from the PDF itself (its -layout text wins)', async () => {
    const pdf = readFileSync(new URL('../test/fixtures/huaian-city-govt-2024.pdf', import.meta.url));
    const result = await importBytes(new Uint8Array(pdf));
    expect(result.provenance.form).toBe('pdf-layout');
    expect(compare(result, cells)).toEqual({ read: 200, listed: 0 });
  }, 30_000);

  it('the group label 「（六）其他处理」 wrapped around a sub-row label is no deviation; 「1、」 for 「1.」 is a warning', () => {
    for (const text of ['raw', 'layout']) {
      const result = importText(fixture(`huaian-city-govt-2024-${text}.txt`));
      expect(labelFindings(result, 'error'), text).toEqual([]);
      expect(labelFindings(result, 'warning'), text).toEqual([
        '1、申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
        '2、申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
        '3、其他',
      ]);
    }
  });
});

describe('the two portal pages in the other forms they reach users in', () => {
  for (const name of ['shanghai-municipal-govt-office-2019', 'pingtan-experimental-zone-2023']) {
    const { cells } = truthOf(name);
    const page = fixture(`${name}.txt`);
    const asFound = compare(importText(page), cells).read;

    it(`${name} as a .docx made from the page: the same cells`, async () => {
      const result = await importBytes(await htmlToDocx(page));
      expect(result.provenance.form).toBe('docx');
      expect(compare(result, cells).read).toBe(asFound);
    }, 30_000);

    it(`${name} as a Markdown pipe table: the same cells`, () => {
      expect(compare(importText(pageAs(page, 'markdown')), cells).read).toBe(asFound);
    });

    it(`${name} copied a row per line (blank cells lost): no wrong cell, the rest listed`, () => {
      const { read } = compare(importText(pageAs(page, 'rows')), cells);
      expect(read).toBeGreaterThan(0);
    });
  }
});

describe('gaps closed: each of these failed before (issue 15)', () => {
  // A pipe row that ends in an empty cell (`| 1.属于国家秘密 | 4 | … | 4 |  |`) counted as 8 figures,
  // and table 三 stopped there: the converter had dropped the group cell 「（三）不予公开」.
  it('上海市人民政府办公厅 2025: reads the pipe rows that end in an empty cell', () => {
    const result = importText(fixture('shanghai-municipal-govt-office-2025.txt'));
    expect(result.readCells).toContain('t3.denied_state_secret.total');
  });

  // The converter put the tables under the report's own misnumbered headings (一、主动公开…,
  // 二、收到和处理…): found by their exact wording.
  it('上海市科委 2024: finds tables 二 and 三 under misnumbered headings', () => {
    const result = importText(fixture('shanghai-stcsm-2024.txt'));
    expect(result.readCells).toContain('t3.new_received.total');
  });

  // In the text with every cell run together the headings stand inside one long line: the line
  // is cut at each heading, so the misprinted 「四、政府信息公开行政法复议、行政诉讼情况」 is seen.
  it('平潭 2022 (cells run together): reports the misprinted heading 四', () => {
    const result = importText(fixture('pingtan-experimental-zone-2022.txt'));
    expect(labelFindings(result, 'error')).toContain('四、政府信息公开行政法复议、行政诉讼情况');
  });
});
