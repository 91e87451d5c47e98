/** @jsxRuntime automatic @jsxImportSource react */
/** One label cell of a table: Chinese, English, or Chinese with the English beneath. */
import { Text, View } from '@react-pdf/renderer';
import { tableHyphenation } from './cjkBreak.ts';
import type { Lang, Shown } from './lang.ts';
import { type } from './officialLayout.ts';
import { styles } from './styles.ts';
import { CellLines } from './tableLines.tsx';

export interface CellProps {
  width: number;
  shown: Shown;
  lang: Lang;
  dense: boolean;
  /** Minimum height in points. */
  minHeight?: number;
  /** Space left of the cell in its row, in points (a data row reaching under its groups' labels). */
  offset?: number;
  /** Draws its own lines (a header or caption cell); a data row's label leaves them to the row. */
  lines?: { left?: boolean; top?: boolean };
}

/** Font size of a table's main text. */
export function tableFontSize(lang: Lang, dense: boolean): number {
  return (lang === 'en' ? type.tableEnMain : dense ? type.table : type.tableRoomy).fontSize;
}

export function CellText({ shown, lang, dense }: Pick<CellProps, 'shown' | 'lang' | 'dense'>) {
  const main = lang === 'en' ? type.tableEnMain : dense ? type.table : type.tableRoomy;
  return (
    <>
      <Text style={[styles.cellText, main]} hyphenationCallback={tableHyphenation}>
        {shown.main}
      </Text>
      {shown.sub ? (
        <Text
          style={[styles.cellText, dense ? type.tableEnDense : type.tableEn]}
          hyphenationCallback={tableHyphenation}
        >
          {shown.sub}
        </Text>
      ) : null}
    </>
  );
}

export function TableCell({ width, shown, lang, dense, minHeight, offset, lines }: CellProps) {
  return (
    <View
      style={[
        styles.cell,
        dense ? styles.cellDense : {},
        offset ? { width, marginLeft: offset } : { width },
        minHeight ? { minHeight } : {},
      ]}
    >
      {lines ? <CellLines {...lines} /> : null}
      <CellText shown={shown} lang={lang} dense={dense} />
    </View>
  );
}
