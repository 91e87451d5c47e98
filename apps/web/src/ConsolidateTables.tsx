import type { Consolidation } from '@nianbao/api';
import { ReportForm } from '@nianbao/form';
import { cellIndex, cellName, getFormat } from '@nianbao/schema';
import { useQueries } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { consolidateWords as w } from './consolidateWords.ts';
import { useLang } from './i18n.ts';
import { useTRPC } from './trpc.ts';

/** More reports than this are not fetched for one cell's breakdown (a province has thousands). */
const MAX_LISTED = 50;

/**
 * The summed figures as the report's own read-only grids; selecting a cell lists what each included
 * body's report holds there, fetched only then.
 */
export function ConsolidateTables({ result }: { result: Consolidation }) {
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
          included={result.included}
          cell={cell}
          name={cellName(index.get(cell)!, lang)}
          onClose={() => setCell(null)}
        />
      )}
    </section>
  );
}

function Contributions({
  included,
  cell,
  name,
  onClose,
}: {
  included: Consolidation['included'];
  cell: string;
  name: string;
  onClose: () => void;
}) {
  const { lang, say } = useLang();
  const trpc = useTRPC();
  const listed = included.slice(0, MAX_LISTED);
  const reports = useQueries({
    queries: listed.map((o) => ({ ...trpc.reports.get.queryOptions({ id: o.reportId }), staleTime: 60_000 })),
  });
  const values = reports.map((r) => (r.data ? (r.data.data.cells[cell] ?? null) : undefined));
  const sum = values.reduce<number>((s, v) => s + Number(v ?? 0), 0);
  return (
    <section className="contributions" aria-label={say(w.contributions, { cell: name })} aria-live="polite">
      <div className="contributions-head">
        <h3>{say(w.contributions, { cell: name })}</h3>
        <button type="button" className="btn btn-small" onClick={onClose}>
          ×<span className="nb-sr-only">{say(w.close)}</span>
        </button>
      </div>
      <table className="data-table" data-testid="contributions">
        <tbody>
          {listed.map((o, i) => (
            <tr key={o.reportId}>
              <th scope="row">{o.name[lang] ?? o.name.zh}</th>
              <td className="num">{values[i] === undefined ? '…' : (values[i] ?? '—')}</td>
            </tr>
          ))}
        </tbody>
        {included.length <= MAX_LISTED && (
          <tfoot>
            <tr>
              <th scope="row">{say(w.sum)}</th>
              <td className="num">{values.includes(undefined) ? '…' : Number(sum.toFixed(4))}</td>
            </tr>
          </tfoot>
        )}
      </table>
      {included.length > MAX_LISTED && <p className="muted">{say(w.capped, { n: MAX_LISTED })}</p>}
    </section>
  );
}
