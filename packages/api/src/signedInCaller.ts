/**
 * The API called in this process as a signed-in user, for scripts, tests and benchmarks: it signs
 * in through `auth.login` and keeps the session cookie as a browser would, so every check (session,
 * access, workflow) runs as it does over HTTP.
 */
import { type ApiDeps, createContext } from './context.ts';
import { appRouter } from './router.ts';
import { createCallerFactory } from './trpc.ts';

export async function signedInCaller(
  deps: ApiDeps,
  credentials: { login: string; password: string },
  address = '127.0.0.1',
) {
  let cookie: string | null = null;
  const make = async () =>
    createCallerFactory(appRouter)(
      await createContext(deps, {
        cookieHeader: cookie,
        address,
        setCookie: (value) => {
          cookie = value.split(';')[0]!;
        },
      }),
    );
  await (await make()).auth.login(credentials);
  return make();
}
