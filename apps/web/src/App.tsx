import type { Me } from '@nianbao/api';
import type { Lang } from '@nianbao/schema';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { ConsolidatePage } from './ConsolidatePage.tsx';
import { DeskPage } from './DeskPage.tsx';
import { Editor } from './Editor.tsx';
import { LangContext, t, useLang } from './i18n.ts';
import { Login } from './Login.tsx';
import { OrganisationPage } from './OrganisationPage.tsx';
import { organisationWords } from './organisationWords.ts';
import { PasswordDialog } from './PasswordDialog.tsx';
import { passwordWords } from './passwordWords.ts';
import { ReportList } from './ReportList.tsx';
import { organisationHref, useRoute } from './route.ts';
import { useTRPC } from './trpc.ts';
import { UsersPage } from './UsersPage.tsx';

function initialLang(): Lang {
  return localStorage.getItem('nianbao.lang') === 'en' ? 'en' : 'zh';
}

/** The name and, unless the name says it already (「天坛街道 填报人」), the role in brackets. */
function userName(me: Me, lang: Lang): string {
  const role = t.role[me.role][lang];
  if (me.displayName.toLowerCase().includes(role.toLowerCase())) return me.displayName;
  return lang === 'zh' ? `${me.displayName}（${role}）` : `${me.displayName} (${role})`;
}

function TopBar({ me }: { me: Me | null }) {
  const { lang, setLang, say } = useLang();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [changingPassword, setChangingPassword] = useState(false);
  const userMenu = useRef<HTMLDetailsElement>(null);
  const logout = useMutation(
    trpc.auth.logout.mutationOptions({
      onSuccess: () => {
        queryClient.clear();
        window.location.hash = '#/';
      },
    }),
  );
  return (
    <header className="app-bar">
      <button type="button" className="skip-link" onClick={() => document.getElementById('main')?.focus()}>
        {say(t.skipToContent)}
      </button>
      <a className="app-brand" href="#/">
        <span className="app-emblem" aria-hidden="true">
          年
        </span>
        <span>{say(t.app)}</span>
      </a>
      <div className="app-bar-right">
        {me && (
          // The user menu: what a user does to their own account.
          <details className="user-menu" ref={userMenu}>
            <summary className="app-user" data-opens="password">
              {me.organisation.name[lang] ?? me.organisation.name.zh} · {userName(me, lang)}
              <span aria-hidden="true"> ▾</span>
            </summary>
            <div className="user-menu-items">
              <button
                type="button"
                className="btn btn-quiet"
                onClick={() => {
                  if (userMenu.current) userMenu.current.open = false;
                  setChangingPassword(true);
                }}
              >
                {say(passwordWords.open)}
              </button>
            </div>
          </details>
        )}
        {me && (
          <a className="btn btn-quiet btn-on-dark" href={organisationHref()}>
            {say(organisationWords.open)}
          </a>
        )}
        <button
          type="button"
          className="btn btn-quiet btn-on-dark"
          lang={lang === 'zh' ? 'en' : 'zh-CN'}
          title={say(t.languageLabel)}
          onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
        >
          {say(t.language)}
        </button>
        {me && (
          <button type="button" className="btn btn-quiet btn-on-dark" onClick={() => logout.mutate()}>
            {say(t.logout)}
          </button>
        )}
      </div>
      {changingPassword &&
        // On the page, not in the bar: the bar's stacking would put the backdrop under the page.
        createPortal(
          <PasswordDialog
            onClose={() => {
              setChangingPassword(false);
              requestAnimationFrame(() =>
                document.querySelector<HTMLElement>('[data-opens="password"]')?.focus(),
              );
            }}
          />,
          document.body,
        )}
    </header>
  );
}

function Pages() {
  const trpc = useTRPC();
  const route = useRoute();
  const { say } = useLang();
  const me = useQuery(trpc.auth.me.queryOptions());
  if (me.isPending) return <p className="page-note">{say(t.loading)}</p>;
  const user = me.data ?? null;
  return (
    <>
      <TopBar me={user} />
      <main className="app-main" id="main" tabIndex={-1}>
        {!user ? (
          <Login />
        ) : route.page === 'report' ? (
          <Editor key={route.id} id={route.id} />
        ) : route.page === 'consolidate' ? (
          <ConsolidatePage me={user} />
        ) : route.page === 'desk' ? (
          <DeskPage me={user} />
        ) : route.page === 'users' ? (
          <UsersPage me={user} />
        ) : route.page === 'organisation' ? (
          <OrganisationPage key={route.id ?? 'own'} me={user} id={route.id} />
        ) : (
          <ReportList me={user} />
        )}
      </main>
    </>
  );
}

export function App() {
  const [lang, setLangState] = useState<Lang>(initialLang);
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title =
      lang === 'zh'
        ? '政府信息公开工作年度报告 · 年报'
        : 'Annual Report on Government Information Disclosure';
  }, [lang]);
  const setLang = (l: Lang) => {
    localStorage.setItem('nianbao.lang', l);
    setLangState(l);
  };
  return (
    <LangContext.Provider value={{ lang, setLang }}>
      <Pages />
    </LangContext.Provider>
  );
}
