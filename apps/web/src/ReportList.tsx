import type { Me } from '@nianbao/api';
import { formatForYear } from '@nianbao/schema';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { deskWords } from './deskWords.ts';
import { ImportPanel } from './ImportPanel.tsx';
import { formatTime, t, useLang } from './i18n.ts';
import { Pager, pageCount } from './Pager.tsx';
import { CONSOLIDATE_HREF, DESK_HREF, reportHref, USERS_HREF } from './route.ts';
import { StatusBadge } from './StatusBadge.tsx';
import { errorMessage, useTRPC } from './trpc.ts';
import { usersWords } from './usersWords.ts';

export function ReportList({ me }: { me: Me }) {
  const { lang, say } = useLang();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const list = useQuery({
    ...trpc.reports.list.queryOptions({ page, size: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  // The years the own body has a report for, whichever page they are on (at most one per year).
  const ownReports = useQuery(
    trpc.reports.list.queryOptions({ organisationId: me.organisation.id, size: MAX_YEARS }),
  );
  const orgs = useQuery(trpc.orgs.list.queryOptions());
  const deadlineOf = (orgId: number) => orgs.data?.find((o) => o.id === orgId)?.deadline ?? DEFAULT_DEADLINE;
  const id = useId();
  const thisYear = new Date().getFullYear();
  const own = (ownReports.data?.rows ?? []).map((r) => r.year);
  const years = Array.from({ length: thisYear - 2019 + 1 }, (_, i) => thisYear - i).filter(
    (y) => formatForYear(y) && !own.includes(y),
  );
  const [year, setYear] = useState<number | undefined>(undefined);
  const due = reportingYear(new Date(), deadlineOf(me.organisation.id));
  // The year whose report is due next; when it exists already, an older one still missing.
  const chosen = year ?? years.find((y) => y <= due) ?? years[0];
  const create = useMutation(
    trpc.reports.create.mutationOptions({
      onSuccess: (report) => {
        queryClient.invalidateQueries({ queryKey: trpc.reports.list.queryKey() });
        window.location.hash = reportHref(report.id);
      },
    }),
  );
  // 汇总 is for the reviewers and administrators of a body with subordinate bodies.
  const canConsolidate =
    me.role !== 'filler' && (orgs.data ?? []).some((o) => o.parentId === me.organisation.id);
  // In the server's order: newest year first, then by body name.
  const rows = list.data?.rows ?? [];
  const pages = list.data ? pageCount(list.data.total, PAGE_SIZE) : 1;
  return (
    <div className="page">
      <div className="page-head">
        <h1>{say(t.reports)}</h1>
        {(canConsolidate || me.role === 'admin') && (
          <span className="page-actions">
            {canConsolidate && (
              <>
                <a className="btn btn-primary" href={DESK_HREF}>
                  {say(deskWords.open)}
                </a>
                <a className="btn" href={CONSOLIDATE_HREF}>
                  {say(t.consolidate)}
                </a>
              </>
            )}
            {/* Accounts are the administrator's: the API refuses the others too. */}
            {me.role === 'admin' && (
              <a className="btn" href={USERS_HREF}>
                {say(usersWords.open)}
              </a>
            )}
          </span>
        )}
      </div>
      <section className="card create-card" aria-labelledby={`${id}-create`}>
        <h2 id={`${id}-create`}>{say(t.create)}</h2>
        <p className="muted">{say(t.createHint)}</p>
        {years.length > 0 && chosen !== undefined && (
          <form
            className="create-form"
            onSubmit={(e) => {
              e.preventDefault();
              create.mutate({ year: chosen });
            }}
          >
            <label htmlFor={`${id}-year`}>{say(t.year)}</label>
            <select id={`${id}-year`} value={chosen} onChange={(e) => setYear(Number(e.target.value))}>
              {years.map((y) => (
                <option key={y} value={y}>
                  {say(t.yearAndFormat, { year: y, format: formatForYear(y)!.label[lang] })}
                </option>
              ))}
            </select>
            <button type="submit" className="btn btn-primary" disabled={create.isPending}>
              {say(t.createFor, { year: chosen })}
            </button>
          </form>
        )}
        {create.error && (
          <p className="form-error" role="alert">
            {errorMessage(create.error, lang)}
          </p>
        )}
      </section>
      <ImportPanel ownYears={own} />
      {list.error && (
        <p className="form-error" role="alert">
          {errorMessage(list.error, lang)}
        </p>
      )}
      {list.isPending ? (
        <p className="page-note">{say(t.loading)}</p>
      ) : rows.length === 0 ? (
        <p className="page-note">{say(t.noReports)}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{say(t.year)}</th>
              <th scope="col">{say(t.reports)}</th>
              <th scope="col">{say(t.status)}</th>
              <th scope="col">{say(t.checks)}</th>
              <th scope="col">{say(t.deadline)}</th>
              <th scope="col">{say(t.updated)}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td className="num">{r.year}</td>
                <td>
                  <a href={reportHref(r.id)}>{r.title[lang]}</a>
                  {r.returned && r.status === 'draft' && (
                    <span className="tag tag-returned">{say(t.return)}</span>
                  )}
                </td>
                <td>
                  <StatusBadge status={r.status} />
                </td>
                <td>
                  {r.errors > 0 && <span className="tag tag-error">{say(t.errorsN, { n: r.errors })}</span>}
                  {r.warnings > 0 && (
                    <span className="tag tag-warning">{say(t.warningsN, { n: r.warnings })}</span>
                  )}
                  {r.errors === 0 && r.warnings === 0 && (
                    <span className="tag tag-ok">{say(t.noProblems)}</span>
                  )}
                </td>
                <td>
                  <Deadline
                    year={r.year}
                    monthDay={deadlineOf(r.organisation.id)}
                    done={r.status === 'approved'}
                  />
                </td>
                <td className="muted">
                  {formatTime(r.updatedAt, lang)} {r.updatedBy?.displayName}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {list.data && pages > 1 && (
        <Pager
          page={page}
          pages={pages}
          summary={say(t.reportsTotal, { n: list.data.total })}
          onPage={setPage}
        />
      )}
    </div>
  );
}

const PAGE_SIZE = 50;
/** Report years there can be (2019 to 2100): one page of the own body's reports holds them all. */
const MAX_YEARS = 200;

/** 条例第四十九条: by 1月31日 of the following year, unless the organisation has its own deadline. */
const DEFAULT_DEADLINE = '01-31';

/**
 * The year being reported on a given day: last year's until its deadline has passed (in January,
 * by default), this year's after that.
 */
function reportingYear(today: Date, monthDay: string): number {
  const [month, day] = monthDay.split('-').map(Number) as [number, number];
  const year = today.getFullYear();
  return today <= dueDate(year - 1, month, day) ? year - 1 : year;
}

const dueDate = (year: number, month: number, day: number) => new Date(year + 1, month - 1, day, 23, 59, 59);

function Deadline({ year, monthDay, done }: { year: number; monthDay: string; done: boolean }) {
  const { lang, say } = useLang();
  const [month, day] = monthDay.split('-').map(Number) as [number, number];
  const due = dueDate(year, month, day);
  const text =
    lang === 'zh'
      ? `${year + 1}年${month}月${day}日`
      : due.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
  const overdue = !done && Date.now() > due.getTime();
  return (
    <span className={overdue ? 'deadline deadline-overdue' : 'deadline'}>
      {text}
      {overdue && <span className="tag tag-error">{say(t.overdue)}</span>}
    </span>
  );
}
