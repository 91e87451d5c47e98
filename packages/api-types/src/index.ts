/**
 * The types a tRPC client of nianbao needs, and nothing that runs: `AppRouter` and the shapes of
 * what the procedures return. The build inlines them from @nianbao/api (and the workspace packages
 * it uses) into one .d.ts, so a browser project installs neither the database driver nor the server.
 */
export type {
  AppRouter,
  ConflictDetails,
  Consolidation,
  ErrorDetails,
  ImportReading,
  ListedUser,
  Me,
  Organisation,
  Permissions,
  RejectedSave,
  Report,
  ReportsPage,
  RevisionSummary,
  SaveResult,
  User,
} from '@nianbao/api';
