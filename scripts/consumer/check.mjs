// Plain node, no tsx: the published JavaScript of @nianbao/schema and @nianbao/pdf as installed by npm.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { renderReportPdf } from '@nianbao/pdf';
import { checkReport, getFormat, parseReport, reportTitle } from '@nianbao/schema';

const parsed = parseReport(JSON.parse(readFileSync(process.argv[2], 'utf8')));
if (!parsed.ok) throw new Error(`parseReport: ${JSON.stringify(parsed.issues.slice(0, 3))}`);
const findings = checkReport(getFormat(parsed.data.format), parsed.data);
if (findings.length > 0) throw new Error(`checkReport: ${JSON.stringify(findings.slice(0, 3))}`);

const pdf = await renderReportPdf(parsed.data, { lang: 'zh' });
writeFileSync('report.pdf', pdf);
const text = execFileSync('pdftotext', ['-enc', 'UTF-8', 'report.pdf', '-'], { encoding: 'utf8' }).replace(
  /\s/g,
  '',
);
const title = reportTitle(parsed.data).zh;
if (!text.includes(title.replace(/\s/g, ''))) throw new Error(`the PDF text lacks the title ${title}`);
console.log(`node: parsed and checked (no findings), PDF ${pdf.length} bytes holding 「${title}」`);
