import { Card, Descriptions, Space, Tag, Typography } from 'antd';
import {
  CASE_SOURCE_LABELS,
  CLOSE_REASON_LABELS,
  REQUEST_TYPE_LABELS,
  SUPERVISION_LEVEL_LABELS,
  type CaseView,
} from '@wangge/shared';
import { formatDateTime, labelOf, useI18n } from '../../../lib/i18n';
import { remainingText } from '../case-format';
import { channelText, confidenceText } from '../channel-format';
import { CaseDue, CaseLights, CaseStateTag } from './case-badges';
import { Colon } from '../../../components/label-colon';

function isSupervisionLevel(v: string): v is keyof typeof SUPERVISION_LEVEL_LABELS {
  return Object.prototype.hasOwnProperty.call(SUPERVISION_LEVEL_LABELS, v);
}

/** Case number, state, flags, lights and deadlines. */
export function CaseHeader({ view }: { view: CaseView }) {
  const { t, lang } = useI18n();
  const level = view.supervisionLevel;
  return (
    <Card size="small" className="case-header">
      <div className="case-header__top">
        <Typography.Title level={4} style={{ margin: 0 }} className="case-header__no">
          <Typography.Text
            copyable={{ text: view.caseNo }}
            className="area-code"
            data-testid="case-no"
          >
            {view.caseNo}
          </Typography.Text>
        </Typography.Title>
        <Space size={[4, 4]} wrap>
          <CaseStateTag state={view.state} testId="case-state" />
          {view.urgent ? <Tag color="red">{t('report.urgent')}</Tag> : null}
          {view.selfHandled ? <Tag color="cyan">{t('report.selfHandled')}</Tag> : null}
          {level ? (
            <Tag color={level === 'red' ? 'red' : level === 'yellow' ? 'gold' : 'purple'}>
              {isSupervisionLevel(level) ? SUPERVISION_LEVEL_LABELS[level][lang] : level}
            </Tag>
          ) : null}
          {view.reworkCount > 0 ? <Tag>{t('cases.rework', { n: view.reworkCount })}</Tag> : null}
          {view.reopenCount > 0 ? <Tag>{t('cases.reopened', { n: view.reopenCount })}</Tag> : null}
          {view.closeReason ? (
            <Tag color="green">{labelOf(CLOSE_REASON_LABELS, view.closeReason, lang)}</Tag>
          ) : null}
        </Space>
      </div>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 3 }}
        style={{ marginTop: 8 }}
        className="case-header__facts"
      >
        <Descriptions.Item label={t('cases.lights')}>
          <CaseLights view={view} overall />
        </Descriptions.Item>
        <Descriptions.Item label={t('cases.due')}>
          <CaseDue dueAt={view.dueAt} />
        </Descriptions.Item>
        <Descriptions.Item label={t('cases.overallDeadline')}>
          {view.deadlineAt ? (
            <span>
              {formatDateTime(view.deadlineAt, lang)}
              {view.closedAt ? null : (
                <small className="case-muted"> · {remainingText(view.deadlineAt, lang)}</small>
              )}
            </span>
          ) : (
            <span className="case-muted">{t('cases.notRegistered')}</span>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('cases.source')}>
          {labelOf(CASE_SOURCE_LABELS, view.source, lang)}
        </Descriptions.Item>
        {view.externalId ? (
          <Descriptions.Item label={channelText('hotlineOrder', lang)}>
            <Typography.Text copyable className="area-code" data-testid="case-external-id">
              {view.externalId}
            </Typography.Text>
          </Descriptions.Item>
        ) : null}
        {view.externalDeadline ? (
          <Descriptions.Item label={channelText('hotlineDeadline', lang)}>
            <span data-testid="case-external-deadline">
              {formatDateTime(view.externalDeadline, lang)}
              {view.closedAt ? null : (
                <small className="case-muted">
                  {' '}
                  · {remainingText(view.externalDeadline, lang)}
                </small>
              )}
            </span>
          </Descriptions.Item>
        ) : null}
        {view.detection ? (
          <Descriptions.Item label={channelText('confidence', lang)}>
            <span data-testid="case-detection-confidence">
              {confidenceText(view.detection.confidence)}
            </span>
          </Descriptions.Item>
        ) : null}
        {view.detection ? (
          <Descriptions.Item label={channelText('modelVersion', lang)}>
            <span className="area-code" data-testid="case-detection-model">
              {view.detection.modelVersion}
            </span>
          </Descriptions.Item>
        ) : null}
        <Descriptions.Item label={t('cases.reportedAt')}>
          {formatDateTime(view.createdAt, lang)}
        </Descriptions.Item>
        {view.closedAt ? (
          <Descriptions.Item label={t('cases.closedAt')}>
            {formatDateTime(view.closedAt, lang)}
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      {view.pendingRequests.length > 0 ? (
        <div className="case-requests" data-testid="case-requests">
          {view.pendingRequests.map((r) => (
            <Tag key={r.type} color="orange" style={{ whiteSpace: 'normal' }}>
              {t('cases.pendingRequest', { type: labelOf(REQUEST_TYPE_LABELS, r.type, lang) })}
              <Colon />
              {r.reason}
              <span className="case-muted"> · {formatDateTime(r.at, lang)}</span>
            </Tag>
          ))}
        </div>
      ) : null}
    </Card>
  );
}
