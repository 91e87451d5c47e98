/**
 * Changing one's own password, from the top bar: the current one, the new one twice. The server's
 * refusals are shown at the field they name (a wrong current password, a new one too short or the
 * same); that the two new ones match is checked here, as it never reaches the server.
 */
import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { t, useLang } from './i18n.ts';
import { passwordWords as w } from './passwordWords.ts';
import { errorMessage, fieldErrors, useTRPC } from './trpc.ts';

export function PasswordDialog({ onClose }: { onClose: () => void }) {
  const { lang, say } = useLang();
  const trpc = useTRPC();
  const id = useId();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [again, setAgain] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const change = useMutation(trpc.auth.changePassword.mutationOptions());
  const fields = fieldErrors(change.error, lang);
  const errorOf: Record<string, string | undefined> = {
    currentPassword: fields.get('currentPassword'),
    newPassword: fields.get('newPassword'),
    again: mismatch ? say(w.mismatch) : undefined,
  };
  // A refusal that names no field (the session ended, the server cannot be reached).
  const general = change.error && fields.size === 0 ? errorMessage(change.error, lang) : null;

  const field = (
    name: 'currentPassword' | 'newPassword' | 'again',
    value: string,
    set: (v: string) => void,
  ) => (
    <>
      <label htmlFor={`${id}-${name}`}>{say(w[name])}</label>
      <input
        id={`${id}-${name}`}
        type="password"
        autoComplete={name === 'currentPassword' ? 'current-password' : 'new-password'}
        value={value}
        onChange={(e) => set(e.target.value)}
        readOnly={change.isPending}
        required
        aria-invalid={errorOf[name] ? true : undefined}
        aria-describedby={errorOf[name] ? `${id}-${name}-error` : undefined}
        // biome-ignore lint/a11y/noAutofocus: the dialog opens to take this password
        autoFocus={name === 'currentPassword'}
      />
      {errorOf[name] && (
        <p className="form-error" id={`${id}-${name}-error`} role="alert">
          {errorOf[name]}
        </p>
      )}
    </>
  );

  return (
    <div className="modal-backdrop">
      <div className="modal card" role="dialog" aria-modal="true" aria-labelledby={`${id}-title`}>
        <form
          className="modal-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (change.isPending) return;
            const differs = newPassword !== again;
            setMismatch(differs);
            if (!differs) change.mutate({ currentPassword, newPassword });
          }}
          onKeyDown={(e) => e.key === 'Escape' && !change.isPending && onClose()}
        >
          <h2 id={`${id}-title`}>{say(w.title)}</h2>
          {change.isSuccess ? (
            <>
              <p role="status">{say(w.done)}</p>
              <div className="modal-actions">
                {/* biome-ignore lint/a11y/noAutofocus: the one thing left to do */}
                <button type="button" className="btn btn-primary" onClick={onClose} autoFocus>
                  {say(w.close)}
                </button>
              </div>
            </>
          ) : (
            <>
              <p className="muted">{say(w.hint)}</p>
              {field('currentPassword', currentPassword, setCurrent)}
              {field('newPassword', newPassword, setNew)}
              {field('again', again, setAgain)}
              {general && (
                <p className="form-error" role="alert">
                  {general}
                </p>
              )}
              <div className="modal-actions">
                <button type="button" className="btn" onClick={onClose} disabled={change.isPending}>
                  {say(t.cancel)}
                </button>
                <button type="submit" className="btn btn-primary" aria-busy={change.isPending || undefined}>
                  {change.isPending ? say(t.working) : say(w.submit)}
                </button>
              </div>
            </>
          )}
        </form>
      </div>
    </div>
  );
}
