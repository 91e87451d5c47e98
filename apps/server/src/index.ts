export { type Config, REPO_ROOT, readConfig } from './config.ts';
export { type RunningServer, type ServerOptions, startServer } from './server.ts';
