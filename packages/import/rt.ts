import { readFileSync, writeFileSync } from 'node:fs';
import { renderReportPdf } from '@nianbao/pdf';

const name = process.argv[2]!;
const report = JSON.parse(readFileSync(`../../examples/${name}.report.json`, 'utf8'));
const bytes = await renderReportPdf(report, { lang: 'zh' });
writeFileSync(`/tmp/${name}.pdf`, bytes);
console.log('ok', bytes.length);
