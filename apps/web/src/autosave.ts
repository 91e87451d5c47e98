/**
 * Autosave in React: the page's `SaveQueue` (saveQueue.ts, which owns the version and the pending
 * work), its state as React state, and the browser's events: sent again when the connection comes
 * back, kept in localStorage when the page goes away, flushed when the report is left.
 */
import type { ReportData } from '@nianbao/schema';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { type SaveFailure, SaveQueue } from './saveQueue.ts';
import { type Client, errorCode, isApiError, isNetworkError } from './trpc.ts';

export { type Conflict, readPending } from './saveQueue.ts';

/** A refused save as the queue needs it: a version conflict (with theirs), no connection, or an error. */
function classify(error: unknown): SaveFailure {
  if (errorCode(error) === 'CONFLICT' && isApiError(error) && error.data?.conflict) {
    return {
      kind: 'conflict',
      theirs: error.data.conflict as Extract<SaveFailure, { kind: 'conflict' }>['theirs'],
    };
  }
  return isNetworkError(error) ? { kind: 'offline' } : { kind: 'error' };
}

export function useAutosave(options: {
  client: Client;
  id: number;
  version: number;
  /** The data to save, or undefined once the form is gone. */
  getData: () => ReportData | undefined;
}) {
  const { client, id } = options;
  const [queue] = useState(
    () =>
      new SaveQueue({
        id,
        version: options.version,
        save: (baseVersion, data) => client.reports.save.mutate({ id, baseVersion, data }),
        classify,
        getData: options.getData,
        storage: localStorage,
      }),
  );
  queue.setGetData(options.getData);
  const snapshot = useSyncExternalStore(queue.subscribe, queue.snapshot);

  useEffect(() => {
    const online = () => void queue.flush();
    window.addEventListener('online', online);
    window.addEventListener('pagehide', queue.keepLocally);
    return () => {
      window.removeEventListener('online', online);
      window.removeEventListener('pagehide', queue.keepLocally);
      queue.dispose();
    };
  }, [queue]);

  return { ...snapshot, queue };
}
