// Type-checked by tsc in strict mode, once with module NodeNext and once with moduleResolution Bundler.

import { ReportForm, type ReportFormProps } from '@nianbao/form';
import { type ImportResult, importText } from '@nianbao/import';
import { type FontFiles, MissingEnglishError, renderReportPdf, setFontFiles } from '@nianbao/pdf';
import { type Finding, format2021, newReport, parseReport, type ReportData } from '@nianbao/schema';

const report: ReportData = newReport({ organisation: { zh: '示例县人民政府' }, year: 2023 });
const parsed = parseReport(JSON.parse('{}') as unknown);
const findings: Finding[] = parsed.ok ? [] : [];
const fonts: FontFiles = { serifRegular: 'a.ttf', serifBold: 'b.ttf', sansBold: 'c.ttf' };
setFontFiles(fonts);
const bytes: Promise<Uint8Array> = renderReportPdf(report, { lang: 'zh-en' });
const props: ReportFormProps = { format: format2021, defaultValue: report, lang: 'zh' };
const imported: ImportResult = importText('…', { year: 2023 });

export { bytes, findings, imported, MissingEnglishError, props, ReportForm };
