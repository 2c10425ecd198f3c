import type { reportsZh } from './reports-messages';

/** English strings of 月度报告. */
export const reportsEn: Record<keyof typeof reportsZh, string> = {
  'reports.title': 'Monthly reports',
  'reports.area': 'Area',
  'reports.areaPlaceholder': 'Choose a district, street or community',
  'reports.period': 'Month',
  'reports.generate': 'Generate',
  'reports.generated': 'Report for {area}, {period} generated',
  'reports.filterPlaceholder': 'All my areas',
  'reports.empty':
    'No monthly reports yet. On the 1st of each month the district’s and streets’ reports for the month before are made automatically; you may also generate one above.',
  'reports.col.period': 'Month',
  'reports.col.area': 'Area',
  'reports.col.trigger': 'Made',
  'reports.col.createdAt': 'Generated',
  'reports.col.headline': 'Headline figures',
  'reports.col.actions': 'Actions',
  'reports.trigger.manual': 'On demand',
  'reports.trigger.schedule': 'Scheduled',
  'reports.openHtml': 'Web page',
  'reports.downloadPdf': 'Download PDF',
  'reports.pages': '{n} pages',
  'reports.noPdf': 'The PDF is made when downloaded',
  'reports.hint':
    'Figures cover the chosen month (Beijing time); only months that have ended can be reported. Year-on-year compares with the same month last year, month-on-month with the month before. A rate with nothing to divide shows "—".',
};
