import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { sourceConditions } from '../../vite.source.ts';

/** In development the API and the PDF downloads come from a running `pnpm start` (NIANBAO_API_ORIGIN). */
const api = process.env.NIANBAO_API_ORIGIN ?? 'http://localhost:3000';

export default defineConfig({
  ...sourceConditions,
  plugins: [react()],
  server: { proxy: { '/trpc': api, '/reports': api } },
  build: { outDir: 'dist', sourcemap: false, chunkSizeWarningLimit: 600 },
});
