/**
 * The administrator's accounts screen: the users of the bodies at and below theirs, a form to add
 * one, and per account the role, a password reset and the unlock. The API refuses anyone but an
 * administrator; this page then shows its refusal instead of the list.
 */
import type { Me } from '@nianbao/api';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { AddUserForm } from './AddUserForm.tsx';
import { bodyOptions } from './bodyTree.ts';
import { t, useLang } from './i18n.ts';
import { errorMessage, useTRPC } from './trpc.ts';
import { UserRow } from './UserRow.tsx';
import { usersWords as w } from './usersWords.ts';

export function UsersPage({ me }: { me: Me }) {
  const { lang, say } = useLang();
  const trpc = useTRPC();
  const id = useId();
  const users = useQuery(trpc.users.list.queryOptions());
  const orgs = useQuery(trpc.orgs.list.queryOptions());
  const [search, setSearch] = useState('');
  const bodyName = (orgId: number) => {
    const org = orgs.data?.find((o) => o.id === orgId);
    return org ? org.name[lang] || org.name.zh : `#${orgId}`;
  };
  // The bodies in the order of their tree (one's own first, each followed by those below it).
  const place = new Map(bodyOptions(orgs.data ?? [], me.organisation.id).map(({ org }, i) => [org.id, i]));
  const needle = search.trim().toLowerCase();
  const rows = (users.data ?? [])
    .filter(
      (u) =>
        !needle ||
        [u.login, u.displayName, bodyName(u.organisationId)].some((s) => s.toLowerCase().includes(needle)),
    )
    .sort(
      (a, b) =>
        (place.get(a.organisationId) ?? 0) - (place.get(b.organisationId) ?? 0) ||
        a.login.localeCompare(b.login),
    );
  const error = users.error ?? orgs.error;
  return (
    <div className="page users-page">
      <div className="page-head">
        <h1>{say(w.title)}</h1>
        <a className="btn" href="#/">
          {say(t.back)}
        </a>
      </div>
      <p className="muted">{say(w.hint)}</p>
      {error ? (
        <p className="form-error" role="alert">
          {errorMessage(error, lang)}
        </p>
      ) : !users.data || !orgs.data ? (
        <p className="page-note">{say(t.loading)}</p>
      ) : (
        <>
          <AddUserForm me={me} orgs={orgs.data} />
          <div className="desk-filters">
            <label htmlFor={`${id}-search`}>{say(w.search)}</label>
            <input
              id={`${id}-search`}
              type="search"
              value={search}
              maxLength={100}
              onChange={(e) => setSearch(e.target.value)}
            />
            <span className="muted">{say(w.total, { n: rows.length })}</span>
          </div>
          {rows.length === 0 ? (
            <p className="page-note">{say(w.none)}</p>
          ) : (
            <table className="data-table users-table">
              <caption className="visually-hidden">{say(w.title)}</caption>
              <thead>
                <tr>
                  <th scope="col">{say(w.login)}</th>
                  <th scope="col">{say(w.displayName)}</th>
                  <th scope="col">{say(w.body)}</th>
                  <th scope="col">{say(w.role)}</th>
                  <th scope="col">{say(w.actions)}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((u) => (
                  <UserRow key={u.id} user={u} bodyName={bodyName(u.organisationId)} self={u.id === me.id} />
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </div>
  );
}
