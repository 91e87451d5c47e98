/** @jsxRuntime automatic @jsxImportSource react */
/** The report as a react-pdf document: its metadata, and its laid-out pages (ReportPages.tsx). */
import { Document } from '@react-pdf/renderer';
import type { PageOps } from './layout/ops.ts';
import { LaidOutPages } from './ReportPages.tsx';
import type { ReportModel } from './reportModel.ts';

export function ReportDocument({ model, pages }: { model: ReportModel; pages: PageOps[] }) {
  const { meta } = model;
  return (
    <Document
      title={meta.title}
      author={meta.author}
      subject={meta.subject}
      language={meta.language}
      creator="nianbao"
      producer="nianbao (@react-pdf/renderer)"
      pageMode="useOutlines"
    >
      <LaidOutPages pages={pages} />
    </Document>
  );
}
