/**
 * A generated password, shown the one time the server ever sends it (it keeps only a hash): with a
 * copy button and a plain note that it cannot be shown again. Focus moves to it, so that a keyboard
 * or screen-reader user meets it at once.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useLang } from './i18n.ts';
import { usersWords as w } from './usersWords.ts';

export function OncePassword({
  title,
  password,
  onDone,
}: {
  title: string;
  password: string;
  onDone: () => void;
}) {
  const { say } = useLang();
  const id = useId();
  const box = useRef<HTMLElement>(null);
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => box.current?.focus(), []);
  return (
    <section
      ref={box}
      className="once-password"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-note`}
      tabIndex={-1}
    >
      <h3 id={`${id}-title`}>{title}</h3>
      <div className="once-password-line">
        <code className="once-password-value" data-testid="once-password">
          {password}
        </code>
        <button
          type="button"
          className="btn btn-small"
          onClick={() =>
            // No clipboard outside a secure context (plain HTTP to a LAN address): say so.
            (navigator.clipboard?.writeText(password) ?? Promise.reject(new Error('no clipboard')))
              .then(() => setCopy('copied'))
              .catch(() => setCopy('failed'))
          }
        >
          {say(w.copy)}
        </button>
        <span role="status" className={copy === 'failed' ? 'form-error' : 'muted'}>
          {copy === 'copied' ? say(w.copied) : copy === 'failed' ? say(w.copyFailed) : ''}
        </span>
      </div>
      <p id={`${id}-note`} className="once-password-note">
        {say(w.shownOnce)}
      </p>
      <button type="button" className="btn btn-small" onClick={onDone}>
        {say(w.dismiss)}
      </button>
    </section>
  );
}
