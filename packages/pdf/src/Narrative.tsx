/** @jsxRuntime automatic @jsxImportSource react */
/** The headings and paragraphs of a section: Chinese, English, or Chinese then English. */
import { Text, View } from '@react-pdf/renderer';
import { noHyphenation } from './cjkBreak.ts';
import type { Lang, Shown } from './lang.ts';
import type { NarrativeModel } from './reportModel.ts';
import { styles } from './styles.ts';

/** Two lines of body text: a heading never ends a page on its own. */
export const KEEP_WITH_NEXT = 60;
/** A table's column header and its first rows: a heading above a table keeps them with it. */
export const KEEP_WITH_TABLE = 130;

/** react-pdf reads `bookmark` on any element, though its types declare it only on Page. */
function outlineEntry(title: string | undefined): object {
  return title ? { bookmark: { title, fit: true } } : {};
}

interface HeadingProps {
  shown: Shown;
  lang: Lang;
  level: 1 | 2;
  /** The outline entry this heading starts. */
  bookmark?: string;
  /** What must follow the heading on its page, in points. */
  keep?: number;
}

export function Heading({ shown, lang, level, bookmark, keep = KEEP_WITH_NEXT }: HeadingProps) {
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
    <View wrap={false} minPresenceAhead={keep} {...outlineEntry(bookmark)}>
      <Text style={main} hyphenationCallback={noHyphenation}>
        {shown.main}
      </Text>
      {shown.sub ? (
        <Text style={sub} hyphenationCallback={noHyphenation}>
          {shown.sub}
        </Text>
      ) : null}
    </View>
  );
}

interface NarrativeProps {
  block: NarrativeModel;
  lang: Lang;
  /** Points of what follows the block that must share the page with its last paragraph. */
  keepWithNext?: number;
}

export function Narrative({ block, lang, keepWithNext }: NarrativeProps) {
  const last = block.paragraphs.length - 1;
  return (
    <>
      {block.heading ? <Heading shown={block.heading} lang={lang} level={2} /> : null}
      {block.paragraphs.map((paragraph, i) => (
        <Text
          key={`${paragraph.lang}${i}`}
          style={paragraph.lang === 'zh' ? styles.paragraph : styles.paragraphEn}
          minPresenceAhead={i === last ? keepWithNext : undefined}
        >
          {paragraph.text}
        </Text>
      ))}
    </>
  );
}
