import type { BulkOutcome, DeskEntry, Me } from '@nianbao/api';
import { deskStatusLabels } from '@nianbao/schema';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { deskWords as w } from './deskWords.ts';
import { formatTime, t, useLang } from './i18n.ts';
import { Pager, pageCount } from './Pager.tsx';
import { reportHref } from './route.ts';
import { errorMessage, useTRPC } from './trpc.ts';

type DeskStatus = DeskEntry['status'];
type Sort = 'name' | 'level' | 'status' | 'errors' | 'updatedAt' | 'submittedAt' | 'approvedAt' | 'deadline';
const STATUSES: DeskStatus[] = ['none', 'draft', 'returned', 'submitted', 'approved'];
const PAGE_SIZE = 50;

/** The year being reported: last year (in January the report on last year is what is due). */
const reportingYear = () => new Date().getFullYear() - 1;

function download(file: { filename: string; contentType: string; base64: string }) {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.contentType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.filename;
  a.click();
  URL.revokeObjectURL(url);
}

export function DeskPage({ me }: { me: Me }) {
  const { lang, say } = useLang();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const [year, setYear] = useState(reportingYear);
  const [status, setStatus] = useState<DeskStatus | null>(null);
  const [overdue, setOverdue] = useState(false);
  const [name, setName] = useState('');
  const [level, setLevel] = useState<number | null>(null);
  const [sort, setSort] = useState<{ by: Sort; desc: boolean }>({ by: 'name', desc: false });
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<Map<number, number>>(new Map());
  const [comment, setComment] = useState('');
  const [outcome, setOutcome] = useState<{ rows: BulkOutcome[]; names: Map<number, string> } | null>(null);
  const filters = {
    year,
    ...(status ? { status: [status] } : {}),
    ...(overdue ? { overdue: true } : {}),
    ...(name.trim() ? { name: name.trim() } : {}),
    ...(level ? { level } : {}),
    sort: sort.by,
    desc: sort.desc,
  };
  const desk = useQuery({
    ...trpc.desk.list.queryOptions({ ...filters, page, size: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const data = desk.data;
  const pages = data ? pageCount(data.total, PAGE_SIZE) : 1;
  const refilter = (f: () => void) => {
    f();
    setPage(1);
    setSelected(new Map());
  };
  const done = (rows: BulkOutcome[]) => {
    const names = new Map(
      (data?.rows ?? []).map((r) => [r.reportId ?? 0, lang === 'en' ? (r.nameEn ?? r.nameZh) : r.nameZh]),
    );
    setOutcome({ rows, names });
    setSelected(new Map());
    setComment('');
    queryClient.invalidateQueries({ queryKey: trpc.desk.list.queryKey() });
  };
  const approve = useMutation(trpc.desk.approve.mutationOptions({ onSuccess: done }));
  const giveBack = useMutation(trpc.desk.return.mutationOptions({ onSuccess: done }));
  const exporting = useMutation({
    mutationFn: (format: 'xlsx' | 'csv') =>
      queryClient.fetchQuery(trpc.desk.export.queryOptions({ ...filters, format, lang })),
    onSuccess: download,
  });
  const items = [...selected].map(([reportId, version]) => ({ id: reportId, version }));
  const submittedOnPage = (data?.rows ?? []).filter((r) => r.status === 'submitted' && r.reportId);
  const toggle = (row: DeskEntry, on: boolean) => {
    const next = new Map(selected);
    if (on) next.set(row.reportId!, row.version!);
    else next.delete(row.reportId!);
    setSelected(next);
  };
  const header = (by: Sort, label: string) => (
    <th scope="col" aria-sort={sort.by === by ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
      <button
        type="button"
        className="sort-button"
        title={say(w.sortBy, { what: label })}
        onClick={() => refilter(() => setSort({ by, desc: sort.by === by ? !sort.desc : false }))}
      >
        {label}
        <span aria-hidden="true">{sort.by === by ? (sort.desc ? ' ▼' : ' ▲') : ''}</span>
      </button>
    </th>
  );
  const busy = approve.isPending || giveBack.isPending;
  const error = desk.error ?? approve.error ?? giveBack.error ?? exporting.error;
  return (
    <div className="page page-wide">
      <div className="page-head">
        <h1>{say(w.title)}</h1>
        <a className="btn" href="#/">
          {say(t.back)}
        </a>
      </div>
      <p className="muted">
        {data ? `${data.organisation.name[lang]} · ` : ''}
        {say(w.hint)}
      </p>
      <div className="desk-filters">
        <label htmlFor={`${id}-year`}>{say(t.year)}</label>
        <select
          id={`${id}-year`}
          value={year}
          onChange={(e) => refilter(() => setYear(Number(e.target.value)))}
        >
          {Array.from({ length: reportingYear() + 1 - 2019 + 1 }, (_, i) => reportingYear() + 1 - i).map(
            (y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ),
          )}
        </select>
        <label htmlFor={`${id}-name`}>{say(w.search)}</label>
        <input
          id={`${id}-name`}
          type="search"
          value={name}
          maxLength={100}
          onChange={(e) => refilter(() => setName(e.target.value))}
        />
        <label htmlFor={`${id}-level`}>{say(w.level)}</label>
        <select
          id={`${id}-level`}
          value={level ?? ''}
          onChange={(e) => refilter(() => setLevel(e.target.value ? Number(e.target.value) : null))}
        >
          <option value="">{say(w.allLevels)}</option>
          {[1, 2, 3, 4, 5].map((n) => (
            <option key={n} value={n}>
              {say(w.levelN, { n })}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="btn btn-small"
          disabled={exporting.isPending}
          onClick={() => exporting.mutate('xlsx')}
        >
          {say(w.exportXlsx)}
        </button>
        <button
          type="button"
          className="btn btn-small"
          disabled={exporting.isPending}
          onClick={() => exporting.mutate('csv')}
        >
          {say(w.exportCsv)}
        </button>
      </div>
      {data && (
        <fieldset className="desk-counts">
          <legend className="visually-hidden">{say(t.status)}</legend>
          <button
            type="button"
            className={`count-chip${!status && !overdue ? ' count-chip-on' : ''}`}
            aria-pressed={!status && !overdue}
            onClick={() =>
              refilter(() => {
                setStatus(null);
                setOverdue(false);
              })
            }
          >
            {say(w.all)} <strong>{data.counts.total}</strong>
          </button>
          {STATUSES.map((s) => (
            <button
              key={s}
              type="button"
              className={`count-chip count-${s}${status === s ? ' count-chip-on' : ''}`}
              aria-pressed={status === s}
              onClick={() => refilter(() => setStatus(status === s ? null : s))}
            >
              {deskStatusLabels[s][lang]} <strong>{data.counts[s]}</strong>
            </button>
          ))}
          <button
            type="button"
            className={`count-chip count-overdue${overdue ? ' count-chip-on' : ''}`}
            aria-pressed={overdue}
            onClick={() => refilter(() => setOverdue(!overdue))}
          >
            {say(w.overdue)} <strong>{data.counts.overdue}</strong>
          </button>
          <span className="count-chip count-static">
            {say(w.late)} <strong>{data.counts.late}</strong>
          </span>
        </fieldset>
      )}
      {error && (
        <p className="form-error" role="alert">
          {errorMessage(error, lang)}
        </p>
      )}
      {outcome && (
        <div className="desk-outcome" role="status">
          {outcome.rows.every((o) => o.ok)
            ? say(w.bulkAllDone, { ok: outcome.rows.length })
            : say(w.bulkDone, {
                ok: outcome.rows.filter((o) => o.ok).length,
                failed: outcome.rows.filter((o) => !o.ok).length,
              })}
          <ul>
            {outcome.rows
              .filter((o) => !o.ok)
              .map((o) => (
                <li key={o.reportId}>
                  {outcome.names.get(o.reportId) ?? `#${o.reportId}`}：{o.error?.[lang]}
                </li>
              ))}
          </ul>
        </div>
      )}
      {me.role !== 'filler' && (
        <div className="desk-bulk">
          <span>{say(w.selected, { n: selected.size })}</span>
          <button
            type="button"
            className="btn btn-primary btn-small"
            disabled={selected.size === 0 || busy}
            onClick={() => {
              if (window.confirm(say(w.confirmApprove, { n: selected.size }))) approve.mutate({ items });
            }}
          >
            {say(w.approveSelected)}
          </button>
          <label htmlFor={`${id}-comment`}>{say(w.returnComment)}</label>
          <input
            id={`${id}-comment`}
            value={comment}
            maxLength={2000}
            onChange={(e) => setComment(e.target.value)}
          />
          <button
            type="button"
            className="btn btn-small"
            disabled={selected.size === 0 || !comment.trim() || busy}
            onClick={() => giveBack.mutate({ items, comment })}
          >
            {say(w.returnSelected)}
          </button>
        </div>
      )}
      {!data ? (
        <p className="page-note">{say(t.loading)}</p>
      ) : data.rows.length === 0 ? (
        <p className="page-note">{say(w.none)}</p>
      ) : (
        <table className="data-table desk-table" aria-busy={desk.isFetching}>
          <caption className="visually-hidden">{say(w.title)}</caption>
          <thead>
            <tr>
              <th scope="col">
                <input
                  type="checkbox"
                  aria-label={say(w.selectPage)}
                  disabled={submittedOnPage.length === 0}
                  checked={
                    submittedOnPage.length > 0 && submittedOnPage.every((r) => selected.has(r.reportId!))
                  }
                  onChange={(e) => {
                    const next = new Map(selected);
                    for (const r of submittedOnPage) {
                      if (e.target.checked) next.set(r.reportId!, r.version!);
                      else next.delete(r.reportId!);
                    }
                    setSelected(next);
                  }}
                />
              </th>
              {header('name', say(w.name))}
              {header('level', say(w.level))}
              {header('status', say(t.status))}
              {header('errors', say(w.findings))}
              {header('updatedAt', say(w.lastSaved))}
              {header('submittedAt', say(w.submitted))}
              {header('approvedAt', say(w.approved))}
              {header('deadline', say(w.deadline))}
            </tr>
          </thead>
          <tbody>
            {data.rows.map((r) => {
              const label = lang === 'en' ? (r.nameEn ?? r.nameZh) : r.nameZh;
              return (
                <tr key={r.organisationId}>
                  <td>
                    {r.status === 'submitted' && r.reportId && (
                      <input
                        type="checkbox"
                        aria-label={say(w.select, { name: label })}
                        checked={selected.has(r.reportId)}
                        onChange={(e) => toggle(r, e.target.checked)}
                      />
                    )}
                  </td>
                  <td>{r.reportId ? <a href={reportHref(r.reportId)}>{label}</a> : label}</td>
                  <td className="num">{r.level}</td>
                  <td>
                    <span className={`status status-${r.status}`}>{deskStatusLabels[r.status][lang]}</span>
                  </td>
                  <td>
                    {r.reportId === null ? (
                      <span className="muted">—</span>
                    ) : (
                      <>
                        {(r.errors ?? 0) > 0 && (
                          <span className="tag tag-error">{say(t.errorsN, { n: r.errors! })}</span>
                        )}
                        {(r.warnings ?? 0) > 0 && (
                          <span className="tag tag-warning">{say(t.warningsN, { n: r.warnings! })}</span>
                        )}
                        {r.errors === 0 && r.warnings === 0 && (
                          <span className="tag tag-ok">{say(t.noProblems)}</span>
                        )}
                      </>
                    )}
                  </td>
                  <td className="muted">
                    {r.updatedAt ? `${formatTime(r.updatedAt, lang)} ${r.updatedBy ?? ''}` : say(w.noReport)}
                  </td>
                  <td>{r.submittedAt?.slice(0, 10)}</td>
                  <td>{r.approvedAt?.slice(0, 10)}</td>
                  <td>
                    {r.deadline}{' '}
                    {r.daysLeft !== null &&
                      (r.daysLeft < 0 ? (
                        <span className="tag tag-error">{say(w.daysOverdue, { n: -r.daysLeft })}</span>
                      ) : (
                        <span className="muted">{say(w.daysLeft, { n: r.daysLeft })}</span>
                      ))}
                    {r.daysLate !== null && (
                      <span className="tag tag-warning">{say(w.daysLate, { n: r.daysLate })}</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {data && <Pager page={page} pages={pages} summary={say(w.total, { n: data.total })} onPage={setPage} />}
    </div>
  );
}
