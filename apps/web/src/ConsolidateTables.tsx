import type { Consolidation } from '@nianbao/api';
import { ReportForm } from '@nianbao/form';
import { cellIndex, cellName, getFormat } from '@nianbao/schema';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { consolidateWords as w } from './consolidateWords.ts';
import { useLang } from './i18n.ts';
import { errorMessage, useTRPC } from './trpc.ts';

/** Bodies per page of one cell's breakdown (a province has thousands; the sum covers them all). */
const PAGE = 50;

/**
 * The summed figures as the report's own read-only grids; selecting a cell lists what each included
 * body's report holds there, asked of the server only then (`consolidate.contributions`, in pages).
 */
export function ConsolidateTables({
  result,
  includeDrafts,
}: {
  result: Consolidation;
  includeDrafts: boolean;
}) {
  const { lang, say } = useLang();
  const format = getFormat(result.format);
  const index = useMemo(() => cellIndex(format), [format]);
  const [cell, setCell] = useState<string | null>(null);
  return (
    <section className="card consolidate-tables" aria-labelledby="consolidate-tables-title">
      <h2 id="consolidate-tables-title">{say(w.tables)}</h2>
      <p className="muted">{say(w.tablesHint)}</p>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: listens to the focus of the grid's own cells */}
      <div
        onFocus={(e) => {
          const id = (e.target as HTMLElement).dataset.cell;
          if (id && index.has(id)) setCell(id);
        }}
      >
        <ReportForm
          key={`${result.year}:${result.included.map((o) => o.reportId).join(',')}`}
          format={format}
          defaultValue={result.data}
          lang={lang}
          readOnly
          tablesOnly
        />
      </div>
      {cell && (
        <Contributions
          result={result}
          includeDrafts={includeDrafts}
          cell={cell}
          name={cellName(index.get(cell)!, lang)}
          onClose={() => setCell(null)}
        />
      )}
    </section>
  );
}

function Contributions({
  result,
  includeDrafts,
  cell,
  name,
  onClose,
}: {
  result: Consolidation;
  includeDrafts: boolean;
  cell: string;
  name: string;
  onClose: () => void;
}) {
  const { lang, say } = useLang();
  const trpc = useTRPC();
  // One request per page of bodies, however many there are; the server sums them all.
  const pages = useInfiniteQuery(
    trpc.consolidate.contributions.infiniteQueryOptions(
      { organisationId: result.organisation.id, year: result.year, includeDrafts, cell, limit: PAGE },
      { getNextPageParam: (last) => last.nextCursor, staleTime: 60_000 },
    ),
  );
  const loaded = pages.data?.pages ?? [];
  const rows = loaded.flatMap((p) => p.rows);
  const first = loaded[0];
  return (
    <section className="contributions" aria-label={say(w.contributions, { cell: name })} aria-live="polite">
      <div className="contributions-head">
        <h3>{say(w.contributions, { cell: name })}</h3>
        <button type="button" className="btn btn-small" onClick={onClose}>
          ×<span className="nb-sr-only">{say(w.close)}</span>
        </button>
      </div>
      {pages.error && (
        <p className="form-error" role="alert">
          {errorMessage(pages.error, lang)}
        </p>
      )}
      <table className="data-table" data-testid="contributions">
        <tbody>
          {rows.map((o) => (
            <tr key={o.reportId}>
              <th scope="row">{o.name[lang] ?? o.name.zh}</th>
              <td className="num">{o.value ?? '—'}</td>
            </tr>
          ))}
          {!first && !pages.error && (
            <tr>
              <td colSpan={2}>…</td>
            </tr>
          )}
        </tbody>
        {first && (
          <tfoot>
            <tr>
              <th scope="row">{say(w.sum, { n: first.total })}</th>
              <td className="num">{first.sum ?? 0}</td>
            </tr>
          </tfoot>
        )}
      </table>
      {first && pages.hasNextPage && (
        <p className="muted">
          {say(w.shown, { shown: rows.length, n: first.total })}{' '}
          <button
            type="button"
            className="btn btn-small"
            disabled={pages.isFetchingNextPage}
            onClick={() => void pages.fetchNextPage()}
          >
            {say(w.more, { n: PAGE })}
          </button>
        </p>
      )}
    </section>
  );
}
