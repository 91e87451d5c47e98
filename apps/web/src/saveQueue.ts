/**
 * The autosave queue, without React: the one owner of the version the user is editing on top of.
 * A save goes out shortly after typing stops; one save at a time; what has not reached the server is
 * kept in storage and sent again when the server can be reached; a stale version stops the queue
 * with the conflict (never lost work) until the user has merged. `useAutosave` (autosave.ts) wires it
 * to React and the browser; the tests drive it with fake timers and a fake server.
 */
import type { ConflictDetails } from '@nianbao/api';
import type { ReportData } from '@nianbao/schema';

export type SaveState = 'saved' | 'dirty' | 'saving' | 'offline' | 'error' | 'conflict';

/** Work kept in the browser until the server has it. */
export interface Pending {
  baseVersion: number;
  data: ReportData;
  at: string;
}

export interface Conflict {
  theirs: ConflictDetails & { data: ReportData };
  yours: ReportData;
}

/** What the server's refusal means for the queue. */
export type SaveFailure =
  | { kind: 'conflict'; theirs: Conflict['theirs'] }
  | { kind: 'offline' }
  | { kind: 'error' };

/** What a screen shows; a new object whenever something in it changes. */
export interface SaveSnapshot {
  state: SaveState;
  /** The version the next save builds on (the last one the server accepted, or theirs after a merge). */
  version: number;
  error: unknown;
  conflict: Conflict | null;
  savedAt: Date | null;
}

export interface SaveQueueOptions {
  id: number;
  version: number;
  save: (baseVersion: number, data: ReportData) => Promise<{ version: number; data: ReportData }>;
  classify: (error: unknown) => SaveFailure;
  /** The form's data now, or undefined once the form is gone. */
  getData: () => ReportData | undefined;
  onSaved?: (result: { version: number; data: ReportData }) => void;
  storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  delayMs?: number;
  retryMs?: number;
}

const pendingKey = (id: number) => `nianbao.pending.${id}`;

/** The work a previous visit left unsent, if any. */
export function readPending(
  id: number,
  storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage,
): Pending | undefined {
  try {
    const raw = storage?.getItem(pendingKey(id));
    return raw ? (JSON.parse(raw) as Pending) : undefined;
  } catch {
    return undefined;
  }
}

export class SaveQueue {
  private snap: SaveSnapshot;
  private readonly listeners = new Set<() => void>();
  private changes = 0;
  private savedChanges = 0;
  private running: Promise<void> | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private blocked = false;
  /** The form's last data, for when the form has unmounted with changes pending. */
  private lastData: ReportData | undefined;
  private readonly delayMs: number;
  private readonly retryMs: number;

  constructor(private readonly options: SaveQueueOptions) {
    this.snap = { state: 'saved', version: options.version, error: null, conflict: null, savedAt: null };
    this.delayMs = options.delayMs ?? 1000;
    this.retryMs = options.retryMs ?? 5000;
  }

  // Arrow properties: handed to useSyncExternalStore and event handlers as they are.
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly snapshot = (): SaveSnapshot => this.snap;

  get version(): number {
    return this.snap.version;
  }

  /** The reason of the last refused save, readable right after `flush()` resolves. */
  get error(): unknown {
    return this.snap.error;
  }

  /** The form's data getter changes with each render of the form's owner. */
  setGetData(getData: () => ReportData | undefined): void {
    this.options.getData = getData;
  }

  private set(change: Partial<SaveSnapshot>): void {
    this.snap = { ...this.snap, ...change };
    for (const listener of this.listeners) listener();
  }

  private dataNow(): ReportData | undefined {
    return this.options.getData() ?? this.lastData;
  }

  private schedule(ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), ms);
  }

  /** Keeps unsent work in storage (also on leaving the page). */
  readonly keepLocally = (): void => {
    const data = this.dataNow();
    if (this.changes === this.savedChanges || !data) return;
    const pending: Pending = { baseVersion: this.snap.version, data, at: new Date().toISOString() };
    try {
      this.options.storage?.setItem(pendingKey(this.options.id), JSON.stringify(pending));
    } catch {
      // A full storage loses only the offline copy; the next save still sends everything.
    }
  };

  /** Sends what is pending now; true when everything typed so far is on the server. */
  readonly flush = async (): Promise<boolean> => {
    clearTimeout(this.timer);
    while (this.running) await this.running;
    if (this.blocked) return false;
    if (this.changes === this.savedChanges) return true;
    const upTo = this.changes;
    const data = this.dataNow();
    if (!data) return false;
    this.keepLocally();
    this.set({ state: 'saving' });
    let ok = false;
    const attempt = (async () => {
      try {
        const result = await this.options.save(this.snap.version, data);
        this.savedChanges = upTo;
        ok = true;
        const more = this.changes !== upTo;
        if (!more) this.options.storage?.removeItem(pendingKey(this.options.id));
        this.set({
          version: result.version,
          savedAt: new Date(),
          error: null,
          state: more ? 'dirty' : 'saved',
        });
        this.options.onSaved?.(result);
        if (more) this.schedule(this.delayMs);
      } catch (e) {
        const failure = this.options.classify(e);
        if (failure.kind === 'conflict') {
          this.blocked = true;
          this.set({ error: e, state: 'conflict', conflict: { theirs: failure.theirs, yours: data } });
        } else if (failure.kind === 'offline') {
          this.set({ error: e, state: 'offline' });
          this.schedule(this.retryMs);
        } else {
          this.set({ error: e, state: 'error' });
        }
      }
    })();
    this.running = attempt;
    await attempt;
    this.running = null;
    return ok && this.changes === this.savedChanges;
  };

  /** Call after every change of the form. */
  readonly changed = (data?: ReportData): void => {
    if (data) this.lastData = data;
    this.changes++;
    if (this.blocked) return;
    if (this.snap.state !== 'offline' && this.snap.state !== 'saving' && this.snap.state !== 'dirty')
      this.set({ state: 'dirty' });
    this.schedule(this.delayMs);
  };

  /** After the conflict screen: continue on top of their version with the merged data. */
  resolved(theirVersion: number): void {
    this.blocked = false;
    this.changes++;
    this.set({ version: theirVersion, conflict: null });
    void this.flush();
  }

  /** The user met the conflict by opening the page with an outdated copy kept in the browser. */
  startConflict(conflict: Conflict): void {
    this.blocked = true;
    this.changes++;
    this.set({ conflict, state: 'conflict' });
  }

  /** The server moved the report on (a status change, a restore, an import): continue from its version. */
  setVersion(version: number): void {
    if (version !== this.snap.version) this.set({ version });
  }

  /** Leaving the report: keep what is pending and send it now rather than at the next visit. */
  dispose(): void {
    this.keepLocally();
    clearTimeout(this.timer);
    void this.flush();
  }
}
