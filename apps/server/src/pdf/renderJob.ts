/** What the main thread asks a rendering worker for (PDF, Word or HTML), and what it gets back. */
import type { ReportData, ReportLang } from '@nianbao/schema';

export interface RenderJob {
  kind: 'pdf' | 'docx' | 'html';
  lang: ReportLang;
  report: ReportData;
}

export type RenderResult =
  | { ok: true; body: Uint8Array }
  /** The report cannot be rendered this way (e.g. English text missing): the user must act. */
  | { ok: false; message: string };
