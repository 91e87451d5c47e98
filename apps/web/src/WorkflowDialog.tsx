/**
 * The confirmation before a status change (submit, approve, return, reopen): what will happen, and
 * where the step needs it, a comment the filler will see (return, reopen) or the filler's
 * confirmation that a report of nothing but zeros is right.
 */
import { useId, useState } from 'react';
import { t, useLang } from './i18n.ts';

export interface WorkflowDialogProps {
  title: string;
  /** What the step does, in a sentence. */
  text?: string;
  /** A required comment with this label (the return comment, the reason for reopening). */
  commentLabel?: string;
  /** A required check box with this label (the all-zero confirmation of a submission). */
  checkLabel?: string;
  action: string;
  danger?: boolean;
  /**
   * Sent and not yet answered: the dialog stays open with what was typed, so that a refusal can be
   * read beside it and the step tried again without typing it anew.
   */
  pending?: boolean;
  /** Why the last try was refused. */
  error?: string | null;
  onCancel: () => void;
  onConfirm: (comment: string) => void;
}

export function WorkflowDialog(props: WorkflowDialogProps) {
  const { say } = useLang();
  const [comment, setComment] = useState('');
  const [checked, setChecked] = useState(false);
  const id = useId();
  const ready = (!props.commentLabel || comment.trim() !== '') && (!props.checkLabel || checked);
  return (
    <div className="modal-backdrop">
      {/* The dialog holds the form (a form may not take the dialog role). */}
      <div
        className="modal card"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        aria-describedby={props.text ? `${id}-text` : undefined}
      >
        <form
          className="modal-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (ready && !props.pending) props.onConfirm(comment.trim());
          }}
          onKeyDown={(e) => e.key === 'Escape' && !props.pending && props.onCancel()}
        >
          <h2 id={`${id}-title`}>{props.title}</h2>
          {props.text && <p id={`${id}-text`}>{props.text}</p>}
          {props.commentLabel && (
            <>
              <label htmlFor={`${id}-comment`}>{props.commentLabel}</label>
              <textarea
                id={`${id}-comment`}
                rows={5}
                value={comment}
                onChange={(e) => setComment(e.target.value)}
                readOnly={props.pending}
                required
                // biome-ignore lint/a11y/noAutofocus: the dialog exists to take this comment
                autoFocus
              />
            </>
          )}
          {props.checkLabel && (
            <label className="modal-check">
              <input
                type="checkbox"
                checked={checked}
                onChange={(e) => props.pending || setChecked(e.target.checked)}
              />
              {props.checkLabel}
            </label>
          )}
          {props.error && (
            <p className="form-error" role="alert">
              {props.error}
            </p>
          )}
          <div className="modal-actions">
            {/* While pending the buttons keep the focus (aria-disabled, not disabled) and do nothing. */}
            <button
              type="button"
              className="btn"
              aria-disabled={props.pending || undefined}
              onClick={() => props.pending || props.onCancel()}
            >
              {say(t.cancel)}
            </button>
            <button
              type="submit"
              className={props.danger ? 'btn btn-danger' : 'btn btn-primary'}
              disabled={!ready}
              aria-disabled={props.pending || undefined}
              aria-busy={props.pending || undefined}
              // biome-ignore lint/a11y/noAutofocus: without a comment to write, the answer is the button
              autoFocus={!props.commentLabel && !props.checkLabel}
            >
              {props.pending ? say(t.working) : props.action}
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
