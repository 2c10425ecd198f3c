import type { CalendarDay } from './work-calendar';

// Transcribed from the State Council's 2026 holiday notice; holidays-2026.test.ts checks it against the notice's
// table (test/fixtures/cn-public-holidays-2026.csv). The product ships this constant, never the fixture. The table
// writes 调休 days as "workday"; every one of them falls on a Saturday or Sunday, so here they are 'makeup_workday'.

/** Where the 2026 rows come from, for the calendar table's `source` column. */
export const CN_HOLIDAYS_2026_SOURCE = '国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04)';

/** The official 2026 public holidays and make-up workdays (调休上班) of mainland China. */
export const CN_HOLIDAYS_2026: readonly CalendarDay[] = [
  { date: '2026-01-01', kind: 'holiday', name: '元旦' },
  { date: '2026-01-02', kind: 'holiday', name: '元旦' },
  { date: '2026-01-03', kind: 'holiday', name: '元旦' },
  { date: '2026-01-04', kind: 'makeup_workday', name: '元旦' },
  { date: '2026-02-14', kind: 'makeup_workday', name: '春节' },
  { date: '2026-02-15', kind: 'holiday', name: '春节' },
  { date: '2026-02-16', kind: 'holiday', name: '春节' },
  { date: '2026-02-17', kind: 'holiday', name: '春节' },
  { date: '2026-02-18', kind: 'holiday', name: '春节' },
  { date: '2026-02-19', kind: 'holiday', name: '春节' },
  { date: '2026-02-20', kind: 'holiday', name: '春节' },
  { date: '2026-02-21', kind: 'holiday', name: '春节' },
  { date: '2026-02-22', kind: 'holiday', name: '春节' },
  { date: '2026-02-23', kind: 'holiday', name: '春节' },
  { date: '2026-02-28', kind: 'makeup_workday', name: '春节' },
  { date: '2026-04-04', kind: 'holiday', name: '清明节' },
  { date: '2026-04-05', kind: 'holiday', name: '清明节' },
  { date: '2026-04-06', kind: 'holiday', name: '清明节' },
  { date: '2026-05-01', kind: 'holiday', name: '劳动节' },
  { date: '2026-05-02', kind: 'holiday', name: '劳动节' },
  { date: '2026-05-03', kind: 'holiday', name: '劳动节' },
  { date: '2026-05-04', kind: 'holiday', name: '劳动节' },
  { date: '2026-05-05', kind: 'holiday', name: '劳动节' },
  { date: '2026-05-09', kind: 'makeup_workday', name: '劳动节' },
  { date: '2026-06-19', kind: 'holiday', name: '端午节' },
  { date: '2026-06-20', kind: 'holiday', name: '端午节' },
  { date: '2026-06-21', kind: 'holiday', name: '端午节' },
  { date: '2026-09-20', kind: 'makeup_workday', name: '国庆节' },
  { date: '2026-09-25', kind: 'holiday', name: '中秋节' },
  { date: '2026-09-26', kind: 'holiday', name: '中秋节' },
  { date: '2026-09-27', kind: 'holiday', name: '中秋节' },
  { date: '2026-10-01', kind: 'holiday', name: '国庆节' },
  { date: '2026-10-02', kind: 'holiday', name: '国庆节' },
  { date: '2026-10-03', kind: 'holiday', name: '国庆节' },
  { date: '2026-10-04', kind: 'holiday', name: '国庆节' },
  { date: '2026-10-05', kind: 'holiday', name: '国庆节' },
  { date: '2026-10-06', kind: 'holiday', name: '国庆节' },
  { date: '2026-10-07', kind: 'holiday', name: '国庆节' },
  { date: '2026-10-10', kind: 'makeup_workday', name: '国庆节' },
];
