// Type-checked by tsc (strict, NodeNext, JSX): <ReportPages> from @nianbao/pdf/react in the consumer's own
// react-pdf <Document>. booklet.mjs renders the same thing with plain node.
import { preloadFonts, ReportPages, type ReportPagesProps } from '@nianbao/pdf/react';
import { newReport } from '@nianbao/schema';
import { Document, Page, renderToBuffer, Text } from '@react-pdf/renderer';

const props: ReportPagesProps = {
  report: newReport({ organisation: { zh: '示例县人民政府' }, year: 2023 }),
  lang: 'zh',
  firstPageNumber: 'continue',
};
await preloadFonts();
export const booklet = renderToBuffer(
  <Document>
    <Page size="A4">
      <Text>封面</Text>
    </Page>
    <ReportPages {...props} />
  </Document>,
);
// @ts-expect-error: the language is one of zh, en, zh-en
export const wrong = <ReportPages report={props.report} lang="fr" />;
