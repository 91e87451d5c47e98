import type { Me, Report } from '@nianbao/api';
import { type FormFinding, ReportForm, type ReportFormHandle } from '@nianbao/form';
import {
  allTablesZero,
  blockName,
  blocksMissingEnglish,
  type FormatDef,
  getFormat,
  narrativeBlocks,
  type ReportData,
} from '@nianbao/schema';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { readPending, useAutosave } from './autosave.ts';
import { ConflictView } from './ConflictView.tsx';
import { type Drawer, EditorBar } from './EditorBar.tsx';
import { HistoryPanel } from './HistoryPanel.tsx';
import { formatTime, t, useLang } from './i18n.ts';
import { PdfPanel } from './PdfPanel.tsx';
import { type Step, StepDialog } from './StepDialog.tsx';
import { errorCode, errorMessage, useTRPC, useTRPCClient } from './trpc.ts';
import { downloadJson, readUpload } from './upload.ts';

export function Editor({ id, me }: { id: number; me: Me }) {
  const trpc = useTRPC();
  const { lang, say } = useLang();
  // Fetched afresh each time the report is opened (gcTime 0): the form starts from what is stored now.
  const report = useQuery({
    ...trpc.reports.get.queryOptions({ id }),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
  });
  // The version of last year's report the carry-over comes from (its approved one first).
  const from = report.data?.previousYear;
  const previous = useQuery({
    ...trpc.reports.revision.queryOptions({ id: from?.id ?? 0, version: from?.version ?? 1 }),
    enabled: from !== undefined && from !== null,
    staleTime: Number.POSITIVE_INFINITY,
  });
  if (report.error) {
    return (
      <div className="page">
        <p className="form-error" role="alert">
          {errorMessage(report.error, lang)}
        </p>
        <a href="#/">{say(t.back)}</a>
      </div>
    );
  }
  if (!report.data || (from && previous.isPending)) return <p className="page-note">{say(t.loading)}</p>;
  return <Workspace report={report.data} previous={previous.data?.data} me={me} />;
}

function Workspace({ report, previous, me }: { report: Report; previous?: ReportData; me: Me }) {
  const { lang, say } = useLang();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const format = getFormat(report.data.format);
  const formRef = useRef<ReportFormHandle>(null);
  // The organisation's record, from which the opening statement is drafted.
  const contact = useQuery(trpc.orgs.get.queryOptions({ id: report.organisation.id })).data?.contact;
  const [startPending] = useState(() => readPending(report.id));
  const [initial] = useState<ReportData>(() =>
    startPending && startPending.baseVersion === report.version ? startPending.data : report.data,
  );
  const [current, setCurrent] = useState(report);
  const [errors, setErrors] = useState(() => report.findings.filter((f) => f.level === 'error').length);
  const [drawer, setDrawer] = useState<Drawer>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [step, setStep] = useState<Step | null>(null);

  const autosave = useAutosave({
    client,
    id: report.id,
    version: report.version,
    getData: () => formRef.current?.getData(),
  });
  const { queue } = autosave;
  const version = autosave.version;

  // Work that did not reach the server last time: send it, or meet the newer version in the conflict screen.
  // Once, when the report opens: later renders carry the same report and pending work.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on mount only, by design
  useEffect(() => {
    if (!startPending) return;
    if (startPending.baseVersion === report.version) {
      setNotice(say(t.localRestored));
      queue.changed();
    } else {
      queue.startConflict({
        theirs: {
          version: report.version,
          data: report.data,
          updatedAt: report.updatedAt,
          updatedBy: report.updatedBy,
        },
        yours: startPending.data,
      });
    }
  }, []);

  // An expired session: back to the login page; the pending work is in localStorage and is sent
  // when the report is opened again after signing in.
  useEffect(() => {
    if (errorCode(autosave.error) === 'UNAUTHORIZED') queryClient.setQueryData(trpc.auth.me.queryKey(), null);
  }, [autosave.error, queryClient, trpc]);

  // A drawer that opens takes the focus, so that keyboard users land in it.
  const focusOnMount = useCallback((el: HTMLElement | null) => el?.focus(), []);

  const onFindings = useCallback((findings: FormFinding[]) => {
    setErrors(findings.filter((f) => f.level === 'error').length);
  }, []);

  const refresh = async () => {
    const fresh = await queryClient.fetchQuery({
      ...trpc.reports.get.queryOptions({ id: report.id }),
      staleTime: 0,
    });
    setCurrent(fresh);
    queue.setVersion(fresh.version);
    void queryClient.invalidateQueries({ queryKey: trpc.reports.list.queryKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.reports.revisions.queryKey({ id: report.id }) });
    return fresh;
  };

  /** Saves what is pending, runs a step, reloads the report; `done` is said when it worked. */
  const act = async (run: (version: number) => Promise<unknown>, done?: string) => {
    setBusy(true);
    setActionError(null);
    setNotice(null);
    try {
      if (current.permissions.canEdit && !(await queue.flush())) {
        // A save the server refused: its reason, in full (a text over the length limit, say).
        const refused = queue.error;
        setActionError(refused ? `${say(t.notSaved)}${errorMessage(refused, lang)}` : say(t.notSavedYet));
        return;
      }
      await run(queue.version);
      await refresh();
      if (done) setNotice(done);
    } catch (e) {
      setActionError(errorMessage(e, lang));
    } finally {
      setBusy(false);
    }
  };

  const restore = (v: number) =>
    act(async (base) => {
      const result = await client.reports.restore.mutate({ id: report.id, version: v, baseVersion: base });
      queue.setVersion(result.version);
      formRef.current?.reset(result.data);
      setNotice(say(t.restored, { n: v }));
    });

  const importFile = (file: File) =>
    act(async (base) => {
      const upload = await readUpload(file, lang);
      const result = await client.imports.into.mutate({ id: report.id, baseVersion: base, file: upload });
      queue.setVersion(result.version);
      formRef.current?.reset(result.data);
      setNotice(
        say(t.importedInto, { name: upload.name, n: result.version, read: result.reading.readCells }),
      );
    });

  const exportJson = async () => {
    if (current.permissions.canEdit) await queue.flush();
    const data = formRef.current?.getData() ?? current.data;
    downloadJson(data as ReportData, `${current.title.zh}.json`);
  };

  const p = current.permissions;
  // The submitter taking back a report not yet approved: no reason needed.
  const withdraws = current.status === 'submitted' && current.submittedBy?.id === me.id;
  const readOnly = !p.canEdit;
  const title = current.title[lang];

  return (
    <div className="editor">
      <EditorBar
        report={current}
        save={autosave}
        drawer={drawer}
        onDrawer={setDrawer}
        busy={busy}
        errors={errors}
        withdraws={withdraws}
        onExportJson={() => void exportJson()}
        onImportFile={(file) => void importFile(file)}
        onStep={setStep}
      />
      {p.canSubmit && errors > 0 && <p className="bar-note">{say(t.submitBlocked, { n: errors })}</p>}
      {actionError && (
        <p className="banner banner-error" role="alert">
          {actionError}
        </p>
      )}
      {notice && (
        <p className="banner banner-info" role="status">
          {notice}
        </p>
      )}
      {current.returned && current.status === 'draft' && (
        <div className="banner banner-warning" role="note">
          <strong>
            {say(t.returnedBy, {
              who: current.returned.by?.displayName ?? '—',
              at: formatTime(current.returned.at, lang),
            })}
          </strong>{' '}
          {current.returned.comment}
        </div>
      )}
      {current.reopened && current.status === 'draft' && (
        <div className="banner banner-warning" role="note">
          <strong>
            {say(t.reopenedBy, {
              who: current.reopened.by?.displayName ?? '—',
              at: formatTime(current.reopened.at, lang),
            })}
          </strong>{' '}
          {current.reopened.reason}
        </div>
      )}
      {readOnly && (
        <p className="banner banner-info">{say(t.readOnly, { status: say(t[current.status]) })}</p>
      )}
      {autosave.conflict && (
        <ConflictView
          format={format}
          conflict={autosave.conflict}
          onResolve={(merged) => {
            const theirVersion = autosave.conflict!.theirs.version;
            formRef.current?.reset(merged);
            queue.resolved(theirVersion);
          }}
        />
      )}
      <div className="editor-body" hidden={autosave.conflict !== null}>
        <ReportForm
          ref={formRef}
          format={format}
          defaultValue={initial}
          previous={previous}
          carriedFrom={
            report.previousYear && {
              version: report.previousYear.version,
              status: report.previousYear.status,
            }
          }
          contact={contact}
          lang={lang}
          readOnly={readOnly}
          onChange={queue.changed}
          onFindings={onFindings}
        />
      </div>
      {drawer && (
        <aside
          className="drawer"
          aria-label={drawer === 'history' ? say(t.history) : 'PDF'}
          onKeyDown={(e) => {
            if (e.key !== 'Escape') return;
            // Esc closes the drawer and gives the focus back to the button that opened it.
            e.stopPropagation();
            const opener = drawer;
            setDrawer(null);
            requestAnimationFrame(() =>
              document.querySelector<HTMLElement>(`[data-drawer="${opener}"]`)?.focus(),
            );
          }}
        >
          <div className="drawer-head">
            <h2 tabIndex={-1} ref={focusOnMount}>
              {drawer === 'history' ? say(t.history) : 'PDF / HTML'}
            </h2>
            <button type="button" className="btn btn-small" onClick={() => setDrawer(null)}>
              ×<span className="nb-sr-only">{say(t.cancel)}</span>
            </button>
          </div>
          {drawer === 'history' ? (
            <HistoryPanel
              id={report.id}
              current={version}
              canRestore={p.canEdit}
              onRestore={(v) => void restore(v)}
            />
          ) : (
            <PdfPanel
              id={report.id}
              version={version}
              fileName={title}
              beforeFetch={() => (p.canEdit ? queue.flush() : Promise.resolve())}
              englishMissing={englishMissing(format, formRef.current?.getData() ?? current.data)}
              onOpenBlock={
                p.canEdit
                  ? (block) => {
                      setDrawer(null);
                      requestAnimationFrame(() => formRef.current?.editEnglish(block));
                    }
                  : undefined
              }
            />
          )}
        </aside>
      )}
      {step && (
        <StepDialog
          step={step}
          allZero={step === 'submit' && allTablesZero(format, formRef.current?.getData() ?? current.data)}
          onCancel={() => setStep(null)}
          onConfirm={(comment, allZero) => {
            setStep(null);
            const id = report.id;
            if (step === 'submit')
              void act(
                (v) =>
                  client.reports.submit.mutate({
                    id,
                    version: v,
                    ...(allZero ? { allZeroConfirmed: true } : {}),
                  }),
                say(t.submittedDone),
              );
            if (step === 'approve')
              void act((v) => client.reports.approve.mutate({ id, version: v }), say(t.approvedDone));
            if (step === 'return')
              void act((v) => client.reports.return.mutate({ id, version: v, comment }), say(t.returnedDone));
            if (step === 'reopen')
              void act(
                (v) => client.reports.reopen.mutate({ id, version: v, reason: comment }),
                say(t.reopenedDone),
              );
            if (step === 'withdraw')
              void act((v) => client.reports.reopen.mutate({ id, version: v }), say(t.withdrawnDone));
          }}
        />
      )}
    </div>
  );
}

/** The passages that have Chinese but no English, named by their headings. */
function englishMissing(format: FormatDef, data: ReportData) {
  const blocks = narrativeBlocks(format);
  return blocksMissingEnglish(data, format).map((id) => ({
    id,
    name: blockName(format, blocks.find((b) => b.id === id)!),
  }));
}
