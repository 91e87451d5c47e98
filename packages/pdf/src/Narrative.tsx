/** The headings and paragraphs of a section: Chinese, English, or Chinese then English. */
import { Text, View } from '@react-pdf/renderer';
import type { Lang, Shown } from './lang.ts';
import type { NarrativeModel, Paragraph } from './reportModel.ts';
import { styles } from './styles.ts';

/** About three lines of body text: a heading never ends a page on its own. */
export const KEEP_WITH_NEXT = 90;

export function Heading({ shown, lang, level }: { shown: Shown; lang: Lang; level: 1 | 2 }) {
  const main =
    lang === 'en'
      ? level === 1
        ? styles.headingEnOnly
        : styles.subheadingEnOnly
      : level === 1
        ? styles.heading
        : styles.subheading;
  const sub = level === 1 ? styles.headingEn : styles.subheadingEn;
  return (
    <View wrap={false} minPresenceAhead={KEEP_WITH_NEXT}>
      <Text style={main}>{shown.main}</Text>
      {shown.sub ? <Text style={sub}>{shown.sub}</Text> : null}
    </View>
  );
}

function ParagraphText({ paragraph }: { paragraph: Paragraph }) {
  return (
    <Text style={paragraph.lang === 'zh' ? styles.paragraph : styles.paragraphEn}>{paragraph.text}</Text>
  );
}

export function Narrative({ block, lang }: { block: NarrativeModel; lang: Lang }) {
  return (
    <>
      {block.heading ? <Heading shown={block.heading} lang={lang} level={2} /> : null}
      {block.paragraphs.map((paragraph, i) => (
        <ParagraphText key={`${paragraph.lang}${i}`} paragraph={paragraph} />
      ))}
    </>
  );
}
