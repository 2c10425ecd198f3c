import { Space, Tag, Tooltip } from 'antd';
import type { CaseView } from '@wangge/shared';
import { formatDateTime, useI18n } from '../../../lib/i18n';
import {
  LIGHT_COLORS,
  lightText,
  remainingText,
  stateColor,
  stateLabel,
  stepLabel,
} from '../case-format';

export function CaseStateTag({ state, testId }: { state: string; testId?: string }) {
  const { lang } = useI18n();
  return (
    <Tag
      color={stateColor(state)}
      data-testid={testId}
      data-state={state}
      style={{ marginInlineEnd: 0 }}
    >
      {stateLabel(state, lang)}
    </Tag>
  );
}

/** One badge per running step clock (绿/黄/红), plus the overall 立案→结案 light when asked. */
export function CaseLights({ view, overall = false }: { view: CaseView; overall?: boolean }) {
  const { t, lang } = useI18n();
  if (view.clocks.length === 0 && !(overall && view.overallLight))
    return <span className="case-muted">—</span>;
  return (
    <Space size={[4, 4]} wrap className="case-lights">
      {view.clocks.map((clock) => (
        <Tooltip
          key={clock.step}
          title={`${t('cases.deadline')} ${formatDateTime(clock.deadlineAt, lang)} · ${remainingText(clock.deadlineAt, lang)}${clock.paused ? ` · ${t('cases.paused')}` : ''}`}
        >
          <Tag
            color={LIGHT_COLORS[clock.light]}
            data-light={clock.light}
            style={{ marginInlineEnd: 0 }}
          >
            {stepLabel(clock.step, lang)} · {lightText(clock.light, lang)}
            {clock.paused ? ` (${t('cases.paused')})` : ''}
          </Tag>
        </Tooltip>
      ))}
      {overall && view.overallLight ? (
        <Tooltip
          title={
            view.deadlineAt
              ? `${t('cases.overallDeadline')} ${formatDateTime(view.deadlineAt, lang)}`
              : undefined
          }
        >
          <Tag
            color={LIGHT_COLORS[view.overallLight]}
            data-light={view.overallLight}
            style={{ marginInlineEnd: 0 }}
          >
            {t('cases.overall')} · {lightText(view.overallLight, lang)}
          </Tag>
        </Tooltip>
      ) : null}
    </Space>
  );
}

/** The due time of the most urgent running step, red once it has passed. */
export function CaseDue({ dueAt }: { dueAt: string | null }) {
  const { lang } = useI18n();
  if (!dueAt) return <span className="case-muted">—</span>;
  const overdue = Date.parse(dueAt) < Date.now();
  return (
    <span className={overdue ? 'case-due case-due--overdue' : 'case-due'}>
      {formatDateTime(dueAt, lang)}
      <br />
      <small>{remainingText(dueAt, lang)}</small>
    </span>
  );
}
