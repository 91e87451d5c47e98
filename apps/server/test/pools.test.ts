import { readdirSync, readFileSync } from 'node:fs';
import { newReport } from '@nianbao/schema';
import { describe, expect, it } from 'vitest';
import { ImportPool } from '../src/import/pool.ts';
import { RenderPool } from '../src/pdf/pool.ts';
import { WORKER_NICENESS } from '../src/workerPool.ts';

/** A thread's niceness (Linux: field 19 of its stat file). */
const niceness = (stat: string) => Number(readFileSync(stat, 'utf8').split(') ')[1]!.split(' ')[16]);
/** The niceness of each thread of this process. */
const threadNiceness = () =>
  readdirSync('/proc/self/task').map((id) => niceness(`/proc/self/task/${id}/stat`));

// A pool closed while its threads are still loading their module aborted the whole process (rarely: CI saw it once)
// (Node's require(esm) in a stopped thread: a V8 fatal error, not an exception). Closing at every
// moment of the load, from before it starts to after the warm-up, must leave this process running.
describe('worker pools', () => {
  it('can be closed at any moment while their threads start', { timeout: 120_000 }, async () => {
    for (let delay = 0; delay <= 600; delay += 40) {
      const pools = [new RenderPool({ threads: 2 }), new ImportPool({ threads: 1, warm: true })];
      await new Promise((resolve) => setTimeout(resolve, delay));
      await Promise.all(pools.map((pool) => pool.destroy()));
    }
    // And a pool left to start renders as before.
    const pool = new RenderPool({ threads: 1 });
    const report = newReport({ year: 2024, organisation: { zh: '某县人民政府' } });
    const result = await pool.render('one', () => ({ kind: 'html', lang: 'zh', report }));
    expect(result.ok && new TextDecoder().decode(result.body)).toContain('某县人民政府');
    await pool.destroy();
  });

  it.runIf(process.platform === 'linux')('render in threads that yield to the requests', async () => {
    const before = threadNiceness().filter((n) => n === WORKER_NICENESS).length;
    const pool = new RenderPool({ threads: 2 });
    const report = newReport({ year: 2024, organisation: { zh: '某县人民政府' } });
    await Promise.all(
      ['a', 'b'].map((key) => pool.render(key, () => ({ kind: 'html', lang: 'zh', report }))),
    );
    // Two more threads run niced, and this (the requests') thread is not.
    expect(threadNiceness().filter((n) => n === WORKER_NICENESS).length).toBe(before + 2);
    expect(niceness('/proc/thread-self/stat')).toBe(0);
    await pool.destroy();
  });
});
