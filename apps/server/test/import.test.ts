import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlToDocx } from '../../../packages/import/test/htmlToDocx.ts';
import { Client, example, failure, otherOrganisation, type TestServer, testServer } from './helpers.ts';

const TIANTAN_TEXT = readFileSync(
  new URL('../../../packages/import/test/fixtures/tiantan-2019.txt', import.meta.url),
);

let server: TestServer;
let filler: Client;
let town: Client;

const upload = (name: string, bytes: Buffer | string) => ({
  name,
  content: Buffer.from(bytes).toString('base64'),
});

beforeAll(async () => {
  server = await testServer();
  filler = new Client(server.url);
  await filler.login('tiantan', 'tiantan-demo');
  const other = await otherOrganisation(server);
  town = new Client(server.url);
  await town.login(other.login, other.password);
});
afterAll(() => server.stop());

async function snapshot(): Promise<string> {
  const tables = ['organisations', 'reports', 'report_revisions', 'rejected_saves'] as const;
  const out: Record<string, unknown> = {};
  for (const t of tables) out[t] = await server.db.selectFrom(t).selectAll().orderBy('id').execute();
  return JSON.stringify(out);
}

async function tiantan2019() {
  const [summary] = (await filler.call('query', 'reports.list', { year: 2019 })).rows;
  return filler.call('query', 'reports.get', { id: summary.id });
}

describe('import of a file into a new draft', () => {
  it('reads the Tiantan 2019 text to the figures of the example, then creates a draft with them', async () => {
    const reading = await town.call('mutation', 'imports.read', {
      file: upload('tiantan.txt', TIANTAN_TEXT),
    });
    expect(reading.kind).toBe('text');
    expect(reading.data.year).toBe(2019);
    expect(reading.readCells).toBeGreaterThan(50);
    // Of every table figure the 2019 format has, not of those that were read.
    expect(reading.cells).toBe(198);
    const seeded = await tiantan2019();
    const created = await town.call('mutation', 'imports.create', {
      file: upload('tiantan.txt', TIANTAN_TEXT),
    });
    const report = await town.call('query', 'reports.get', { id: created.report.id });
    expect(report.status).toBe('draft');
    expect(report.year).toBe(2019);
    // Filed under the importing organisation, with the figures of examples/tiantan-2019.report.json.
    expect(report.data.organisation.zh).toBe('示范区某镇人民政府');
    expect(report.data.cells).toEqual(seeded.data.cells);
    const exampleCells = (example('tiantan-2019') as { cells: Record<string, unknown> }).cells;
    for (const [cell, value] of Object.entries(exampleCells)) {
      if (value !== null) expect(report.data.cells[cell], cell).toEqual(value);
    }
    expect((await town.call('query', 'reports.revisions', { id: report.id }))[0].reason).toBe('import');
    // A second import for the same year: the report exists; nothing is overwritten.
    const again = await failure(
      town.call('mutation', 'imports.create', { file: upload('t.txt', TIANTAN_TEXT) }),
    );
    expect(again.code).toBe('CONFLICT');
    expect(again.text.zh).toMatch(/已存在/);
    expect(again.text.en).toMatch(/already exists/);
  });

  it('reads a PDF downloaded from the server back to the same figures', async () => {
    const seeded = await tiantan2019();
    const pdf = await fetch(new URL(`/reports/${seeded.id}.pdf`, server.url), {
      headers: { cookie: filler.cookie },
    });
    const bytes = Buffer.from(await pdf.arrayBuffer());
    const reading = await filler.call('mutation', 'imports.read', { file: upload('report.pdf', bytes) });
    expect(reading.kind).toBe('pdf');
    expect(reading.unread).toEqual([]);
    for (const [cell, value] of Object.entries(seeded.data.cells)) {
      if (value !== null) expect(reading.data.cells[cell], cell).toEqual(value);
    }
  });
});

describe('report JSON into an existing draft', () => {
  it('saves it as a new version that shows in the revisions and can be restored', async () => {
    const [summary] = (await filler.call('query', 'reports.list', { year: 2021 })).rows;
    const before = await filler.call('query', 'reports.get', { id: summary.id });
    const json = JSON.stringify(example('demo-county-2021'));
    const saved = await filler.call('mutation', 'imports.into', {
      id: before.id,
      baseVersion: before.version,
      file: upload('demo.report.json', json),
    });
    expect(saved.version).toBe(before.version + 1);
    expect(saved.reading.kind).toBe('json');
    const after = await filler.call('query', 'reports.get', { id: before.id });
    expect(after.data.organisation).toEqual(before.data.organisation);
    expect(after.data.cells['t3.new_received.natural_person']).toBe(38);
    const revisions = await filler.call('query', 'reports.revisions', { id: before.id });
    expect(revisions[0]).toMatchObject({ version: saved.version, reason: 'import' });

    // Importing onto a version that is no longer the latest: refused, and the import is kept.
    const stale = await failure(
      filler.call('mutation', 'imports.into', {
        id: before.id,
        baseVersion: before.version,
        file: upload('demo.report.json', json),
      }),
    );
    expect(stale.code).toBe('CONFLICT');
    expect(await filler.call('query', 'reports.rejectedSaves', { id: before.id })).toHaveLength(1);

    const restored = await filler.call('mutation', 'reports.restore', {
      id: before.id,
      version: before.version,
      baseVersion: saved.version,
    });
    expect(restored.data.cells).toEqual(before.data.cells);
  });
});

describe('Word files and files that do not say whose report it is', () => {
  const page = readFileSync(
    new URL('../../../packages/import/test/fixtures/suqian-shuyang-drc-2023.txt', import.meta.url),
    'utf8',
  );

  it('reads a .docx with merged cells to the same figures as the page it was made from', async () => {
    const fromPage = await town.call('mutation', 'imports.read', { file: upload('page.html', page) });
    const docx = Buffer.from(await htmlToDocx(page));
    const fromWord = await town.call('mutation', 'imports.read', { file: upload('report.docx', docx) });
    expect(fromWord.kind).toBe('docx');
    expect(fromWord.data.cells).toEqual(fromPage.data.cells);
    expect(fromWord.provenance.year).toMatchObject({ value: 2023, source: 'title' });
    expect(fromWord.readings.find((r: { table: string }) => r.table === 't3').confirmedBy).toContain(
      'R3-RES',
    );
  });

  it('answers a .doc with what to do instead', async () => {
    const doc = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    const error = await failure(town.call('mutation', 'imports.read', { file: upload('report.doc', doc) }));
    expect(error.status).toBe(400);
    expect(error.message).toMatch(/另存为 \.docx 或 PDF.*save it as \.docx or PDF/);
  });

  it('asks for year and organisation when the file states neither, then reads it with them', async () => {
    const fragment = page.replace(
      /<title>.*<\/title>|<h1.*<\/h1>|<tr><td>(名称|发布机构).*<\/tr>|<p>[^<]*统计时限[^<]*<\/p>|<p>\s*2023年[^<]*<\/p>|<p>沭阳县发展和改革局<\/p>/g,
      '',
    );
    const error = await failure(
      town.call('mutation', 'imports.read', { file: upload('page.html', fragment) }),
    );
    expect(error.status).toBe(400);
    const issues = error.data.issues as { path: string[] }[];
    expect(issues.map((i) => i.path[0])).toEqual(['year', 'organisation']);
    expect(error.message).toMatch(/--year.*--org/);
    const reading = await town.call('mutation', 'imports.read', {
      file: upload('page.html', fragment),
      year: 2023,
      organisation: '沭阳县发展和改革局',
    });
    expect(reading.provenance).toMatchObject({
      year: { value: 2023, source: 'option' },
      organisation: { value: '沭阳县发展和改革局', source: 'option' },
    });
    const bad = await failure(
      town.call('mutation', 'imports.read', {
        file: upload('page.html', fragment),
        year: 2023,
        organisation: ' ',
      }),
    );
    expect(bad.status).toBe(400);
    expect(`${bad.message} ${JSON.stringify(bad.data.issues)}`).toMatch(/organisation/);
  });
});

describe('bad uploads', () => {
  it('answers each with a 4xx and a message that names the problem, and stores nothing', async () => {
    const [summary] = (await filler.call('query', 'reports.list', { year: 2021 })).rows;
    const { id, version } = await filler.call('query', 'reports.get', { id: summary.id });
    const badCell = { ...example('demo-county-2021') } as { cells: Record<string, unknown> };
    badCell.cells = { ...badCell.cells, 't3.new_received.natural_person': -3 };
    const wrongYear = { ...example('tiantan-2019') };
    const cases: [string, string, unknown, RegExp][] = [
      ['empty file', 'imports.create', { file: { name: 'a.txt', content: '' } }, /文件是空的.*empty/],
      ['not base64', 'imports.create', { file: { name: 'a.txt', content: '%%%' } }, /base64/],
      ['a Word file', 'imports.create', { file: upload('report.docx', 'PK\u0003\u0004') }, /\.docx.*PDF/],
      [
        'text without a report',
        'imports.create',
        { file: upload('notes.txt', '会议纪要\n今天天气很好') },
        /没有找到.*表格/,
      ],
      ['a broken PDF', 'imports.create', { file: upload('x.pdf', '%PDF-1.4 broken') }, /PDF/],
      [
        'invalid JSON',
        'imports.into',
        { id, baseVersion: version, file: upload('r.json', '{"year": 20') },
        /JSON/,
      ],
      [
        'a JSON that is no report',
        'imports.into',
        { id, baseVersion: version, file: upload('r.json', '{"a":1}') },
        /format|格式/,
      ],
      [
        'a negative count',
        'imports.into',
        { id, baseVersion: version, file: upload('r.json', JSON.stringify(badCell)) },
        /t3\.new_received\.natural_person|自然人/,
      ],
      [
        'another year’s report',
        'imports.into',
        { id, baseVersion: version, file: upload('r.json', JSON.stringify(wrongYear)) },
        /year|年度/,
      ],
      [
        'a file over 2.5 MB',
        'imports.create',
        { file: { name: 'big.txt', content: 'A'.repeat(3_600_000) } },
        /2\.5 MB/,
      ],
      [
        'another organisation',
        'imports.create',
        { organisationId: 1, file: upload('t.txt', TIANTAN_TEXT) },
        /本机关/,
      ],
    ];
    const before = await snapshot();
    for (const [name, path, input, pattern] of cases) {
      const error = await failure(filler.call('mutation', path, input));
      expect(error.status, name).toBeGreaterThanOrEqual(400);
      expect(error.status, name).toBeLessThan(500);
      expect(error.text.zh, name).toMatch(/[\u4e00-\u9fff]/);
      expect(error.text.en, name).toMatch(/^[^\u4e00-\u9fff]*[a-z]/);
      const details = `${error.text.zh} ${error.text.en} ${JSON.stringify(error.data.issues ?? '')}`;
      expect(details, name).toMatch(pattern);
    }
    // Over the 4 MB request limit: refused before it is read.
    const huge = await filler.mutate('imports.create', {
      file: { name: 'huge.pdf', content: 'A'.repeat(4_500_000) },
    });
    expect(huge.status).toBe(413);
    expect(await snapshot()).toBe(before);
  });
});
