import { defineConfig } from 'tsdown';
import { serviceBuild } from '../../tsdown.service.ts';

export default defineConfig({ ...serviceBuild, entry: ['src/index.ts', 'src/services/deskExport.ts'] });
