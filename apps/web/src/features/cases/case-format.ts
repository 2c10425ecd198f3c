import {
  CASE_ACTION_LABELS,
  CASE_STATE_INFO,
  CASE_STEP_LABELS,
  type CaseAction,
  type CaseState,
  type CaseStep,
} from '@wangge/shared';
import type { Lang } from '../../lib/i18n';

export type Light = 'green' | 'yellow' | 'red';

type Labels = Record<string, { zh: string; en: string }>;

function pick(table: Labels, key: string | null | undefined, lang: Lang): string {
  if (!key) return '';
  return table[key]?.[lang] ?? key;
}

export function isCaseState(value: string): value is CaseState {
  return Object.prototype.hasOwnProperty.call(CASE_STATE_INFO, value);
}

export function stateLabel(state: string | null | undefined, lang: Lang): string {
  return pick(CASE_STATE_INFO, state, lang);
}

const EXTRA_ACTIONS: Labels = { report: { zh: '上报', en: 'Report' } };

export function actionLabel(action: CaseAction | string, lang: Lang): string {
  return pick({ ...CASE_ACTION_LABELS, ...EXTRA_ACTIONS }, action, lang);
}

export function stepLabel(step: CaseStep, lang: Lang): string {
  return CASE_STEP_LABELS[step][lang];
}

/** antd Tag colours of the lights. */
export const LIGHT_COLORS: Record<Light, string> = { green: 'green', yellow: 'gold', red: 'red' };

const LIGHT_TEXT: Labels = {
  green: { zh: '绿', en: 'Green' },
  yellow: { zh: '黄', en: 'Yellow' },
  red: { zh: '红', en: 'Red' },
};

export function lightText(light: Light, lang: Lang): string {
  return pick(LIGHT_TEXT, light, lang);
}

/** Tag colour per stage, so the queue can be scanned by colour. */
export function stateColor(state: string): string {
  if (!isCaseState(state)) return 'default';
  const info = CASE_STATE_INFO[state];
  if (state === 'closed') return 'green';
  if (info.terminal) return 'default';
  switch (info.stage) {
    case 'collect':
      return 'blue';
    case 'register':
      return 'cyan';
    case 'dispatch':
      return 'purple';
    case 'handle':
      return state === 'suspended' ? 'default' : 'orange';
    case 'feedback':
      return 'geekblue';
    case 'checkClose':
      return 'magenta';
    case 'evaluate':
    case null:
      return 'default';
  }
}

/** Names of the roles that act on cases (the events record the role code). */
const ROLE_LABELS: Labels = {
  admin: { zh: '系统管理员', en: 'Administrator' },
  intake_operator: { zh: '受理员', en: 'Intake operator' },
  shift_leader: { zh: '值班长', en: 'Shift leader' },
  dispatcher: { zh: '派遣员', en: 'Dispatcher' },
  department_handler: { zh: '专业部门', en: 'Department' },
  inspector: { zh: '监督员', en: 'Inspector' },
  grid_leader: { zh: '网格长', en: 'Grid leader' },
  grid_administrator: { zh: '网格管理员', en: 'Grid administrator' },
  grid_supervisor: { zh: '网格监督员', en: 'Grid supervisor' },
  resident_informant: { zh: '民情信息员', en: 'Resident informant' },
  grid_police_officer: { zh: '网格警员', en: 'Grid police officer' },
  district_leader: { zh: '区领导', en: 'District leader' },
  street_leader: { zh: '街道领导', en: 'Street leader' },
  community_leader: { zh: '社区领导', en: 'Community leader' },
  citizen: { zh: '群众', en: 'Citizen' },
  hotline_center: { zh: '12345 热线', en: '12345 hotline' },
  system: { zh: '系统', en: 'System' },
};

export function roleLabel(code: string | null | undefined, lang: Lang): string {
  return pick(ROLE_LABELS, code, lang);
}

/** "still 2 h 5 min" / "overdue 1 d 3 h" style remaining time, in the user's language. */
export function remainingText(iso: string, lang: Lang, now: number = Date.now()): string {
  const diff = Date.parse(iso) - now;
  const abs = Math.abs(diff);
  const minutes = Math.floor(abs / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const zh = lang === 'zh';
  const parts: string[] = [];
  if (days) parts.push(zh ? `${days}天` : `${days} d`);
  if (hours) parts.push(zh ? `${hours}小时` : `${hours} h`);
  if (!days && (mins || parts.length === 0)) parts.push(zh ? `${mins}分` : `${mins} min`);
  const span = parts.join(zh ? '' : ' ');
  if (diff < 0) return zh ? `超期 ${span}` : `${span} overdue`;
  return zh ? `剩余 ${span}` : `${span} left`;
}

const LIMIT_TYPE_LABELS: Labels = {
  urgent_hour: { zh: '紧急小时', en: 'urgent hours' },
  work_hour: { zh: '工作小时', en: 'working hours' },
  work_day: { zh: '工作日', en: 'working days' },
  natural_day: { zh: '自然日', en: 'calendar days' },
};

export function limitTypeLabel(type: string, lang: Lang): string {
  return pick(LIMIT_TYPE_LABELS, type, lang);
}

/** "3 工作日" / "3 working days". */
export function limitText(value: number, type: string, lang: Lang): string {
  return `${value} ${limitTypeLabel(type, lang)}`;
}
