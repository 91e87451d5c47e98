import '@nianbao/form/styles.css';
import { ReportForm } from '@nianbao/form';
import { format2021, newReport } from '@nianbao/schema';
import { createRoot } from 'react-dom/client';

const report = newReport({ organisation: { zh: '示例县人民政府' }, year: 2023 });
const root = document.getElementById('root');
if (root) createRoot(root).render(<ReportForm format={format2021} defaultValue={report} lang="zh" />);
