/**
 * The parent body's desk and 汇总 at the scale of a city (3,000 bodies) and a province (20,000):
 * first page, counts, a filtered page, the name and 拼音 initials filters and the 汇总 preview, each
 * the median of 20 calls through the router. `pnpm bench` runs it on a SQLite file;
 * `NIANBAO_TEST_DB=postgres NIANBAO_TEST_PG_URL=<url>` runs it on a new database of that PostgreSQL
 * server. Targets: desk page ≤ 100 ms at 20,000, 汇总 of 3,000 reports ≤ 1 s.
 */

import { performance } from 'node:perf_hooks';
import { createOrganisation, createUser, seedReports, seedSubordinates } from '@nianbao/db';
import { createTestDatabase, testDatabaseKind } from '@nianbao/db/testing';
import { exampleText } from '@nianbao/examples';
import { createApiDeps, signedInCaller } from '../src/index.ts';

const DEMO = exampleText('demo-county-2021');
const RUNS = 20;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * Median wall time and median CPU time of this process per call, in ms. On a busy machine the wall
 * time is mostly waiting for a core; the CPU time is what the call costs.
 */
async function time(runs: number, f: () => Promise<unknown>): Promise<string> {
  await f();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const startCpu = process.cpuUsage();
    await f();
    const used = process.cpuUsage(startCpu);
    cpu.push((used.user + used.system) / 1000);
    wall.push(performance.now() - start);
  }
  return `${median(wall).toFixed(1)} ms (CPU ${median(cpu).toFixed(1)} ms)`;
}

async function scenario(bodies: number) {
  const target = await createTestDatabase();
  const db = await target.open();
  try {
    const root = await createOrganisation(db, { nameZh: '示范省人民政府' });
    const seedStart = performance.now();
    // Direct subordinates (the 汇总 sums these) and, below the first ones, the rest of the tree.
    const direct = await seedSubordinates(db, {
      parentId: root.id,
      count: Math.min(bodies, 3000),
      prefix: '单位',
    });
    const deeper =
      bodies > 3000
        ? await seedSubordinates(db, {
            parentId: direct[0]!,
            count: bodies - 3000,
            fanout: 50,
            prefix: '下级单位',
          })
        : [];
    const filler = await createUser(db, {
      login: 'bench-filler',
      displayName: 'filler',
      password: 'bench-filler-password',
      role: 'filler',
      organisationId: direct[0]!,
    });
    const statuses = ['draft', 'submitted', 'approved', 'returned'] as const;
    await seedReports(db, {
      organisationIds: [...direct, ...deeper].filter((_, i) => i % 10 !== 9),
      year: 2021,
      format: '2021',
      data: DEMO,
      userId: filler.id,
      status: (i) => (i % 3 === 0 ? 'approved' : statuses[i % 4]!),
    });
    const seedMs = performance.now() - seedStart;
    await createUser(db, {
      login: 'bench-reviewer',
      displayName: 'reviewer',
      password: 'bench-reviewer-password',
      role: 'reviewer',
      organisationId: root.id,
    });
    const api = await signedInCaller(createApiDeps({ db }), {
      login: 'bench-reviewer',
      password: 'bench-reviewer-password',
    });
    const first = await time(RUNS, () => api.desk.list({ year: 2021, page: 1, size: 50 }));
    const overdue = await time(RUNS, () =>
      api.desk.list({ year: 2021, overdue: true, sort: 'updatedAt', desc: true, page: 3, size: 50 }),
    );
    const named = await time(RUNS, () => api.desk.list({ year: 2021, name: '单位12', page: 1, size: 50 }));
    // 「dw12」: the 拼音 initials of 单位12 (and of 下级单位12…).
    const initials = await time(RUNS, () => api.desk.list({ year: 2021, name: 'dw12', page: 1, size: 50 }));
    const consolidate = await time(5, () => api.consolidate.preview({ year: 2021, includeDrafts: true }));
    console.log(
      `${String(bodies).padStart(6)} bodies (seeded in ${(seedMs / 1000).toFixed(1)} s): ` +
        `desk first page + counts ${first}, overdue page 3 sorted ${overdue}, ` +
        `name filter ${named}, initials filter ${initials}, 汇总 preview of ${Math.min(bodies, 3000)} ${consolidate} (medians)`,
    );
  } finally {
    await db.destroy();
    await target.drop();
  }
}

console.log(
  `desk and 汇总 (${testDatabaseKind() === 'postgres' ? 'PostgreSQL' : 'SQLite file'}; medians of ${RUNS}, 汇总 of 5)`,
);
for (const bodies of [3000, 20000]) await scenario(bodies);
