import { mkdirSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { buildWeb, OUTPUT, startServer } from './server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** The server's data directory, for tests that seed at a scale the API would take minutes for. */
    dataDir: string;
  }
}

/** One build of the web app and one real server with a fresh database for the end-to-end run. */
export default async function setup(project: TestProject) {
  mkdirSync(OUTPUT, { recursive: true });
  buildWeb();
  const server = await startServer();
  project.provide('baseUrl', server.url);
  project.provide('dataDir', server.dataDir);
  return () => server.stop();
}
