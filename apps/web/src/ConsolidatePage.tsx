import type { Me } from '@nianbao/api';
import { formatForYear } from '@nianbao/schema';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { ConsolidateTables } from './ConsolidateTables.tsx';
import { consolidateWords } from './consolidateWords.ts';
import { t, useLang } from './i18n.ts';
import { pdfUrl } from './PdfPanel.tsx';
import { reportHref } from './route.ts';
import { StatusBadge } from './StatusBadge.tsx';
import { errorMessage, useTRPC } from './trpc.ts';

/** 汇总: the subordinate organisations' figures for a year, summed and checked, saved as our own draft. */
export function ConsolidatePage({ me }: { me: Me }) {
  const { lang, say } = useLang();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: thisYear - 2019 + 1 }, (_, i) => thisYear - i).filter((y) =>
    formatForYear(y),
  );
  const [year, setYear] = useState(thisYear - 1);
  const [includeDrafts, setIncludeDrafts] = useState(false);
  const preview = useQuery({
    ...trpc.consolidate.preview.queryOptions({ year, includeDrafts }),
    placeholderData: keepPreviousData,
  });
  const save = useMutation(
    trpc.consolidate.save.mutationOptions({
      onSuccess: () => {
        void queryClient.invalidateQueries({ queryKey: trpc.consolidate.preview.queryKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.reports.list.queryKey() });
      },
    }),
  );
  const result = preview.data;
  const existing = result?.existing ?? null;
  const saved = save.data && save.data.year === year ? save.data.report : null;
  const errors = result?.findings.filter((f) => f.level === 'error') ?? [];
  return (
    <div className="page consolidate-page">
      <div className="page-head">
        <h1>{say(t.consolidate)}</h1>
        <a href="#/">{say(t.back)}</a>
      </div>
      <section className="card">
        <p className="muted">{say(t.consolidateHint)}</p>
        <div className="create-form">
          <label htmlFor={`${id}-year`}>{say(t.year)}</label>
          <select
            id={`${id}-year`}
            value={year}
            onChange={(e) => {
              setYear(Number(e.target.value));
              save.reset();
            }}
          >
            {years.map((y) => (
              <option key={y} value={y}>
                {say(t.yearAndFormat, { year: y, format: formatForYear(y)!.label[lang] })}
              </option>
            ))}
          </select>
          <label className="check">
            <input
              type="checkbox"
              checked={includeDrafts}
              onChange={(e) => {
                setIncludeDrafts(e.target.checked);
                save.reset();
              }}
            />{' '}
            {say(t.includeDrafts)}
          </label>
        </div>
        {preview.error && (
          <p className="form-error" role="alert">
            {errorMessage(preview.error, lang)}
          </p>
        )}
      </section>
      {result && (
        <section className="card" aria-live="polite">
          <h2>
            {result.organisation.name[lang] ?? result.organisation.name.zh} · {result.year}
          </h2>
          <div className="consolidate-lists">
            <div>
              <h3>{say(t.included, { n: result.included.length })}</h3>
              <ul className="org-list" data-testid="included">
                {result.included.map((o) => (
                  <li key={o.organisationId}>
                    <a href={reportHref(o.reportId)}>{o.name[lang] ?? o.name.zh}</a>{' '}
                    <StatusBadge status={o.status} />
                  </li>
                ))}
              </ul>
            </div>
            <div>
              <h3>{say(t.missing, { n: result.missing.length })}</h3>
              <ul className="org-list" data-testid="missing">
                {result.missing.map((o) => (
                  <li key={o.organisationId}>
                    {o.name[lang] ?? o.name.zh}{' '}
                    <span className="tag tag-warning">
                      {say(o.reason === 'draft' ? t.onlyDraft : t.noReport)}
                    </span>
                  </li>
                ))}
              </ul>
            </div>
          </div>
          {result.lost.length > 0 && (
            <p className="banner banner-warning">{say(t.lostFigures, { n: result.lost.length })}</p>
          )}
          {result.included.length === 0 ? (
            // Zero reports keep every rule trivially: say what happened instead of a green tick.
            <p className="banner banner-warning" role="status">
              {say(consolidateWords.nothingIncluded, {
                n: result.missing.length,
                year: result.year,
                which: includeDrafts ? '' : say(consolidateWords.submittedOrApproved),
              })}
            </p>
          ) : errors.length === 0 ? (
            <p>
              <span className="tag tag-ok">{say(t.rulesOk)}</span>
              {result.warnings > 0 && (
                <span className="tag tag-warning">{say(t.warningsN, { n: result.warnings })}</span>
              )}
            </p>
          ) : (
            <ul className="reading-list">
              {errors.map((f, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list, never reordered; two findings may read alike
                <li key={i} className="reading-error">
                  <span className="tag tag-error">{f.rule}</span> {f.message[lang]}
                </li>
              ))}
            </ul>
          )}
          {save.error && (
            <p className="form-error" role="alert">
              {errorMessage(save.error, lang)}
            </p>
          )}
          {saved ? (
            <div className="banner banner-info" role="status">
              {say(t.consolidationSaved, { year: result.year, n: saved.version })}{' '}
              <a href={reportHref(saved.id)}>{say(t.openReport)}</a>
              {' · '}
              <a href={pdfUrl(saved.id, 'zh', saved.version)} download>
                {say(t.downloadZh)}
              </a>
              {' · '}
              <a href={pdfUrl(saved.id, 'zh-en', saved.version)} download>
                {say(t.downloadBi)}
              </a>
            </div>
          ) : existing && existing.status !== 'draft' ? (
            <p className="banner banner-info">
              {say(t.consolidationLocked, { year: result.year, status: say(t[existing.status]) })}{' '}
              <a href={reportHref(existing.id)}>{say(t.openReport)}</a>
            </p>
          ) : (
            me.role !== 'filler' && (
              <button
                type="button"
                className="btn btn-primary"
                disabled={save.isPending || result.included.length === 0}
                onClick={() =>
                  save.mutate({ year, includeDrafts, baseVersion: existing ? existing.version : undefined })
                }
              >
                {existing
                  ? say(t.updateConsolidation, { year: result.year, n: existing.version })
                  : say(t.saveConsolidation, { year: result.year })}
              </button>
            )
          )}
        </section>
      )}
      {result && result.included.length > 0 && (
        <ConsolidateTables result={result} includeDrafts={includeDrafts} />
      )}
    </div>
  );
}
