/**
 * Fonts from npm packages (OFL): Noto Serif SC for body and tables (宋体/仿宋-like), its Bold for
 * the title (the free stand-in for 小标宋) and the （一） sub-headings, Noto Sans SC Bold for
 * the 一、 headings (黑体-like). TTF, because react-pdf cannot read WOFF2; pdfkit embeds only the
 * glyphs used, so a report stays small.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Font } from '@react-pdf/renderer';

export const SERIF = 'Noto Serif SC';
export const SANS = 'Noto Sans SC';

const require = createRequire(import.meta.url);

/** The three faces a report is set in: paths of TrueType (or OpenType) files. */
export interface FontFiles {
  /** Body text and tables (宋体/仿宋-like). */
  serifRegular: string;
  /** The title and the （一） sub-headings. */
  serifBold: string;
  /** The 一、 headings (黑体-like). */
  sansBold: string;
}

const files: FontFiles = {
  serifRegular: '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf',
  serifBold: '@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf',
  sansBold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
};

let chosen: FontFiles | undefined;

/**
 * Sets the font files to render with instead of the default Noto fonts, whose npm packages (about
 * 200 MB) are optional dependencies: a consumer with fonts of their own installs without them
 * (`npm install --omit=optional`). Call it before the first render; the fonts of a process are
 * registered once.
 */
export function setFontFiles(fontFiles: FontFiles): void {
  if (registered) throw new Error('@nianbao/pdf: setFontFiles() must be called before the first render');
  chosen = { ...fontFiles };
}

/**
 * The path of one face: from setFontFiles(), else from NIANBAO_FONTS_DIR (a directory holding the
 * three default files under their own names, e.g. beside a bundled server), else from the npm
 * packages.
 */
function fontPath(face: keyof FontFiles): string {
  if (chosen) return chosen[face];
  const file = files[face];
  const dir = process.env.NIANBAO_FONTS_DIR;
  if (dir) return join(dir, file.slice(file.lastIndexOf('/') + 1));
  try {
    return require.resolve(file);
  } catch {
    throw new Error(
      `@nianbao/pdf: font ${file} not found. Install @expo-google-fonts/noto-serif-sc and @expo-google-fonts/noto-sans-sc, call setFontFiles({ serifRegular, serifBold, sansBold }), or set NIANBAO_FONTS_DIR. 未找到字体文件。`,
    );
  }
}

let registered = false;

/** Registers the fonts; later calls do nothing. */
function registerFonts(): void {
  if (registered) return;
  Font.register({
    family: SERIF,
    fonts: [
      { src: fontPath('serifRegular'), fontWeight: 400 },
      { src: fontPath('serifBold'), fontWeight: 700 },
    ],
  });
  Font.register({ family: SANS, fonts: [{ src: fontPath('sansBold'), fontWeight: 700 }] });
  registered = true;
}

let ready: Promise<void> | undefined;

/**
 * Registers and parses the fonts now, so that the first report a worker renders is not slowed by
 * reading 45 MB of TTF. renderReportPdf awaits it; a worker may call it at start-up.
 */
export function preloadFonts(): Promise<void> {
  registerFonts();
  ready ??= (async () => {
    const faces = [
      { fontFamily: SERIF, fontWeight: 400 },
      { fontFamily: SERIF, fontWeight: 700 },
      { fontFamily: SANS, fontWeight: 700 },
    ] as const;
    await Promise.all(faces.map((face) => Font.load(face)));
  })();
  // A failed load is retried by the next call (react-pdf then reports the error itself).
  ready.catch(() => {
    ready = undefined;
  });
  return ready;
}
