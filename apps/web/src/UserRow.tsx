/**
 * One account in the administrator's list: its role (changed on the spot), a password reset after a
 * confirmation (the new password shown once) and the unlock that clears its failed sign-ins. What
 * an action did, or why the server refused it, is shown in a line beneath the account.
 */
import type { ListedUser } from '@nianbao/api';
import { ROLES, type Role } from '@nianbao/schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { t, useLang } from './i18n.ts';
import { OncePassword } from './OncePassword.tsx';
import { organisationWords } from './organisationWords.ts';
import { organisationHref } from './route.ts';
import { errorMessage, fieldErrors, useTRPC } from './trpc.ts';
import { usersWords as w } from './usersWords.ts';
import { WorkflowDialog } from './WorkflowDialog.tsx';

/** The last thing done to the account, to report beneath it. */
type Outcome =
  | { kind: 'role'; role: Role }
  | { kind: 'unlock'; cleared: number }
  | { kind: 'password'; password: string };

export function UserRow({ user, bodyName, self }: { user: ListedUser; bodyName: string; self: boolean }) {
  const { lang, say } = useLang();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [confirming, setConfirming] = useState(false);
  /** A role chosen in the select and not yet applied. */
  const [choice, setChoice] = useState<Role | null>(null);
  const resetButton = useRef<HTMLButtonElement>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() });
  const setRole = useMutation(
    trpc.users.setRole.mutationOptions({
      onError: () => setChoice(null),
      onSuccess: (updated) => {
        setChoice(null);
        setOutcome({ kind: 'role', role: updated.role });
        // At once, so that the select does not fall back to the old role until the list is read again.
        queryClient.setQueryData(trpc.users.list.queryKey(), (users) =>
          users?.map((u) => (u.id === updated.id ? { ...u, ...updated } : u)),
        );
        refresh();
      },
    }),
  );
  const unlock = useMutation(
    trpc.users.unlock.mutationOptions({
      onSuccess: ({ cleared }) => {
        setOutcome({ kind: 'unlock', cleared });
        refresh();
      },
    }),
  );
  const reset = useMutation(
    trpc.users.resetPassword.mutationOptions({
      onSuccess: ({ password }) => password && setOutcome({ kind: 'password', password }),
    }),
  );
  const roleError =
    fieldErrors(setRole.error, lang).get('role') ?? (setRole.error && errorMessage(setRole.error, lang));
  const actionError = unlock.error ?? reset.error;
  const busy = setRole.isPending || unlock.isPending || reset.isPending;
  const start = (run: () => void) => {
    setOutcome(null);
    for (const m of [setRole, unlock, reset]) m.reset();
    run();
  };
  return (
    <>
      <tr>
        <td>
          <span className="user-login">{user.login}</span>
          {self && <span className="muted">{say(w.you)}</span>}
        </td>
        <td>
          {user.displayName}
          {user.failedSignIns > 0 && (
            <span className="tag tag-warning user-failures">
              {say(w.failures, { n: user.failedSignIns })}
            </span>
          )}
        </td>
        <td>
          {/* The body's contact details (the 机关信息 screen), kept by the same administrator. */}
          <a href={organisationHref(user.organisationId)} title={say(organisationWords.open)}>
            {bodyName}
          </a>
        </td>
        <td>
          <select
            className="role-select"
            aria-label={say(w.roleOf, { name: user.login })}
            aria-invalid={roleError ? true : undefined}
            aria-describedby={roleError ? `${id}-role-error` : undefined}
            value={choice ?? user.role}
            disabled={busy}
            onChange={(e) => {
              setRole.reset();
              setChoice(e.target.value === user.role ? null : (e.target.value as Role));
            }}
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {say(t.role[r])}
              </option>
            ))}
          </select>
          {/* Applied by a button: arrow keys on a closed select change it at every press. */}
          {choice && (
            <span className="role-apply">
              <button
                type="button"
                className="btn btn-small btn-primary"
                disabled={busy}
                onClick={() => start(() => setRole.mutate({ id: user.id, role: choice }))}
              >
                {say(w.applyRole)}
              </button>
              <button type="button" className="btn btn-small" disabled={busy} onClick={() => setChoice(null)}>
                {say(t.cancel)}
              </button>
            </span>
          )}
          {roleError && (
            <p className="field-error" id={`${id}-role-error`} role="alert">
              {roleError}
            </p>
          )}
        </td>
        <td className="user-actions">
          {/* One's own reset would end one's own session with the new password on screen. */}
          {!self && (
            <button
              ref={resetButton}
              type="button"
              className="btn btn-small"
              disabled={busy}
              onClick={() => setConfirming(true)}
            >
              {say(w.reset)}
            </button>
          )}
          <button
            type="button"
            className="btn btn-small"
            disabled={busy}
            onClick={() => start(() => unlock.mutate({ id: user.id }))}
          >
            {say(w.unlock)}
          </button>
        </td>
      </tr>
      {(outcome || actionError) && (
        <tr className="user-outcome">
          <td colSpan={5}>
            {actionError ? (
              <p className="form-error" role="alert">
                {errorMessage(actionError, lang)}
              </p>
            ) : outcome?.kind === 'password' ? (
              <OncePassword
                title={say(w.newPasswordFor, { login: user.login })}
                password={outcome.password}
                onDone={() => setOutcome(null)}
              />
            ) : (
              <p role="status">
                {outcome?.kind === 'role'
                  ? say(w.roleChanged, { login: user.login, role: say(t.role[outcome.role]) })
                  : outcome?.kind === 'unlock' && outcome.cleared > 0
                    ? say(w.unlocked, { login: user.login, n: outcome.cleared })
                    : say(w.nothingToUnlock, { login: user.login })}
              </p>
            )}
          </td>
        </tr>
      )}
      {/* In <body>: a dialog is no content of a table. */}
      {confirming &&
        createPortal(
          <WorkflowDialog
            title={say(w.resetTitle, { login: user.login, name: user.displayName })}
            text={say(w.resetText)}
            action={say(w.reset)}
            danger
            onCancel={() => {
              setConfirming(false);
              resetButton.current?.focus();
            }}
            onConfirm={() => {
              setConfirming(false);
              start(() => reset.mutate({ id: user.id }));
            }}
          />,
          document.body,
        )}
    </>
  );
}
