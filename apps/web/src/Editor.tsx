import type { Report } from '@nianbao/api';
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
import { actionError, type Notice, useReportSteps } from './reportSteps.ts';
import { type Step, StepDialog } from './StepDialog.tsx';
import { errorCode, errorMessage, useTRPC, useTRPCClient } from './trpc.ts';
import { downloadJson } from './upload.ts';

export function Editor({ id }: { id: number }) {
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
  return <Workspace report={report.data} previous={previous.data?.data} />;
}

function Workspace({ report, previous }: { report: Report; previous?: ReportData }) {
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
  const [notice, setNotice] = useState<Notice | null>(null);
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
      setNotice({ word: t.localRestored });
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

  const steps = useReportSteps({
    report: current,
    queue,
    onDone: async (done, data) => {
      if (data) formRef.current?.reset(data);
      await refresh();
      setStep(null);
      setNotice(done);
    },
  });
  /** The mutation each step's dialog sends (a withdrawal is a reopening without a reason). */
  const stepMutation = {
    submit: steps.submit,
    approve: steps.approve,
    return: steps.return,
    reopen: steps.reopen,
    withdraw: steps.reopen,
  } satisfies Record<Step, unknown>;
  const busy = Object.values(steps).some((m) => m.isPending);

  const exportJson = async () => {
    if (current.permissions.canEdit) await queue.flush();
    const data = formRef.current?.getData() ?? current.data;
    downloadJson(data as ReportData, `${current.title.zh}.json`);
  };

  const p = current.permissions;
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
        importing={steps.importInto.isPending}
        errors={errors}
        onExportJson={() => void exportJson()}
        onImportFile={(file) => {
          setNotice(null);
          steps.importInto.mutate({ file, lang });
        }}
        onStep={(s) => {
          stepMutation[s].reset();
          setStep(s);
        }}
      />
      {p.canSubmit && errors > 0 && <p className="bar-note">{say(t.submitBlocked, { n: errors })}</p>}
      {steps.importInto.error && (
        <p className="banner banner-error" role="alert">
          {actionError(steps.importInto.error, lang)}
        </p>
      )}
      {notice && (
        <p className="banner banner-info" role="status">
          {say(notice.word, notice.vars)}
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
              restoring={
                steps.restore.variables && {
                  version: steps.restore.variables.version,
                  pending: steps.restore.isPending,
                  error: steps.restore.error && actionError(steps.restore.error, lang),
                }
              }
              onRestore={(version) => {
                setNotice(null);
                steps.restore.mutate({ version });
              }}
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
          pending={stepMutation[step].isPending}
          error={stepMutation[step].error && actionError(stepMutation[step].error, lang)}
          onCancel={() => {
            stepMutation[step].reset();
            setStep(null);
          }}
          onConfirm={(comment, allZero) => {
            setNotice(null);
            if (step === 'submit') steps.submit.mutate({ allZero });
            if (step === 'approve') steps.approve.mutate();
            if (step === 'return') steps.return.mutate({ comment });
            if (step === 'reopen') steps.reopen.mutate({ reason: comment });
            if (step === 'withdraw') steps.reopen.mutate({});
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
