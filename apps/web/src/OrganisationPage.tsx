import type { Me, Organisation } from '@nianbao/api';
import { CONTACT_FIELDS, formatForYear, openingStatement } from '@nianbao/schema';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { t, useLang } from './i18n.ts';
import { organisationWords as w } from './organisationWords.ts';
import { organisationHref } from './route.ts';
import { errorMessage, isApiError, useTRPC } from './trpc.ts';

type ContactKey = (typeof CONTACT_FIELDS)[number]['key'];
type Contact = Record<ContactKey, string>;

const asForm = (o: Organisation): Contact =>
  Object.fromEntries(CONTACT_FIELDS.map((f) => [f.key, o.contact[f.key] ?? ''])) as Contact;

/**
 * 机关信息: an organisation's contact details, which its reports' opening statement prints. Whoever
 * keeps them (`canEditContact`: an administrator, or the body's own reviewer) edits them; the others
 * read them. An administrator chooses among the organisations below theirs.
 */
export function OrganisationPage({ me, id }: { me: Me; id: number | null }) {
  const { lang, say } = useLang();
  const trpc = useTRPC();
  const pickerId = useId();
  const orgs = useQuery(trpc.orgs.list.queryOptions());
  const organisationId = id ?? me.organisation.id;
  const org = useQuery(trpc.orgs.get.queryOptions({ id: organisationId }));
  return (
    <div className="page organisation-page">
      <div className="page-head">
        <h1>{say(w.title)}</h1>
        <a href="#/">{say(t.back)}</a>
      </div>
      {(orgs.data?.length ?? 0) > 1 && (
        <div className="create-form organisation-picker">
          <label htmlFor={pickerId}>{say(w.organisation)}</label>
          <select
            id={pickerId}
            value={organisationId}
            onChange={(e) => {
              window.location.hash = organisationHref(Number(e.target.value));
            }}
          >
            {orgs.data!.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name[lang] ?? o.name.zh}
              </option>
            ))}
          </select>
        </div>
      )}
      {org.error && (
        <p className="form-error" role="alert">
          {errorMessage(org.error, lang)}
        </p>
      )}
      {org.data && <ContactForm key={org.data.id} org={org.data} />}
    </div>
  );
}

function ContactForm({ org }: { org: Organisation }) {
  const { lang, say } = useLang();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const [values, setValues] = useState<Contact>(() => asForm(org));
  useEffect(() => setValues(asForm(org)), [org]);
  const save = useMutation(
    trpc.orgs.setContact.mutationOptions({
      onSuccess: (saved) => {
        queryClient.setQueryData(trpc.orgs.get.queryKey({ id: saved.id }), saved);
        void queryClient.invalidateQueries({ queryKey: trpc.orgs.list.queryKey() });
      },
    }),
  );
  // The server names the refused field; its message goes beside that field.
  const issues = isApiError(save.error) ? (save.error.data?.issues ?? []) : [];
  // Beside the field its name would be said twice: the server's message starts with the path.
  const issueAt = (key: ContactKey) =>
    issues.find((i) => i.path[0] === key)?.message[lang].replace(/^[\w.]+[：:]\s*/, '');
  const readOnly = !org.canEditContact;
  const year = new Date().getFullYear() - 1;
  const format = formatForYear(year);
  const name = { zh: org.name.zh, en: org.name.en ?? undefined };
  return (
    <form
      className="card contact-form"
      aria-labelledby={`${id}-name`}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ id: org.id, ...values });
      }}
    >
      <h2 id={`${id}-name`}>{org.name[lang] ?? org.name.zh}</h2>
      <p className="muted">{say(w.hint)}</p>
      {readOnly && <p className="banner banner-info">{say(w.readOnly)}</p>}
      <div className="contact-fields">
        {CONTACT_FIELDS.map((f) => {
          const issue = issueAt(f.key);
          return (
            <div key={f.key} className="contact-field">
              <label htmlFor={`${id}-${f.key}`}>{f.label[lang]}</label>
              <input
                id={`${id}-${f.key}`}
                name={f.key}
                value={values[f.key]}
                readOnly={readOnly}
                maxLength={f.key === 'address' ? 200 : 100}
                inputMode={f.key === 'postcode' ? 'numeric' : f.key === 'phone' ? 'tel' : undefined}
                type={f.key === 'email' ? 'email' : 'text'}
                aria-invalid={issue ? true : undefined}
                aria-describedby={issue ? `${id}-${f.key}-error` : undefined}
                onChange={(e) => {
                  setValues({ ...values, [f.key]: e.target.value });
                  if (save.isSuccess) save.reset();
                }}
              />
              {issue && (
                <p className="form-error" id={`${id}-${f.key}-error`}>
                  {issue}
                </p>
              )}
            </div>
          );
        })}
      </div>
      {save.error && issues.length === 0 && (
        <p className="form-error" role="alert">
          {errorMessage(save.error, lang)}
        </p>
      )}
      {save.error && issues.length > 0 && (
        <p className="nb-sr-only" role="alert">
          {errorMessage(save.error, lang)}
        </p>
      )}
      {!readOnly && (
        <p className="contact-actions">
          <button type="submit" className="btn btn-primary" disabled={save.isPending}>
            {say(w.save)}
          </button>
          {save.isSuccess && (
            <span className="banner banner-info" role="status">
              {say(w.saved)}
            </span>
          )}
        </p>
      )}
      {format && (
        <section className="contact-preview" aria-labelledby={`${id}-preview`}>
          <h3 id={`${id}-preview`}>{say(w.preview, { year })}</h3>
          <p lang={lang === 'zh' ? 'zh-CN' : 'en'} data-testid="opening-preview">
            {openingStatement(format, { organisation: name, year }, values, lang)}
          </p>
        </section>
      )}
    </form>
  );
}
