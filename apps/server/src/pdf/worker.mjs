// Worker threads cannot load .ts through tsx's CLI hooks on Node 20: register them in this thread.
// tsx applies a tsconfig only to the files it includes; tsconfig.worker.json covers the packages.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register({ tsconfig: fileURLToPath(new URL('../../tsconfig.worker.json', import.meta.url)) });
const { default: render } = await import('./worker.ts');
export default render;
