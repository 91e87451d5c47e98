import { useQuery } from '@tanstack/react-query';
import { formatTime, t, useLang } from './i18n.ts';
import { useTRPC } from './trpc.ts';

function reasonText(reason: string, lang: 'zh' | 'en'): string {
  const [kind, arg] = reason.split(':');
  const words = t.reason[lang] as Record<string, string>;
  const word = words[kind ?? ''] ?? reason;
  return arg ? `${word} ${lang === 'zh' ? `第 ${arg} 版` : `v${arg}`}` : word;
}

/** Every saved version, newest first; an editor may restore one as a new version. */
export function HistoryPanel({
  id,
  current,
  canRestore,
  onRestore,
}: {
  id: number;
  current: number;
  canRestore: boolean;
  onRestore: (version: number) => void;
}) {
  const { lang, say } = useLang();
  const trpc = useTRPC();
  const revisions = useQuery(trpc.reports.revisions.queryOptions({ id }));
  return (
    // Focusable: a long history scrolls, and a reader without restore buttons must reach it by keyboard.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region takes the focus (axe scrollable-region-focusable)
    <section className="drawer-body" aria-label={say(t.history)} tabIndex={0}>
      {revisions.isPending && <p className="muted">{say(t.loading)}</p>}
      <ol className="history">
        {(revisions.data ?? []).map((r) => (
          <li key={r.version} className={r.version === current ? 'history-current' : undefined}>
            <div className="history-line">
              <strong>{say(t.version, { n: r.version })}</strong>
              {r.version === current && <span className="tag tag-ok">{say(t.current)}</span>}
              <span className="muted">{reasonText(r.reason, lang)}</span>
            </div>
            <div className="muted">
              {formatTime(r.savedAt, lang)} · {r.savedBy?.displayName ?? '—'}
            </div>
            {canRestore && r.version !== current && (
              <button type="button" className="btn btn-small" onClick={() => onRestore(r.version)}>
                {say(t.restore)}
              </button>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
