/**
 * The editor's top bar: back, the report's title and status, the save state, the drawers, JSON out and
 * a file in, and the workflow steps the report's permissions allow (each asks first: StepDialog).
 */
import type { Report } from '@nianbao/api';
import { t, useLang } from './i18n.ts';
import { StatusBadge } from './StatusBadge.tsx';
import type { Step } from './StepDialog.tsx';
import type { SaveSnapshot, SaveState } from './saveQueue.ts';
import { errorMessage } from './trpc.ts';
import { ACCEPT } from './upload.ts';

export type Drawer = 'history' | 'pdf' | null;

const stateWord: Record<SaveState, { zh: string; en: string }> = {
  saved: t.saved,
  dirty: t.dirty,
  saving: t.saving,
  offline: t.offline,
  error: t.saveFailed,
  conflict: t.conflict,
};

export function EditorBar({
  report,
  save,
  drawer,
  onDrawer,
  busy,
  importing,
  errors,
  onExportJson,
  onImportFile,
  onStep,
}: {
  report: Report;
  save: SaveSnapshot;
  drawer: Drawer;
  onDrawer: (drawer: Drawer) => void;
  /** A step, a restore or an import is under way: no other starts until it has been answered. */
  busy: boolean;
  /** The import is the one under way. */
  importing: boolean;
  /** Errors left in the form: they block submitting. */
  errors: number;
  onExportJson: () => void;
  onImportFile: (file: File) => void;
  onStep: (step: Step) => void;
}) {
  const { lang, say } = useLang();
  const p = report.permissions;
  return (
    <div className="editor-bar">
      <a href="#/" className="back-link" aria-label={say(t.back)}>
        ←
      </a>
      <div className="editor-title">
        <span className="editor-title-text">{report.title[lang]}</span>
        <StatusBadge status={report.status} />
      </div>
      <output className={`save-state save-${save.state}`} data-state={save.state} aria-live="polite">
        {stateWord[save.state][lang]}
        {save.state === 'saved' && (
          <span className="muted">
            {' '}
            · {say(t.version, { n: save.version })}
            {save.savedAt ? ` · ${save.savedAt.toLocaleTimeString(lang === 'zh' ? 'zh-CN' : 'en-GB')}` : ''}
          </span>
        )}
        {save.state === 'error' && <span> · {errorMessage(save.error, lang)}</span>}
      </output>
      <div className="editor-actions">
        <button
          type="button"
          className={drawer === 'history' ? 'btn btn-active' : 'btn'}
          aria-pressed={drawer === 'history'}
          data-drawer="history"
          onClick={() => onDrawer(drawer === 'history' ? null : 'history')}
        >
          {say(t.history)}
        </button>
        <button
          type="button"
          className={drawer === 'pdf' ? 'btn btn-active' : 'btn'}
          aria-pressed={drawer === 'pdf'}
          data-drawer="pdf"
          onClick={() => onDrawer(drawer === 'pdf' ? null : 'pdf')}
        >
          PDF / HTML
        </button>
        <button type="button" className="btn" onClick={onExportJson}>
          {say(t.exportJson)}
        </button>
        {p.canEdit && (
          <label className={busy ? 'btn btn-disabled' : 'btn'} aria-busy={importing || undefined}>
            {say(importing ? t.importingInto : t.importInto)}
            <input
              type="file"
              accept={ACCEPT}
              className="nb-sr-only"
              disabled={busy}
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (file) onImportFile(file);
              }}
            />
          </label>
        )}
        {p.canSubmit && (
          <button
            type="button"
            className="btn btn-primary"
            disabled={busy || errors > 0 || save.state === 'conflict'}
            title={errors > 0 ? say(t.submitBlocked, { n: errors }) : undefined}
            onClick={() => onStep('submit')}
          >
            {say(t.submit)}
          </button>
        )}
        {p.canApprove && (
          <button type="button" className="btn btn-primary" disabled={busy} onClick={() => onStep('approve')}>
            {say(t.approve)}
          </button>
        )}
        {p.canReturn && (
          <button type="button" className="btn btn-danger" disabled={busy} onClick={() => onStep('return')}>
            {say(t.return)}
          </button>
        )}
        {p.canReopen && (
          <button
            type="button"
            className="btn"
            disabled={busy}
            onClick={() => onStep(p.canWithdraw ? 'withdraw' : 'reopen')}
          >
            {p.canWithdraw ? say(t.withdraw) : say(t.reopen)}
          </button>
        )}
      </div>
    </div>
  );
}
