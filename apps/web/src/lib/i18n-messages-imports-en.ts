import type { importsZh } from './i18n-messages-imports';

/** English of i18n-messages-imports.ts: loaded only when English is chosen (see i18n-messages-en.ts). */
export const importsEn: Record<keyof typeof importsZh, string> = {
  'imports.sheet.export': 'Export Excel',
  'imports.sheet.import': 'Import Excel',
  'imports.sheet.title': 'Import {table}',
  'imports.sheet.hint':
    'Export the current table as the template, edit it and import it back. The check reads every cell; you can commit only when every row passes, and a file with one bad row writes nothing. Rows equal to the stored data change nothing.',
  'imports.sheet.done': 'Imported: {created} added, {updated} changed',
  'imports.title': 'Registry import',
  'imports.stepTemplate': 'Template',
  'imports.stepCheck': 'Check',
  'imports.stepCommit': 'Import',
  'imports.stepDone': 'Done',
  'imports.template': 'Download template',
  'imports.pick': 'Choose file (.xlsx / .csv)',
  'imports.check': 'Check (dry run)',
  'imports.commit': 'Import',
  'imports.hint':
    'Check first: every problem is listed row by row and nothing is written. Import opens only after a clean check and writes all rows or none. Importing the same file again creates no duplicates.',
  'imports.fileRefused': 'The file cannot be imported',
  'imports.committed': 'Import finished',
  'imports.clean': 'Check passed: ready to import',
  'imports.problems': '{n} problems in {rows} rows: fix them and check again',
  'imports.rows': 'Rows',
  'imports.validRows': 'Valid',
  'imports.invalidRows': 'With problems',
  'imports.counts': 'Result',
  'imports.countsValue': '{created} created, {updated} updated, {unchanged} unchanged',
  'imports.done': '{n} rows imported',
  'imports.downloadReport': 'Download report (xlsx)',
  'imports.row': 'Row',
  'imports.column': 'Column',
  'imports.value': 'Value',
  'imports.problem': 'Problem',
};
