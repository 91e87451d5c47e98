import type { ReportEvent, RevisionSummary } from '@nianbao/api';
import { getFormat, type Lang } from '@nianbao/schema';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { type Difference, differences } from './differences.ts';
import { historyWords as h } from './historyWords.ts';
import { formatTime, t, useLang } from './i18n.ts';
import { useTRPC } from './trpc.ts';

function reasonText(reason: string, lang: Lang): string {
  const [kind, arg] = reason.split(':');
  const words = t.reason[lang] as Record<string, string>;
  const word = words[kind ?? ''] ?? reason;
  return arg ? `${word} ${lang === 'zh' ? `第 ${arg} 版` : `v${arg}`}` : word;
}

/** The last restore asked for: of which version, still under way or refused (and why). */
interface Restoring {
  version: number;
  pending: boolean;
  error: string | null;
}

type Entry = { at: string } & (
  | { kind: 'revision'; revision: RevisionSummary }
  | { kind: 'event'; event: ReportEvent }
);

/**
 * Every saved version and every workflow step (提交, 退回, 通过, 重新打开 from the audit log), newest
 * first, each with who and when; a version shows what it changed, and what restoring it would
 * change, before 「恢复此版本」 is offered.
 */
export function HistoryPanel({
  id,
  current,
  canRestore,
  restoring,
  onRestore,
}: {
  id: number;
  current: number;
  canRestore: boolean;
  restoring?: Restoring;
  onRestore: (version: number) => void;
}) {
  const { lang, say } = useLang();
  const trpc = useTRPC();
  const revisions = useQuery(trpc.reports.revisions.queryOptions({ id }));
  const events = useQuery(trpc.reports.events.queryOptions({ id }));
  const entries: Entry[] = [
    ...(revisions.data ?? []).map((r) => ({ at: r.savedAt, kind: 'revision' as const, revision: r })),
    ...(events.data ?? []).map((e) => ({ at: e.at, kind: 'event' as const, event: e })),
  ].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.kind === 'event' ? -1 : 1));
  return (
    // Focusable: a long history scrolls, and a reader without restore buttons must reach it by keyboard.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region takes the focus (axe scrollable-region-focusable)
    <section className="drawer-body" aria-label={say(t.history)} tabIndex={0}>
      {revisions.isPending && <p className="muted">{say(t.loading)}</p>}
      <ol className="history">
        {entries.map((e) =>
          e.kind === 'event' ? (
            <li key={`event:${e.at}:${e.event.action}`} className="history-event" data-kind={e.event.action}>
              <div className="history-line">
                <strong>{h.step[lang][e.event.action]}</strong>
                {e.event.version !== null && (
                  <span className="muted">{say(h.onVersion, { v: e.event.version })}</span>
                )}
              </div>
              <div className="muted">
                {formatTime(e.at, lang)} · {e.event.by?.displayName ?? '—'}
              </div>
              {e.event.note && <div className="history-note">{e.event.note}</div>}
            </li>
          ) : (
            <RevisionItem
              key={`revision:${e.revision.version}`}
              id={id}
              revision={e.revision}
              current={current}
              canRestore={canRestore}
              restoring={restoring}
              onRestore={onRestore}
            />
          ),
        )}
      </ol>
    </section>
  );
}

function RevisionItem({
  id,
  revision: r,
  current,
  canRestore,
  restoring,
  onRestore,
}: {
  id: number;
  revision: RevisionSummary;
  current: number;
  canRestore: boolean;
  restoring?: Restoring;
  onRestore: (version: number) => void;
}) {
  const { lang, say } = useLang();
  const [open, setOpen] = useState(false);
  return (
    <li className={r.version === current ? 'history-current' : undefined} data-kind={r.reason.split(':')[0]}>
      <div className="history-line">
        <strong>{say(t.version, { n: r.version })}</strong>
        <span>{reasonText(r.reason, lang)}</span>
        {r.version === current && <span className="tag tag-ok">{say(t.current)}</span>}
      </div>
      <div className="muted">
        {formatTime(r.savedAt, lang)} · {r.savedBy?.displayName ?? '—'}
      </div>
      <button type="button" className="btn btn-small" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        {say(h.view)}
      </button>
      {open && (
        <VersionPreview
          id={id}
          version={r.version}
          current={current}
          canRestore={canRestore && r.version !== current}
          restoring={restoring}
          onRestore={() => onRestore(r.version)}
        />
      )}
    </li>
  );
}

/** What a version changed against the one before, and what restoring it would change now. */
function VersionPreview({
  id,
  version,
  current,
  canRestore,
  restoring,
  onRestore,
}: {
  id: number;
  version: number;
  current: number;
  canRestore: boolean;
  restoring?: Restoring;
  onRestore: () => void;
}) {
  const { lang, say } = useLang();
  const trpc = useTRPC();
  const options = (v: number) => ({
    ...trpc.reports.revision.queryOptions({ id, version: v }),
    staleTime: Infinity,
  });
  const self = useQuery(options(version));
  const before = useQuery({ ...options(version - 1), enabled: version > 1 });
  const now = useQuery({ ...options(current), enabled: canRestore });
  if (!self.data || (version > 1 && !before.data) || (canRestore && !now.data)) {
    return <p className="muted">{say(t.loading)}</p>;
  }
  const format = getFormat(self.data.data.format);
  return (
    <div className="history-preview">
      <p>{version > 1 ? say(h.changedFrom, { v: version - 1 }) : say(h.firstVersion)}</p>
      {before.data && <Changes list={differences(format, before.data.data, self.data.data, lang)} />}
      {canRestore && now.data && (
        <>
          <p>{say(h.restoreWould, { v: current })}</p>
          <Changes list={differences(format, now.data.data, self.data.data, lang)} />
          <button
            type="button"
            className="btn btn-small btn-primary"
            disabled={restoring?.pending}
            aria-busy={(restoring?.pending && restoring.version === version) || undefined}
            onClick={onRestore}
          >
            {restoring?.pending && restoring.version === version ? say(h.restoring) : say(t.restore)}
          </button>
          {restoring?.error && restoring.version === version && (
            <p className="form-error" role="alert">
              {restoring.error}
            </p>
          )}
        </>
      )}
    </div>
  );
}

const SHOWN = 12;

function Changes({ list }: { list: Difference[] }) {
  const { lang, say } = useLang();
  const colon = lang === 'zh' ? '：' : ': ';
  if (list.length === 0) return <p className="muted">{say(h.nothing)}</p>;
  return (
    <ul className="history-changes">
      {list.slice(0, SHOWN).map((d) => (
        <li key={d.key}>
          {d.name}
          {colon}
          {d.key.startsWith('cell:') ? `${d.theirs} → ${d.yours}` : say(h.textChanged)}
        </li>
      ))}
      {list.length > SHOWN && <li className="muted">{say(h.more, { n: list.length - SHOWN })}</li>}
    </ul>
  );
}
