/**
 * The workspace's packages export their built files (dist/) to the world and their TypeScript
 * sources under the "@nianbao/source" condition. Vite and vitest in this repository resolve that
 * condition first, so tests and the dev server run on sources with no build step; tsconfig.base.json
 * does the same for tsc (customConditions) and `tsx --conditions=@nianbao/source` for scripts.
 */
const SOURCE = '@nianbao/source';

// Vite's defaults (defaultClientConditions / defaultServerConditions), which a `conditions` list
// replaces rather than extends.
export const sourceConditions = {
  resolve: { conditions: [SOURCE, 'module', 'browser', 'development|production'] },
  ssr: { resolve: { conditions: [SOURCE, 'module', 'node', 'development|production'] } },
};
