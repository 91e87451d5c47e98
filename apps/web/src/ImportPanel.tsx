import type { ImportReading } from '@nianbao/api';
import { getFormat } from '@nianbao/schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { t, useLang } from './i18n.ts';
import { reportHref } from './route.ts';
import { errorMessage, useTRPC } from './trpc.ts';
import { ACCEPT, readUpload, type Upload } from './upload.ts';

/** What a file held: the figures read, what could not be read and the findings, each with its lines. */
function ReadingView({
  reading,
  name,
}: {
  reading: Omit<ImportReading, 'data'> & Partial<Pick<ImportReading, 'data'>>;
  name: string;
}) {
  const { lang, say } = useLang();
  const where = (lines?: [number, number]) =>
    !lines
      ? ''
      : lines[0] === lines[1]
        ? say(t.lineN, { n: lines[0] })
        : say(t.linesN, { a: lines[0], b: lines[1] });
  return (
    <div className="reading" data-testid="reading">
      {reading.data && (
        <p>
          <strong>
            {say(t.readSummary, {
              name,
              year: reading.data.year,
              format: getFormat(reading.format).label[lang],
              read: reading.readCells,
              cells: reading.cells,
            })}
          </strong>
          <br />
          <span className="muted">{say(t.fileOrganisation, { org: reading.data.organisation.zh })}</span>
        </p>
      )}
      {reading.provenance && <ProvenanceView provenance={reading.provenance} />}
      {reading.migration && reading.data && (
        <MigrationView migration={reading.migration} year={reading.data.year} />
      )}
      {reading.readings && reading.readings.length > 0 && (
        <>
          <h3>{say(t.readingsTitle)}</h3>
          <ul className="reading-list reading-confidence" data-testid="readings">
            {reading.readings.map((r) => (
              <li key={r.table}>
                <strong>
                  {say(
                    r.table === 't2' ? t.readingTable2 : r.table === 't3' ? t.readingTable3 : t.readingTable4,
                  )}
                </strong>
                {lang === 'zh' ? '：' : ': '}
                {say(
                  r.method === 'labels'
                    ? t.readingLabels
                    : r.method === 'columns'
                      ? t.readingColumns
                      : t.readingOrder,
                )}
                {lang === 'zh' ? '，' : ', '}
                {r.confirmedBy.length > 0
                  ? say(t.readingConfirmed, { rules: r.confirmedBy.join('、') })
                  : say(t.readingNoRule)}
                {r.failedRules.length > 0 && (
                  <>
                    {lang === 'zh' ? '，' : ', '}
                    {say(t.readingFailed, { rules: r.failedRules.join('、') })}
                  </>
                )}
                {r.unconfirmed.length > 0 && (
                  <>
                    {lang === 'zh' ? '，' : ', '}
                    {say(t.readingUnconfirmed, { n: r.unconfirmed.length })}
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>{say(t.unreadTitle)}</h3>
      {reading.unread.length === 0 ? (
        <p className="muted">{say(t.nothingUnread)}</p>
      ) : (
        <ul className="reading-list reading-unread">
          {reading.unread.map((u, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list, never reordered; two entries may read alike
            <li key={i}>
              {u.lines && <span className="reading-line">{where(u.lines)}</span>}
              {u.message[lang]}
            </li>
          ))}
        </ul>
      )}
      {reading.findings.length > 0 && (
        <>
          <h3>{say(t.findingsTitle)}</h3>
          <ul className="reading-list">
            {reading.findings.map((f, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list, never reordered; two findings may read alike
              <li key={i} className={f.level === 'error' ? 'reading-error' : 'reading-warning'}>
                {f.line !== undefined && <span className="reading-line">{say(t.lineN, { n: f.line })}</span>}
                <span className={`tag ${f.level === 'error' ? 'tag-error' : 'tag-warning'}`}>{f.rule}</span>{' '}
                {f.message[lang]}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

const SOURCE_TEXT = {
  option: t.sourceOption,
  title: t.sourceTitle,
  period: t.sourcePeriod,
  narrative: t.sourceNarrative,
  name: t.sourceName,
  publisher: t.sourcePublisher,
  closing: t.sourceClosing,
} as const;

/** Where year, organisation and format came from: an inference is shown as one. */
function ProvenanceView({ provenance }: { provenance: NonNullable<ImportReading['provenance']> }) {
  const { say } = useLang();
  const where = (p: { source: keyof typeof SOURCE_TEXT; line?: number }) =>
    `${say(SOURCE_TEXT[p.source])}${p.line === undefined ? '' : `（${say(t.lineN, { n: p.line })}）`}`;
  return (
    <>
      <h3>{say(t.provenanceTitle)}</h3>
      <ul className="reading-list" data-testid="provenance">
        <li>{say(t.provenanceYear, { value: provenance.year.value, source: where(provenance.year) })}</li>
        <li>
          {say(t.provenanceOrg, {
            value: provenance.organisation.value,
            source: where(provenance.organisation),
          })}
          {provenance.organisation.spelledElsewhere?.map((slip) => (
            <span
              key={`${slip.source}-${slip.line}`}
              className="reading-slip"
              data-testid="spelled-elsewhere"
            >
              {say(t.provenanceSpelled, { where: where(slip), value: slip.value })}
            </span>
          ))}
        </li>
        <li>
          {say(t.provenanceFormat, {
            value: provenance.format.value,
            printed: provenance.format.printed
              ? say(t.provenancePrinted, { printed: provenance.format.printed })
              : '',
          })}
        </li>
      </ul>
    </>
  );
}

/** A report printed in another year's layout: read as printed, and what migrating it into its year's format loses. */
function MigrationView({
  migration,
  year,
}: {
  migration: NonNullable<ImportReading['migration']>;
  year: number;
}) {
  const { lang, say } = useLang();
  const from = getFormat(migration.from).label[lang];
  const to = getFormat(migration.to).label[lang];
  return (
    <div className="banner banner-warning migration" data-testid="migration">
      <h3>{say(t.migrationTitle)}</h3>
      <p>
        {say(t.migrationPrinted, { from, to, year })}
        {migration.merged.map((m) => (
          <span key={m.from}> {say(t.migrationMerged, { from: m.name[lang], into: m.into[lang] })}</span>
        ))}
      </p>
      {migration.lost.length === 0 ? (
        <p>{say(t.migrationNothingLost)}</p>
      ) : (
        <>
          <p>{say(t.migrationLost, { n: migration.lost.length, to })}</p>
          <ul className="reading-list" data-testid="migration-lost">
            {migration.lost.map((l) => (
              <li key={l.cell}>
                <span className="reading-line">{say(t.lineN, { n: l.line })}</span>
                {l.name[lang]} = {l.value}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** The fields an error asks the user for (year, organisation), from the API's issues. */
function askedFields(error: unknown): string[] {
  const issues =
    (error as { data?: { issues?: { path: (string | number)[] }[] } } | null)?.data?.issues ?? [];
  return issues.map((i) => String(i.path[0])).filter((f) => f === 'year' || f === 'organisation');
}

/** Upload a published report or a report JSON, see what was read, then make it a new draft. */
export function ImportPanel({ ownYears }: { ownYears: number[] }) {
  const { lang, say } = useLang();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const [upload, setUpload] = useState<Upload | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const read = useMutation(trpc.imports.read.mutationOptions());
  const create = useMutation(
    trpc.imports.create.mutationOptions({
      onSuccess: (result) => {
        void queryClient.invalidateQueries({ queryKey: trpc.reports.list.queryKey() });
        window.location.hash = reportHref(result.report.id);
      },
    }),
  );
  const year = read.data?.data.year;
  const exists = year !== undefined && ownYears.includes(year);
  // What the user says the file is, when it does not say so itself.
  const [answerYear, setAnswerYear] = useState('');
  const [answerOrg, setAnswerOrg] = useState('');
  const asked = askedFields(read.error);
  const answers = () => ({
    ...(answerYear.trim() !== '' ? { year: Number(answerYear) } : {}),
    ...(answerOrg.trim() !== '' ? { organisation: answerOrg.trim() } : {}),
  });
  return (
    <section className="card import-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{say(t.importTitle)}</h2>
      <p className="muted">{say(t.importHint)}</p>
      <label className="file-pick" htmlFor={`${id}-file`}>
        {say(t.importFile)}
      </label>{' '}
      <input
        id={`${id}-file`}
        type="file"
        accept={ACCEPT}
        onChange={async (e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (!file) return;
          setLocalError(null);
          setUpload(null);
          read.reset();
          create.reset();
          try {
            const u = await readUpload(file, lang);
            setUpload(u);
            read.mutate({ file: u, ...answers() });
          } catch (error) {
            setLocalError(error instanceof Error ? error.message : String(error));
          }
        }}
      />
      {read.isPending && upload && <p className="muted">{say(t.importReading, { name: upload.name })}</p>}
      {(localError || read.error || create.error) && (
        <p className="form-error" role="alert">
          {localError ?? errorMessage(read.error ?? create.error, lang)}
        </p>
      )}
      {asked.length > 0 && upload && (
        <form
          className="import-ask"
          data-testid="import-ask"
          onSubmit={(e) => {
            e.preventDefault();
            read.mutate({ file: upload, ...answers() });
          }}
        >
          <p>{say(t.importAsk)}</p>
          <label>
            {say(t.importYear)}{' '}
            <input
              type="number"
              min={2019}
              max={2100}
              value={answerYear}
              required={asked.includes('year')}
              onChange={(e) => setAnswerYear(e.target.value)}
            />
          </label>{' '}
          <label>
            {say(t.importOrg)}{' '}
            <input
              type="text"
              maxLength={200}
              value={answerOrg}
              required={asked.includes('organisation')}
              onChange={(e) => setAnswerOrg(e.target.value)}
            />
          </label>{' '}
          <button type="submit" className="btn" disabled={read.isPending}>
            {say(t.importAgain)}
          </button>
        </form>
      )}
      {read.data && upload && (
        <>
          <ReadingView reading={read.data} name={upload.name} />
          {exists ? (
            <p className="banner banner-warning">{say(t.importExists, { year: year! })}</p>
          ) : (
            <button
              type="button"
              className="btn btn-primary"
              disabled={create.isPending}
              onClick={() => create.mutate({ file: upload, ...answers() })}
            >
              {read.data.migration
                ? say(t.migrationCreate, { to: getFormat(read.data.migration.to).label[lang], year: year! })
                : say(t.importCreate, { year: year! })}
            </button>
          )}
        </>
      )}
    </section>
  );
}
