/**
 * Autosave: a save shortly after typing stops, on top of the version the user is editing. What has
 * not reached the server is kept in the browser and sent when the server can be reached again; a
 * stale version ends in the conflict screen, never in lost work.
 */
import type { ConflictDetails } from '@nianbao/api';
import type { ReportData } from '@nianbao/schema';
import { useCallback, useEffect, useRef, useState } from 'react';
import { type Client, errorCode, isApiError, isNetworkError } from './trpc.ts';

export type SaveState = 'saved' | 'dirty' | 'saving' | 'offline' | 'error' | 'conflict';

export interface Pending {
  baseVersion: number;
  data: ReportData;
  at: string;
}

const DELAY_MS = 1000;
const RETRY_MS = 5000;

const pendingKey = (id: number) => `nianbao.pending.${id}`;

export function readPending(id: number): Pending | undefined {
  try {
    const raw = localStorage.getItem(pendingKey(id));
    return raw ? (JSON.parse(raw) as Pending) : undefined;
  } catch {
    return undefined;
  }
}

export interface Conflict {
  theirs: ConflictDetails & { data: ReportData };
  yours: ReportData;
}

export function useAutosave(options: {
  client: Client;
  id: number;
  version: number;
  /** The data to save (empty cells as 0), or undefined once the form is gone. */
  getData: () => ReportData | undefined;
  onSaved?: (result: { version: number; data: ReportData }) => void;
}) {
  const { client, id } = options;
  const version = useRef(options.version);
  const getData = useRef(options.getData);
  getData.current = options.getData;
  const onSaved = useRef(options.onSaved);
  onSaved.current = options.onSaved;
  const [state, setState] = useState<SaveState>('saved');
  const [error, setErrorState] = useState<unknown>(null);
  // Read right after a flush, before React has rendered the new state.
  const lastError = useRef<unknown>(null);
  const setError = useCallback((e: unknown) => {
    lastError.current = e;
    setErrorState(e);
  }, []);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const changes = useRef(0);
  const savedChanges = useRef(0);
  const running = useRef<Promise<void> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const blocked = useRef(false);
  // The form's last data, for when the form has unmounted (leaving the page with changes pending).
  const lastData = useRef<ReportData | undefined>(undefined);
  const dataNow = useCallback(() => getData.current() ?? lastData.current, []);

  const keepLocally = useCallback(() => {
    const data = dataNow();
    if (changes.current === savedChanges.current || !data) return;
    const pending: Pending = { baseVersion: version.current, data, at: new Date().toISOString() };
    try {
      localStorage.setItem(pendingKey(id), JSON.stringify(pending));
    } catch {
      // A full storage loses only the offline copy; the next save still sends everything.
    }
  }, [id, dataNow]);

  const flush = useCallback(async (): Promise<boolean> => {
    clearTimeout(timer.current);
    while (running.current) await running.current;
    if (blocked.current) return false;
    if (changes.current === savedChanges.current) return true;
    const upTo = changes.current;
    const data = dataNow();
    if (!data) return false;
    keepLocally();
    setState('saving');
    let ok = false;
    const attempt = (async () => {
      try {
        const result = await client.reports.save.mutate({ id, baseVersion: version.current, data });
        version.current = result.version;
        savedChanges.current = upTo;
        setSavedAt(new Date());
        setError(null);
        onSaved.current?.({ version: result.version, data: result.data });
        ok = true;
        if (changes.current === upTo) {
          localStorage.removeItem(pendingKey(id));
          setState('saved');
        } else {
          setState('dirty');
          timer.current = setTimeout(() => void flush(), DELAY_MS);
        }
      } catch (e) {
        setError(e);
        if (errorCode(e) === 'CONFLICT' && isApiError(e) && e.data?.conflict) {
          blocked.current = true;
          setConflict({ theirs: e.data.conflict as Conflict['theirs'], yours: data });
          setState('conflict');
        } else if (isNetworkError(e)) {
          setState('offline');
          timer.current = setTimeout(() => void flush(), RETRY_MS);
        } else {
          setState('error');
        }
      }
    })();
    running.current = attempt;
    await attempt;
    running.current = null;
    return ok && changes.current === savedChanges.current;
  }, [client, id, keepLocally, dataNow, setError]);

  /** Call after every change of the form. */
  const changed = useCallback(
    (data?: ReportData) => {
      if (data) lastData.current = data;
      changes.current++;
      if (blocked.current) return;
      setState((s) => (s === 'offline' || s === 'saving' ? s : 'dirty'));
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), DELAY_MS);
    },
    [flush],
  );

  /** After the conflict screen: continue on top of their version with the merged data. */
  const resolved = useCallback(
    (theirVersion: number) => {
      version.current = theirVersion;
      blocked.current = false;
      setConflict(null);
      changes.current++;
      void flush();
    },
    [flush],
  );

  /** The user met the conflict by opening the page with an outdated local copy. */
  const startConflict = useCallback((c: Conflict) => {
    blocked.current = true;
    changes.current++;
    setConflict(c);
    setState('conflict');
  }, []);

  /** The server moved the report on (a status change, a restore): continue from its version. */
  const setVersion = useCallback((v: number) => {
    version.current = v;
  }, []);

  useEffect(() => {
    const online = () => void flush();
    const hide = () => keepLocally();
    window.addEventListener('online', online);
    window.addEventListener('pagehide', hide);
    return () => {
      window.removeEventListener('online', online);
      window.removeEventListener('pagehide', hide);
      // Leaving the report: keep what is pending and send it now rather than at the next visit.
      keepLocally();
      clearTimeout(timer.current);
      void flush();
    };
  }, [flush, keepLocally]);

  return {
    state,
    error,
    lastError,
    conflict,
    savedAt,
    version,
    changed,
    flush,
    resolved,
    startConflict,
    setVersion,
  };
}
