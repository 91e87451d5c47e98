export function renderReportHtml(): string {
  return '';
}
