import type { ReactNode } from 'react';
import { Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { SUPERVISION_LEADER_LEVEL_LABELS, SUPERVISION_LEVEL_LABELS } from '@wangge/shared';
import { Colon } from '../../../components/label-colon';
import { formatDateTime, useI18n } from '../../../lib/i18n';
import { casePath } from '../../../app/paths';
import { stateLabel } from '../../cases/case-format';
import type { SupervisionCaseData } from '../api';

const LEVEL_COLORS = { normal: 'blue', yellow: 'gold', red: 'red' } as const;

/** One case on the board: light, number (opens the case), its 督办 with the reply or its absence, and the 批示. */
export function SupervisionCaseCard({ c, extra }: { c: SupervisionCaseData; extra?: ReactNode }) {
  const { t, lang } = useI18n();
  const s = c.supervision;
  const when = (iso: string) => formatDateTime(iso, lang);
  return (
    <div className="supervision-case" data-testid="supervision-case" data-case-id={c.caseId}>
      <div className="supervision-case__head">
        <span className={`supervision-light supervision-light--${c.light ?? 'none'}`} aria-hidden />
        <Link to={casePath(c.caseId)} className="supervision-case__no">
          {c.caseNo}
        </Link>
        <Tag>{stateLabel(c.state, lang)}</Tag>
        {s ? (
          <Tag color={LEVEL_COLORS[s.level]} data-testid="supervision-level">
            {SUPERVISION_LEVEL_LABELS[s.level][lang]}
          </Tag>
        ) : (
          <Tag>{t('supervision.noSupervision')}</Tag>
        )}
        {c.overdue ? <Tag color="red">{t('supervision.overdue')}</Tag> : null}
        {extra}
      </div>
      <Typography.Paragraph className="supervision-case__desc" ellipsis={{ rows: 2 }}>
        {c.description}
        <span className="case-muted"> · {c.address}</span>
      </Typography.Paragraph>
      {s ? (
        <div className="supervision-thread">
          <div>
            {t('supervision.raised', {
              by: s.raisedBy ?? t('supervision.system'),
              at: when(s.raisedAt),
            })}
            {s.note ? <span className="supervision-thread__note">「{s.note}」</span> : null}
          </div>
          {s.reply ? (
            <div className="supervision-thread__reply" data-testid="supervision-reply">
              {t('supervision.replied', { by: s.reply.by ?? '', at: when(s.reply.at) })}
              <span className="supervision-thread__note">「{s.reply.text}」</span>
            </div>
          ) : (
            <div className="supervision-thread__unanswered">{t('supervision.unanswered')}</div>
          )}
          {s.escalatedAt && s.leaderLevel ? (
            <div className="supervision-thread__escalated">
              {t('supervision.escalated', {
                at: when(s.escalatedAt),
                level: SUPERVISION_LEADER_LEVEL_LABELS[s.leaderLevel][lang],
              })}
            </div>
          ) : null}
        </div>
      ) : c.dueAt ? (
        <div className="case-muted">{t('supervision.due', { at: when(c.dueAt) })}</div>
      ) : null}
      {c.instructions.length ? (
        <div className="supervision-instructions" data-testid="supervision-instructions">
          <span className="case-muted">
            {t('supervision.instructions')}
            <Colon />
          </span>
          {c.instructions.map((i) => (
            <div key={i.at + i.text}>
              {i.text}{' '}
              <span className="case-muted">
                {t('supervision.instructionBy', { by: i.by ?? '', at: when(i.at) })}
              </span>
            </div>
          ))}
        </div>
      ) : null}
    </div>
  );
}
