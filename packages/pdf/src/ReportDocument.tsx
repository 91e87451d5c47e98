/**
 * The report as a react-pdf document: title, the six sections in the format's order, the closing
 * block, page numbers 「— N —」. Uses react-pdf's newer pagination engine: it splits the nested
 * table boxes between rows and repeats table 三's header, which the legacy engine does not.
 */
import { Document, Page, Text, View } from '@react-pdf/renderer';
import { BlocksTable } from './BlocksTable.tsx';
import { MatrixTable } from './MatrixTable.tsx';
import { Heading, Narrative } from './Narrative.tsx';
import { PageNumbers } from './PageNumbers.tsx';
import type { ReportModel, SectionModel } from './reportModel.ts';
import { styles } from './styles.ts';

/** react-pdf reads `bookmark` on any element, though its types declare it only on Page. */
function outlineEntry(title: string): object {
  return { bookmark: { title, fit: true } };
}

function Section({ section, model }: { section: SectionModel; model: ReportModel }) {
  const { table } = section;
  return (
    <View {...outlineEntry(section.bookmark)}>
      <Heading shown={section.heading} lang={model.lang} level={1} />
      {section.narrative.map((block) => (
        <Narrative key={block.id} block={block} lang={model.lang} />
      ))}
      {table?.type === 'blocks' ? <BlocksTable table={table} model={model} /> : null}
      {table?.type === 'matrix' ? <MatrixTable table={table} model={model} /> : null}
    </View>
  );
}

export function ReportDocument({ model }: { model: ReportModel }) {
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
      <Page size="A4" style={styles.page} experimentalPagination>
        <PageNumbers />
        <View style={styles.titleBlock}>
          <Text style={styles.title}>{model.title.main}</Text>
          {model.title.sub ? <Text style={styles.titleEn}>{model.title.sub}</Text> : null}
        </View>
        {model.sections.map((section) => (
          <Section key={section.id} section={section} model={model} />
        ))}
        <View style={styles.closing} wrap={false}>
          {model.closing.flatMap((block) =>
            block.lines.map((line, i) => (
              <Text
                key={`${block.lang}${i}`}
                style={block.lang === 'zh' ? styles.closingLine : styles.closingLineEn}
              >
                {line}
              </Text>
            )),
          )}
        </View>
      </Page>
    </Document>
  );
}
