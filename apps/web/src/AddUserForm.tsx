/**
 * The administrator adds an account: login, name, body and role. The server generates the password
 * and sends it this once; every refusal is shown at the field it names (the server validates, so the
 * rule and its bilingual message live once).
 */
import type { Me, Organisation } from '@nianbao/api';
import { ROLES, type Role } from '@nianbao/schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { bodyOptions } from './bodyTree.ts';
import { t, useLang } from './i18n.ts';
import { OncePassword } from './OncePassword.tsx';
import { errorMessage, fieldErrors, useTRPC } from './trpc.ts';
import { usersWords as w } from './usersWords.ts';

const FIELDS = ['login', 'displayName', 'organisationId', 'role'] as const;

export function AddUserForm({ me, orgs }: { me: Me; orgs: Organisation[] }) {
  const { lang, say } = useLang();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const [login, setLogin] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [organisationId, setOrganisationId] = useState(me.organisation.id);
  const [role, setRole] = useState<Role>('filler');
  const create = useMutation(
    trpc.users.create.mutationOptions({
      onSuccess: () => {
        setLogin('');
        setDisplayName('');
        queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() });
      },
      // To the first field the server refused, whose message is beside it.
      onError: (error) => {
        const named = fieldErrors(error, lang);
        const first = FIELDS.find((f) => named.has(f));
        if (first) document.getElementById(`${id}-${first}`)?.focus();
      },
    }),
  );
  const errors = fieldErrors(create.error, lang);
  const general =
    create.error && !FIELDS.some((f) => errors.has(f)) ? errorMessage(create.error, lang) : null;
  /** The props that tie a control to its label, hint and error. */
  const field = (name: (typeof FIELDS)[number], hint?: boolean) => ({
    id: `${id}-${name}`,
    'aria-invalid': errors.has(name) || undefined,
    'aria-describedby':
      [hint ? `${id}-${name}-hint` : '', errors.has(name) ? `${id}-${name}-error` : ''].join(' ').trim() ||
      undefined,
  });
  const error = (name: (typeof FIELDS)[number]) =>
    errors.has(name) && (
      <p className="field-error" id={`${id}-${name}-error`}>
        {errors.get(name)}
      </p>
    );
  const made = create.data;
  return (
    <section className="card create-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{say(w.add)}</h2>
      <p className="muted" id={`${id}-role-hint`}>
        {say(w.roleHint)}
      </p>
      <form
        className="user-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate({ login, displayName, organisationId, role });
        }}
      >
        <div className="user-field">
          <label htmlFor={`${id}-login`}>{say(w.login)}</label>
          <input
            {...field('login', true)}
            value={login}
            autoComplete="off"
            spellCheck={false}
            maxLength={64}
            onChange={(e) => setLogin(e.target.value)}
          />
          <p className="field-hint muted small" id={`${id}-login-hint`}>
            {say(w.loginHint)}
          </p>
          {error('login')}
        </div>
        <div className="user-field">
          <label htmlFor={`${id}-displayName`}>{say(w.displayName)}</label>
          <input
            {...field('displayName')}
            value={displayName}
            autoComplete="off"
            maxLength={100}
            onChange={(e) => setDisplayName(e.target.value)}
          />
          {error('displayName')}
        </div>
        <div className="user-field">
          <label htmlFor={`${id}-organisationId`}>{say(w.body)}</label>
          <select
            {...field('organisationId')}
            value={organisationId}
            onChange={(e) => setOrganisationId(Number(e.target.value))}
          >
            {bodyOptions(orgs, me.organisation.id).map(({ org, depth }) => (
              <option key={org.id} value={org.id}>
                {'\u3000'.repeat(depth)}
                {org.name[lang] || org.name.zh}
              </option>
            ))}
          </select>
          {error('organisationId')}
        </div>
        <div className="user-field">
          <label htmlFor={`${id}-role`}>{say(w.role)}</label>
          <select {...field('role', true)} value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {say(t.role[r])}
              </option>
            ))}
          </select>
          {error('role')}
        </div>
        <div className="user-field user-submit">
          <button type="submit" className="btn btn-primary" disabled={create.isPending}>
            {say(w.add)}
          </button>
        </div>
      </form>
      {general && (
        <p className="form-error" role="alert">
          {general}
        </p>
      )}
      {made && (
        <>
          <p role="status">{say(w.addDone, { login: made.user.login, name: made.user.displayName })}</p>
          {made.password && (
            <OncePassword
              title={say(w.passwordFor, { login: made.user.login })}
              password={made.password}
              onDone={() => create.reset()}
            />
          )}
        </>
      )}
    </section>
  );
}
