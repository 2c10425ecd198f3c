import type { ReactNode } from 'react';
import { Card, Skeleton, Timeline, Typography } from 'antd';
import {
  CLOSE_REASON_LABELS,
  RATING_LABELS,
  REQUEST_TYPE_LABELS,
  SUPERVISION_LEVEL_LABELS,
} from '@wangge/shared';
import { QueryError } from '../../../components/query-error';
import { formatDateTime, useI18n, type MessageKey } from '../../../lib/i18n';
import { useDepartments } from '../../departments/api';
import { useCaseEvents, type CaseEvent } from '../api';
import { actionLabel, limitText, roleLabel, stateLabel } from '../case-format';
import { useCategoryNames } from '../lookups-api';
import { CasePhotos } from './case-photos';
import { Colon } from '../../../components/label-colon';

type Labels = Record<string, { zh: string; en: string }>;

function record(data: unknown): Record<string, unknown> {
  return typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
}

function str(v: unknown): string | null {
  return typeof v === 'string' && v.trim() ? v : null;
}

function photoIds(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

const REFUSAL_ACTIONS = new Set([
  'reject',
  'refuse_registration',
  'return_to_intake',
  'check_fail',
  'refuse_close',
  'return_feedback',
  'refuse_request',
  'void',
]);

/** 流转记录: newest first, with who, when, the note, the inputs of the action and its photos. */
export function CaseTimeline({ caseId }: { caseId: string }) {
  const { t, lang } = useI18n();
  const events = useCaseEvents(caseId);
  const categories = useCategoryNames();
  const departments = useDepartments();
  const deptName = (id: string) => departments.data?.items.find((d) => d.id === id)?.name ?? id;

  const details = (e: CaseEvent): ReactNode[] => {
    const d = record(e.data);
    const rows: ReactNode[] = [];
    const add = (label: MessageKey, value: ReactNode) =>
      rows.push(
        <div key={label} className="timeline-detail">
          <span className="case-muted">
            {t(label)}
            <Colon />
          </span>
          {value}
        </div>,
      );
    const label = (table: Labels, v: unknown) => {
      const key = str(v);
      return key ? (table[key]?.[lang] ?? key) : null;
    };
    const reason = str(d.reason);
    if (reason) add('action.reason', reason);
    const result = str(d.result);
    if (result) add('action.result', result);
    const requestType = label(REQUEST_TYPE_LABELS, d.requestType);
    if (requestType) add('action.requestType', requestType);
    const closeReason = label(CLOSE_REASON_LABELS, d.closeReason);
    if (closeReason) add('action.closeReason', closeReason);
    const dept = str(d.departmentId);
    if (dept) add('action.department', deptName(dept));
    const classCode = str(d.classCode);
    if (classCode) add('action.classCode', `${categories.get(classCode) ?? ''} ${classCode}`);
    const ext = record(d.extension);
    if (typeof ext.value === 'number' && typeof ext.limitType === 'string')
      add('action.extension', limitText(ext.value, ext.limitType, lang));
    const level = label(SUPERVISION_LEVEL_LABELS, d.level);
    if (level) add('action.level', level);
    const rating = label(RATING_LABELS, d.rating);
    if (rating) add('action.rating', rating);
    const photos = photoIds(d.photos);
    if (photos.length) rows.push(<CasePhotos key="photos" ids={photos} size={56} />);
    return rows;
  };

  return (
    <Card size="small" title={t('cases.timeline')} className="case-timeline-card">
      {events.isPending ? (
        <Skeleton active />
      ) : events.isError ? (
        <QueryError error={events.error} onRetry={() => void events.refetch()} />
      ) : (
        <div data-testid="case-timeline">
          <Timeline
            items={[...events.data.items].reverse().map((e) => ({
              key: e.id,
              color: REFUSAL_ACTIONS.has(e.action)
                ? 'red'
                : e.fromState === e.toState
                  ? 'gray'
                  : 'blue',
              content: (
                <div className="timeline-item" data-action={e.action}>
                  <div>
                    <Typography.Text strong>{actionLabel(e.action, lang)}</Typography.Text>
                    {e.fromState !== e.toState ? (
                      <span className="case-muted">
                        {' '}
                        {e.fromState ? `${stateLabel(e.fromState, lang)} → ` : ''}
                        {stateLabel(e.toState, lang)}
                      </span>
                    ) : null}
                  </div>
                  <div className="case-muted timeline-meta">
                    {e.actorName ?? '—'}
                    {e.actorRole ? ` (${roleLabel(e.actorRole, lang)})` : ''} ·{' '}
                    {formatDateTime(e.at, lang)}
                  </div>
                  {e.note ? <div className="timeline-note">{e.note}</div> : null}
                  {details(e)}
                </div>
              ),
            }))}
          />
        </div>
      )}
    </Card>
  );
}
