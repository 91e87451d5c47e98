import { defineConfig } from 'vitest/config';
import { sourceConditions } from '../../vite.source.ts';

export default defineConfig({ ...sourceConditions });
