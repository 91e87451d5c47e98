import { useEffect, useState } from 'react';

/** Hash routes (`#/`, `#/reports/12`): the server needs no fallback for client paths. */
export type Route =
  | { page: 'list' }
  | { page: 'consolidate' }
  | { page: 'desk' }
  | { page: 'users' }
  | { page: 'organisation'; id: number | null }
  | { page: 'report'; id: number };

function parseRoute(hash: string): Route {
  if (hash.startsWith('#/consolidate')) return { page: 'consolidate' };
  if (hash.startsWith('#/desk')) return { page: 'desk' };
  if (hash.startsWith('#/users')) return { page: 'users' };
  const org = /^#\/organisation(?:\/(\d+))?/.exec(hash);
  if (org) return { page: 'organisation', id: org[1] ? Number(org[1]) : null };
  const m = /^#\/reports\/(\d+)/.exec(hash);
  return m ? { page: 'report', id: Number(m[1]) } : { page: 'list' };
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const update = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}

export const reportHref = (id: number) => `#/reports/${id}`;
export const CONSOLIDATE_HREF = '#/consolidate';
export const DESK_HREF = '#/desk';
export const USERS_HREF = '#/users';
/** 机关信息: the user's own organisation, or one below it. */
export const organisationHref = (id?: number) =>
  id === undefined ? '#/organisation' : `#/organisation/${id}`;
