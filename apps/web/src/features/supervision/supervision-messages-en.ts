import type { supervisionZh } from './supervision-messages';

/** English strings of 工作监督. */
export const supervisionEn: Record<keyof typeof supervisionZh, string> = {
  'supervision.title': 'Supervision',
  'supervision.tabBoard': 'Board',
  'supervision.tabMine': 'My supervision',
  'supervision.byDepartment': 'By department',
  'supervision.byGrid': 'By grid',
  'supervision.allAreas': 'All my areas',
  'supervision.total': '{n} cases',
  'supervision.truncated': 'Many cases: only the {n} most urgent are listed',
  'supervision.empty': 'No supervised or overdue cases',
  'supervision.mineEmpty': 'No supervision raised by you or escalated to your level',
  'supervision.count.red': 'Red',
  'supervision.count.yellow': 'Yellow',
  'supervision.count.normal': 'Supervised',
  'supervision.count.overdue': 'Overdue',
  'supervision.count.unanswered': 'Unanswered',
  'supervision.raised': 'Raised by {by} at {at}',
  'supervision.system': 'System',
  'supervision.replied': 'Answered by {by} at {at}',
  'supervision.unanswered': 'Not answered yet',
  'supervision.escalated': 'Escalated to {level} at {at}',
  'supervision.overdue': 'Overdue',
  'supervision.due': 'Due {at}',
  'supervision.noSupervision': 'Overdue, not supervised',
  'supervision.instructions': 'Leader instructions',
  'supervision.instructionBy': '{by} · {at}',
  'supervision.why.raised': 'Raised by me',
  'supervision.why.escalated': 'Escalated to me',
  'supervision.hint':
    'An unanswered supervision escalates after the configured working time (8 working hours by default): community leaders → street leaders → district leaders.',
};
