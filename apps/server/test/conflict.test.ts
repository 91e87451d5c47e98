import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, example, failure, type TestServer, testServer } from './helpers.ts';

let server: TestServer;
let reportId: number;

const base = () => ({ ...example('demo-county-2021'), organisation: { zh: '天坛街道办事处' } });

beforeAll(async () => {
  server = await testServer();
  const client = new Client(server.url);
  await client.login('tiantan', 'tiantan-demo');
  reportId = (await client.call('query', 'reports.list', { year: 2021 })).rows[0].id;
});
afterAll(() => server.stop());

function withNarrative(data: Record<string, unknown>, text: string) {
  const narrative = { ...(data.narrative as Record<string, { zh: string; en?: string }>) };
  narrative['s1.active'] = { zh: text, en: narrative['s1.active']?.en };
  return { ...data, narrative };
}

describe('two people saving the same version', () => {
  it('saves one, answers CONFLICT with the current data to the other, and loses neither', async () => {
    const alice = new Client(server.url);
    const bob = new Client(server.url);
    await alice.login('tiantan', 'tiantan-demo');
    await bob.login('tiantan', 'tiantan-demo');
    const start = await alice.call('query', 'reports.get', { id: reportId });

    const aliceData = withNarrative(base(), '甲的版本：总体情况。');
    const bobData = withNarrative(base(), '乙的版本：总体情况。');
    const results = await Promise.allSettled([
      alice.call('mutation', 'reports.save', { id: reportId, baseVersion: start.version, data: aliceData }),
      bob.call('mutation', 'reports.save', { id: reportId, baseVersion: start.version, data: bobData }),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const conflict = lost[0]!.reason as {
      code: string;
      status: number;
      data: {
        conflict: {
          rejectedSaveId: number;
          version: number;
          data: { narrative: Record<string, { zh: string }> };
        };
      };
    };
    expect(conflict.code).toBe('CONFLICT');
    expect(conflict.status).toBe(409);
    const winnerText = conflict.data.conflict.data.narrative['s1.active']!.zh;
    expect(conflict.data.conflict.version).toBe(start.version + 1);
    const loserIsBob = winnerText.startsWith('甲');
    const loser = loserIsBob ? bob : alice;
    const loserData = loserIsBob ? bobData : aliceData;

    // The losing save is kept as it was sent: both sides are on the server even before any merge.
    const rejected = await alice.call('query', 'reports.rejectedSaves', { id: reportId });
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toMatchObject({
      id: conflict.data.conflict.rejectedSaveId,
      baseVersion: start.version,
    });
    expect(rejected[0].data.narrative['s1.active'].zh).toBe(
      (loserData.narrative as Record<string, { zh: string }>)['s1.active']!.zh,
    );

    // The loser merges (here: keeps both paragraphs) and saves on top of the current version.
    const merged = withNarrative(
      loserData,
      `${winnerText}\n${(loserData.narrative as Record<string, { zh: string }>)['s1.active']!.zh}`,
    );
    const again = await loser.call('mutation', 'reports.save', {
      id: reportId,
      baseVersion: conflict.data.conflict.version,
      data: merged,
    });
    expect(again.version).toBe(start.version + 2);

    const revisions = await alice.call('query', 'reports.revisions', { id: reportId });
    expect(revisions.map((r: { version: number }) => r.version)).toEqual([
      start.version + 2,
      start.version + 1,
      start.version,
    ]);
    const texts = [];
    for (const v of [start.version + 1, start.version + 2]) {
      texts.push(
        (await alice.call('query', 'reports.revision', { id: reportId, version: v })).data.narrative[
          's1.active'
        ].zh,
      );
    }
    expect(texts[0]).toBe(winnerText);
    expect(texts[1]).toContain('甲的版本');
    expect(texts[1]).toContain('乙的版本');

    // Restoring an earlier version is itself a new version; the history keeps everything.
    const restored = await bob.call('mutation', 'reports.restore', {
      id: reportId,
      version: start.version + 1,
      baseVersion: start.version + 2,
    });
    expect(restored.version).toBe(start.version + 3);
    expect(restored.data.narrative['s1.active'].zh).toBe(winnerText);
    const stale = await failure(
      alice.call('mutation', 'reports.restore', {
        id: reportId,
        version: start.version,
        baseVersion: start.version + 2,
      }),
    );
    expect(stale.code).toBe('CONFLICT');
  });

  it('loses no update when 12 clients keep saving on each other: each retries on CONFLICT', async () => {
    const clients = await Promise.all(
      Array.from({ length: 12 }, async () => {
        const c = new Client(server.url);
        await c.login('tiantan', 'tiantan-demo');
        return c;
      }),
    );
    let conflicts = 0;
    // Each client appends its mark to the text on top of what it last read.
    await Promise.all(
      clients.map(async (client, i) => {
        for (;;) {
          const current = await client.call('query', 'reports.get', { id: reportId });
          const text = `${current.data.narrative['s1.active'].zh}[${i}]`;
          try {
            await client.call('mutation', 'reports.save', {
              id: reportId,
              baseVersion: current.version,
              data: withNarrative(current.data, text),
            });
            return;
          } catch (error) {
            if ((error as { code?: string }).code !== 'CONFLICT') throw error;
            conflicts++;
          }
        }
      }),
    );
    const final = await clients[0]!.call('query', 'reports.get', { id: reportId });
    for (let i = 0; i < clients.length; i++) expect(final.data.narrative['s1.active'].zh).toContain(`[${i}]`);
    const revisions = await clients[0]!.call('query', 'reports.revisions', { id: reportId });
    expect(revisions[0].version).toBe(final.version);
    // Versions are consecutive: every successful save is one revision.
    expect(revisions.map((r: { version: number }) => r.version)).toEqual(
      Array.from({ length: final.version }, (_, k) => final.version - k),
    );
    expect(conflicts).toBeGreaterThan(0);
  });
});
