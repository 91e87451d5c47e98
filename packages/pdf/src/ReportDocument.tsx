/** @jsxRuntime automatic @jsxImportSource react */
/**
 * The report as a react-pdf document: title, the six sections in the format's order, the closing
 * block, page numbers 「— N —」. Uses react-pdf's newer pagination engine: it splits the nested
 * table boxes between rows and repeats table 三's header, which the legacy engine does not.
 */
import { Document, Page, Text, View } from '@react-pdf/renderer';
import type { ReactNode } from 'react';
import { BlocksTable } from './BlocksTable.tsx';
import { noHyphenation } from './cjkBreak.ts';
import { MatrixTable } from './MatrixTable.tsx';
import { Heading, KEEP_WITH_TABLE, Narrative } from './Narrative.tsx';
import { type } from './officialLayout.ts';
import { PageNumbers } from './PageNumbers.tsx';
import type { ReportModel, SectionModel } from './reportModel.ts';
import { styles } from './styles.ts';

interface SectionProps {
  section: SectionModel;
  model: ReportModel;
  /** The closing block, when this is the last section: it must not stand alone on a page. */
  closing?: ReactNode;
}

function Section({ section, model, closing }: SectionProps) {
  const { table } = section;
  const lastBlock = section.narrative.length - 1;
  // Flat, not wrapped in a View: a heading keeps company with what follows only among siblings
  // of the page flow (the pagination engine cannot move a container from inside it).
  return (
    <>
      <Heading
        shown={section.heading}
        lang={model.lang}
        level={1}
        bookmark={section.bookmark}
        keep={table && section.narrative.length === 0 ? KEEP_WITH_TABLE : undefined}
      />
      {section.narrative.map((block, i) => (
        <Narrative
          key={block.id}
          block={block}
          lang={model.lang}
          keepWithNext={closing && i === lastBlock && !table ? closingHeight(model) : undefined}
        />
      ))}
      {table?.type === 'blocks' ? <BlocksTable table={table} model={model} /> : null}
      {table?.type === 'matrix' ? <MatrixTable table={table} model={model} /> : null}
      {closing}
    </>
  );
}

function closingHeight(model: ReportModel): number {
  const lines = model.closing.flatMap((block) =>
    block.lines.map(() => (block.lang === 'zh' ? type.body : type.bodyEn)),
  );
  return type.body.fontSize * type.body.lineHeight + lines.reduce((h, t) => h + t.fontSize * t.lineHeight, 0);
}

function Closing({ model }: { model: ReportModel }) {
  return (
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
          {/* One Text per line: a newline inside a Text pulls in an unembedded fallback font. */}
          {model.title.main.split('\n').map((line) => (
            <Text key={line} style={styles.title} hyphenationCallback={noHyphenation}>
              {line}
            </Text>
          ))}
          {model.title.sub ? (
            <Text style={styles.titleEn} hyphenationCallback={noHyphenation}>
              {model.title.sub}
            </Text>
          ) : null}
        </View>
        {model.sections.map((section, i) => (
          <Section
            key={section.id}
            section={section}
            model={model}
            closing={i === model.sections.length - 1 ? <Closing model={model} /> : undefined}
          />
        ))}
      </Page>
    </Document>
  );
}
