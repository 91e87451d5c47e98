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

const files = {
  serifRegular: '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf',
  serifBold: '@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf',
  sansBold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
};

/**
 * The TTF path: from NIANBAO_FONTS_DIR when set (a bundled server that ships the three files
 * beside it), else from the npm packages.
 */
function fontPath(file: string): string {
  const dir = process.env.NIANBAO_FONTS_DIR;
  return dir ? join(dir, file.slice(file.lastIndexOf('/') + 1)) : require.resolve(file);
}

let registered = false;

/** Registers the fonts; later calls do nothing. */
export function registerFonts(): void {
  if (registered) return;
  Font.register({
    family: SERIF,
    fonts: [
      { src: fontPath(files.serifRegular), fontWeight: 400 },
      { src: fontPath(files.serifBold), fontWeight: 700 },
    ],
  });
  Font.register({ family: SANS, fonts: [{ src: fontPath(files.sansBold), fontWeight: 700 }] });
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
