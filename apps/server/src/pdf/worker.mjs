// Worker threads cannot load .ts through tsx's CLI hooks on Node 20: register them in this thread.
// tsx applies a tsconfig only to the files it includes; tsconfig.worker.json covers the packages.
import { setPriority } from 'node:os';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

// On Linux the nice value belongs to the thread: this lowers the renderer's priority only, so the
// main thread answering saves gets the CPU first while PDFs render on every core.
try {
  setPriority(Number(process.env.NIANBAO_PDF_NICE ?? 10));
} catch {
  // Not permitted or not supported: render at normal priority.
}

// React's development build checks every element and roughly doubles react-pdf's rendering time;
// a renderer in a server is production. (process.env is this thread's own copy.)
process.env.NODE_ENV ??= 'production';

register({ tsconfig: fileURLToPath(new URL('../../tsconfig.worker.json', import.meta.url)) });
const { default: render } = await import('./worker.ts');
export default render;
