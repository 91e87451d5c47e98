import { newReport, type ReportData } from '@nianbao/schema';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Conflict, type Pending, readPending, type SaveFailure, SaveQueue } from './saveQueue.ts';

/** A server that keeps one report's version and can be told to fail the next saves. */
class FakeServer {
  version = 3;
  saved: { baseVersion: number; data: ReportData }[] = [];
  failures: ('offline' | 'error' | 'conflict')[] = [];
  theirs = newReport({ year: 2024, organisation: { zh: '他人的版本' } });
  async save(baseVersion: number, data: ReportData) {
    await Promise.resolve();
    const failure = this.failures.shift();
    if (failure) throw new Error(failure);
    if (baseVersion !== this.version) throw new Error('conflict');
    this.saved.push({ baseVersion, data });
    this.version++;
    return { version: this.version, data };
  }
  classify = (error: unknown): SaveFailure => {
    const kind = (error as Error).message;
    if (kind === 'conflict') {
      return {
        kind,
        theirs: {
          version: this.version,
          data: this.theirs,
          updatedAt: '2025-01-01T00:00:00Z',
          updatedBy: null,
        },
      } as SaveFailure;
    }
    return kind === 'offline' ? { kind } : { kind: 'error' };
  };
}

class MemoryStorage {
  items = new Map<string, string>();
  getItem = (k: string) => this.items.get(k) ?? null;
  setItem = (k: string, v: string) => void this.items.set(k, v);
  removeItem = (k: string) => void this.items.delete(k);
}

const typed = (mark: string): ReportData => {
  const data = newReport({ year: 2024, organisation: { zh: '某县人民政府' } });
  data.narrative['s1.active'] = { zh: mark };
  return data;
};

let server: FakeServer;
let storage: MemoryStorage;
let form: ReportData | undefined;
let queue: SaveQueue;

beforeEach(() => {
  vi.useFakeTimers();
  server = new FakeServer();
  storage = new MemoryStorage();
  form = typed('');
  queue = new SaveQueue({
    id: 7,
    version: 3,
    save: (v, d) => server.save(v, d),
    classify: server.classify,
    getData: () => form,
    storage,
    delayMs: 1000,
    retryMs: 5000,
  });
});
afterEach(() => vi.useRealTimers());

const type = (mark: string) => {
  form = typed(mark);
  queue.changed(form);
};

describe('SaveQueue', () => {
  it('saves once typing has stopped for the delay, on top of the version it owns', async () => {
    const states: string[] = [];
    queue.subscribe(() => states.push(queue.snapshot().state));
    type('a');
    await vi.advanceTimersByTimeAsync(500);
    type('ab');
    await vi.advanceTimersByTimeAsync(999);
    expect(server.saved).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(server.saved).toEqual([{ baseVersion: 3, data: typed('ab') }]);
    expect(queue.snapshot()).toMatchObject({ state: 'saved', version: 4, error: null });
    expect(states).toEqual(['dirty', 'saving', 'saved']);
    type('abc');
    await vi.advanceTimersByTimeAsync(1000);
    expect(server.saved.at(-1)!.baseVersion).toBe(4);
    expect(queue.version).toBe(5);
    // Nothing left in the browser once the server has everything.
    expect(readPending(7, storage)).toBeUndefined();
  });

  it('keeps typing made during a save, and sends it after', async () => {
    type('a');
    await vi.advanceTimersByTimeAsync(1000);
    expect(queue.snapshot().state).toBe('saved');
    type('ab');
    const flushing = queue.flush();
    type('abc'); // while the save of 'ab' is under way
    expect(await flushing).toBe(false);
    expect(queue.snapshot().state).toBe('dirty');
    await vi.advanceTimersByTimeAsync(1000);
    expect(server.saved.map((s) => s.data.narrative['s1.active']?.zh)).toEqual(['a', 'ab', 'abc']);
    expect(queue.snapshot().state).toBe('saved');
  });

  it('keeps the work in storage while offline and sends it when the server answers again', async () => {
    server.failures.push('offline', 'offline');
    type('offline work');
    await vi.advanceTimersByTimeAsync(1000);
    expect(queue.snapshot().state).toBe('offline');
    const kept = readPending(7, storage) as Pending;
    expect(kept.baseVersion).toBe(3);
    expect(kept.data.narrative['s1.active']?.zh).toBe('offline work');
    await vi.advanceTimersByTimeAsync(5000);
    expect(queue.snapshot().state).toBe('offline');
    await vi.advanceTimersByTimeAsync(5000);
    expect(queue.snapshot()).toMatchObject({ state: 'saved', version: 4 });
    expect(readPending(7, storage)).toBeUndefined();
  });

  it('stops at a conflict with both versions, and continues on theirs after the merge', async () => {
    server.version = 9; // someone else saved meanwhile
    type('mine');
    await vi.advanceTimersByTimeAsync(1000);
    const conflict = queue.snapshot().conflict as Conflict;
    expect(queue.snapshot().state).toBe('conflict');
    expect(conflict.theirs.version).toBe(9);
    expect(conflict.yours.narrative['s1.active']?.zh).toBe('mine');
    // Changes do not send anything while the conflict stands; leaving the page keeps them.
    type('mine, more');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(server.saved).toHaveLength(0);
    expect(await queue.flush()).toBe(false);
    queue.keepLocally(); // pagehide
    expect(readPending(7, storage)).toMatchObject({ baseVersion: 3 });
    expect(readPending(7, storage)?.data.narrative['s1.active']?.zh).toBe('mine, more');
    form = typed('merged');
    queue.resolved(9);
    await vi.runAllTimersAsync();
    expect(server.saved).toEqual([{ baseVersion: 9, data: typed('merged') }]);
    expect(queue.snapshot()).toMatchObject({ state: 'saved', version: 10, conflict: null });
  });

  it('says why a save was refused, and does not retry on its own', async () => {
    server.failures.push('error');
    type('too long');
    expect(await queue.flush()).toBe(false);
    expect(queue.snapshot().state).toBe('error');
    expect((queue.error as Error).message).toBe('error');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(server.saved).toHaveLength(0);
    type('shorter');
    await vi.advanceTimersByTimeAsync(1000);
    expect(queue.snapshot()).toMatchObject({ state: 'saved', error: null, version: 4 });
  });

  it('builds on the version the server moved to (a status change, a restore)', async () => {
    server.version = 6;
    queue.setVersion(6);
    expect(queue.version).toBe(6);
    type('after restore');
    await vi.advanceTimersByTimeAsync(1000);
    expect(server.saved[0]!.baseVersion).toBe(6);
  });

  it('on leaving, keeps pending work in storage and sends it, also when the form is gone', async () => {
    type('left behind');
    form = undefined; // the form has unmounted
    queue.dispose();
    expect(readPending(7, storage)?.data.narrative['s1.active']?.zh).toBe('left behind');
    await vi.runAllTimersAsync();
    expect(server.saved[0]!.data.narrative['s1.active']?.zh).toBe('left behind');
    expect(readPending(7, storage)).toBeUndefined();
  });
});
