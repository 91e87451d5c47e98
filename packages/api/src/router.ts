import { authRouter } from './routers/auth.ts';
import { consolidateRouter } from './routers/consolidate.ts';
import { deskRouter } from './routers/desk.ts';
import { importsRouter } from './routers/imports.ts';
import { orgsRouter } from './routers/orgs.ts';
import { reportsRouter } from './routers/reports.ts';
import { usersRouter } from './routers/users.ts';
import { router } from './trpc.ts';

/**
 * The whole API. A new area (e.g. consolidation, 汇总) is one more router here; the access rules
 * it needs (`readScope`, `canReview`) are exported from access.ts.
 */
export const appRouter = router({
  auth: authRouter,
  reports: reportsRouter,
  orgs: orgsRouter,
  users: usersRouter,
  consolidate: consolidateRouter,
  desk: deskRouter,
  imports: importsRouter,
});

export type AppRouter = typeof appRouter;
