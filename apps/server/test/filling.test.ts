/**
 * Filling in as staff do (issue 18), over HTTP on both databases: a blank cell stays blank through
 * save, conflict and restore; a report of nothing but zeros is submitted only with the filler's
 * confirmation; a reviewer's reopening needs a reason, which the filler then sees.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, example, failure, type TestServer, testServer } from './helpers.ts';

let server: TestServer;
let filler: Client;
let reviewer: Client;

beforeAll(async () => {
  server = await testServer();
  filler = new Client(server.url);
  await filler.login('tiantan', 'tiantan-demo');
  reviewer = new Client(server.url);
  await reviewer.login('reviewer', 'reviewer-demo');
});
afterAll(() => server.stop());

/** Tiantan's report of a year, with every required narrative block written. */
async function report(year: number) {
  const created = await filler.call('mutation', 'reports.create', { year });
  const narrative = Object.fromEntries(
    Object.keys(created.data.narrative).map((block) => [block, { zh: '本年度情况见下表。' }]),
  );
  return {
    id: created.id as number,
    version: created.version as number,
    data: { ...created.data, narrative },
  };
}

describe('blank is not 0', () => {
  it('keeps blank cells blank through save, conflict and restore; totals count them as 0', async () => {
    const r = await report(2022);
    const cells = { ...r.data.cells, 't3.new_received.natural_person': 3, 't3.granted.natural_person': null };
    const first = await filler.call('mutation', 'reports.save', {
      id: r.id,
      baseVersion: r.version,
      data: { ...r.data, cells },
    });
    const stored = await filler.call('query', 'reports.get', { id: r.id });
    expect(stored.data.cells['t3.granted.natural_person']).toBeNull();
    expect(stored.data.cells['t2.rules.issued'] ?? null).toBeNull();
    expect(stored.data.cells['t3.new_received.total']).toBe(3);
    expect(stored.findings.some((f: { rule: string }) => f.rule === 'T-BLANK')).toBe(true);

    const zero = { ...cells, 't3.granted.natural_person': 0 };
    const second = await filler.call('mutation', 'reports.save', {
      id: r.id,
      baseVersion: first.version,
      data: { ...r.data, cells: zero },
    });
    const stale = await failure(
      filler.call('mutation', 'reports.save', { id: r.id, baseVersion: first.version, data: r.data }),
    );
    expect(stale.code).toBe('CONFLICT');
    const theirs = (stale.data.conflict as { data: { cells: Record<string, unknown> } }).data.cells;
    expect(theirs['t3.granted.natural_person']).toBe(0);
    expect(theirs['t3.granted.legal_person'] ?? null).toBeNull();

    const restored = await filler.call('mutation', 'reports.restore', {
      id: r.id,
      version: first.version,
      baseVersion: second.version,
    });
    expect(restored.data.cells['t3.granted.natural_person']).toBeNull();
    const after = await filler.call('query', 'reports.get', { id: r.id });
    expect(after.data.cells['t3.granted.natural_person']).toBeNull();
  });
});

describe('a report of nothing but zeros', () => {
  it('is submitted only with allZeroConfirmed; the refusal names the field in both languages', async () => {
    const r = await report(2023);
    const saved = await filler.call('mutation', 'reports.save', {
      id: r.id,
      baseVersion: r.version,
      data: r.data,
    });
    expect(saved.errors).toBe(0);
    const refused = await failure(
      filler.call('mutation', 'reports.submit', { id: r.id, version: saved.version }),
    );
    expect(refused.status).toBe(412);
    expect(refused.message).toContain('allZeroConfirmed');
    expect(refused.message).toContain('全部表格都是 0 或空白');
    expect(refused.message).toContain('really had none');
    expect((refused.data.issues as { path: string[] }[])[0]!.path).toEqual(['allZeroConfirmed']);
    expect((await filler.call('query', 'reports.get', { id: r.id })).status).toBe('draft');
    const submitted = await filler.call('mutation', 'reports.submit', {
      id: r.id,
      version: saved.version,
      allZeroConfirmed: true,
    });
    expect(submitted.status).toBe('submitted');
  });

  it('needs no confirmation when a table has a figure', async () => {
    const demo = example('demo-county-2021') as { cells: Record<string, unknown> };
    const r = await report(2024);
    const saved = await filler.call('mutation', 'reports.save', {
      id: r.id,
      baseVersion: r.version,
      data: { ...r.data, cells: demo.cells },
    });
    const submitted = await filler.call('mutation', 'reports.submit', { id: r.id, version: saved.version });
    expect(submitted.status).toBe('submitted');

    // Reopening by a reviewer asks for a reason, which the filler then sees on the draft.
    const bare = await failure(
      reviewer.call('mutation', 'reports.reopen', { id: r.id, version: saved.version }),
    );
    expect(bare.status).toBe(400);
    expect(bare.message).toContain('reason');
    expect(bare.message).toContain('重新打开的理由');
    await reviewer.call('mutation', 'reports.reopen', {
      id: r.id,
      version: saved.version,
      reason: '表三的数字与台账不符，请核对',
    });
    const reopened = await filler.call('query', 'reports.get', { id: r.id });
    expect(reopened.status).toBe('draft');
    expect(reopened.reopened).toMatchObject({
      reason: '表三的数字与台账不符，请核对',
      by: { displayName: '示范区 审核人' },
    });
    // Submitted again, the reason is no longer shown.
    await filler.call('mutation', 'reports.submit', { id: r.id, version: saved.version });
    await reviewer.call('mutation', 'reports.approve', { id: r.id, version: saved.version });
    expect((await filler.call('query', 'reports.get', { id: r.id })).reopened).toBeNull();
  });
});

describe('carry-over', () => {
  it("says which version of last year's report the carry-over comes from: the approved one first", async () => {
    const list = (await filler.call('query', 'reports.list', {})).rows;
    const last = list.find((r: { year: number }) => r.year === 2021);
    const next = list.find((r: { year: number }) => r.year === 2022);
    const draft = await filler.call('query', 'reports.get', { id: next.id });
    expect(draft.previousYear).toEqual({ id: last.id, version: last.version, status: 'draft' });

    // Last year's report approved, then reopened and changed: the approved version still counts.
    const demo = example('demo-county-2021') as { cells: Record<string, number> };
    const complete = { ...demo, organisation: { zh: '天坛街道办事处' } };
    const saved = await filler.call('mutation', 'reports.save', {
      id: last.id,
      baseVersion: last.version,
      data: complete,
    });
    await filler.call('mutation', 'reports.submit', { id: last.id, version: saved.version });
    await reviewer.call('mutation', 'reports.approve', { id: last.id, version: saved.version });
    const approved = await filler.call('query', 'reports.get', { id: next.id });
    expect(approved.previousYear).toEqual({ id: last.id, version: saved.version, status: 'approved' });
    await reviewer.call('mutation', 'reports.reopen', {
      id: last.id,
      version: saved.version,
      reason: '更正表二',
    });
    const changed = structuredClone(complete);
    changed.cells['t3.carried_forward.natural_person'] = 99;
    const later = await filler.call('mutation', 'reports.save', {
      id: last.id,
      baseVersion: saved.version,
      data: changed,
    });
    expect(later.version).toBeGreaterThan(saved.version);
    const still = await filler.call('query', 'reports.get', { id: next.id });
    expect(still.previousYear).toEqual({ id: last.id, version: saved.version, status: 'approved' });
    const carried = (complete as { cells: Record<string, number> }).cells[
      't3.carried_forward.natural_person'
    ];
    expect(
      still.findings.some(
        (f: { rule: string; expected?: string }) => f.rule === 'X-CARRY' && f.expected === String(carried),
      ),
    ).toBe(true);
  });

  it('keeps the reason for a carried-over figure that differs, as a note for the reviewer', async () => {
    const list = (await filler.call('query', 'reports.list', {})).rows;
    const next = list.find((r: { year: number }) => r.year === 2022);
    const current = await filler.call('query', 'reports.get', { id: next.id });
    const carryNote = '上年报告结转数有误，已按台账更正为 5 件。';
    await filler.call('mutation', 'reports.save', {
      id: next.id,
      baseVersion: current.version,
      data: { ...current.data, carryNote },
    });
    expect((await reviewer.call('query', 'reports.get', { id: next.id })).data.carryNote).toBe(carryNote);
    const tooLong = await failure(
      filler.call('mutation', 'reports.save', {
        id: next.id,
        baseVersion: current.version + 1,
        data: { ...current.data, carryNote: '长'.repeat(2001) },
      }),
    );
    expect(tooLong.status).toBe(400);
    expect(tooLong.message).toContain('carryNote');
    expect(tooLong.message).toContain('结转数说明');
  });
});
