import type { ImportReading } from '@nianbao/api';
import { getFormat } from '@nianbao/schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { t, useLang } from './i18n.ts';
import { reportHref } from './route.ts';
import { errorMessage, useTRPC } from './trpc.ts';
import { ACCEPT, readUpload, type Upload } from './upload.ts';

/** What a file held: the figures read, what could not be read and the findings, each with its lines. */
export function ReadingView({
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
      <h3>{say(t.unreadTitle)}</h3>
      {reading.unread.length === 0 ? (
        <p className="muted">{say(t.nothingUnread)}</p>
      ) : (
        <ul className="reading-list reading-unread">
          {reading.unread.map((u, i) => (
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
            read.mutate({ file: u });
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
              onClick={() => create.mutate({ file: upload })}
            >
              {say(t.importCreate, { year: year! })}
            </button>
          )}
        </>
      )}
    </section>
  );
}
