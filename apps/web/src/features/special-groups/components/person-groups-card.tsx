import { useState } from 'react';
import { Button, Card, Descriptions, Empty, List, Space, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { VISIT_METHOD_LABELS, type Membership, type VisitTask } from '@wangge/shared';
import { UnmaskValue } from '../../../components/unmask-value';
import { formatDateTime, labelOf, useI18n } from '../../../lib/i18n';
import { useHasPermission } from '../../auth/api';
import { usePersonMemberships, usePersonVisits, useSpecialGroups, useUnmaskGuardian } from '../api';
import { AttentionTag, fieldValueText } from '../special-format';
import { CompleteVisitForm } from './complete-visit-form';
import { EndMembershipForm } from './end-membership-form';
import { MembershipForm } from './membership-form';

/**
 * 特殊人群 and 走访 of one person, for the person page. What the viewer may not see is never asked for: without
 * special.read no membership is fetched, and the server withholds group and findings from the visits.
 */
export function PersonGroupsCard({ personId }: { personId: string }) {
  const { t, lang } = useI18n();
  const canRead = useHasPermission('special.read');
  const canManage = useHasPermission('special.manage');
  const unmask = useUnmaskGuardian();
  const canSeeVisits = useHasPermission('visits.read');
  const canRecord = useHasPermission('visits.record');
  const memberships = usePersonMemberships(personId, canRead);
  const visits = usePersonVisits(personId, canSeeVisits);
  const groups = useSpecialGroups();
  const [editing, setEditing] = useState<Membership | 'new' | null>(null);
  const [ending, setEnding] = useState<Membership | null>(null);
  const [visiting, setVisiting] = useState<VisitTask | null>(null);
  if (!canRead && !canSeeVisits) return null;
  const fieldsOf = (code: string) => groups.data?.items.find((g) => g.code === code)?.fields ?? [];
  const yesNo: [string, string] = [t('special.yes'), t('special.no')];

  return (
    <Card
      size="small"
      title={canRead ? t('special.personCard') : t('visits.personCard')}
      data-testid="person-groups-card"
      style={{ marginBottom: 12 }}
      extra={
        canManage && canRead ? (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('special.newMembership')}
          </Button>
        ) : null
      }
    >
      {canRead ? (
        <List<Membership>
          loading={memberships.isPending}
          dataSource={memberships.data?.items ?? []}
          locale={{
            emptyText: (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={t('special.noMemberships')}
              />
            ),
          }}
          renderItem={(m) => (
            <List.Item
              key={m.id}
              actions={
                canManage && m.active
                  ? [
                      <Button key="edit" type="link" size="small" onClick={() => setEditing(m)}>
                        {t('special.editShort')}
                      </Button>,
                      <Button
                        key="end"
                        type="link"
                        size="small"
                        danger
                        onClick={() => setEnding(m)}
                      >
                        {t('special.end')}
                      </Button>,
                    ]
                  : undefined
              }
            >
              <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                <Space wrap size={4}>
                  <Tag color="purple">{m.groupName ?? m.groupCode}</Tag>
                  <AttentionTag level={m.attentionLevel} lang={lang} />
                  {m.active ? null : <Tag>{t('special.ended')}</Tag>}
                  {m.nextVisitDue ? (
                    <Typography.Text type="secondary">
                      {t('visits.dueDate', { date: m.nextVisitDue })}
                    </Typography.Text>
                  ) : null}
                </Space>
                <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
                  {fieldsOf(m.groupCode).map((f) => (
                    <Descriptions.Item key={f.key} label={f.label}>
                      {fieldValueText(f, m.fields[f.key], yesNo)}
                    </Descriptions.Item>
                  ))}
                  <Descriptions.Item label={t('special.guardianName')}>
                    {m.guardianName ?? '—'}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('special.guardianPhone')}>
                    <UnmaskValue
                      masked={m.guardianPhone}
                      reveal={async (reason) =>
                        (await unmask.mutateAsync({ id: m.id, reason })).guardianPhone
                      }
                      labels={{
                        title: 'special.unmask',
                        hint: 'special.unmaskHint',
                        reason: 'special.unmaskReason',
                      }}
                      minReason={4}
                    />
                  </Descriptions.Item>
                  <Descriptions.Item label={t('special.startedAt')}>
                    {m.startedAt}
                  </Descriptions.Item>
                  {m.helpSituation ? (
                    <Descriptions.Item label={t('special.helpSituation')}>
                      {m.helpSituation}
                    </Descriptions.Item>
                  ) : null}
                </Descriptions>
              </Space>
            </List.Item>
          )}
        />
      ) : null}
      {canSeeVisits ? (
        <>
          <Typography.Title level={5} style={{ marginTop: 12 }}>
            {t('visits.history')}
          </Typography.Title>
          {(visits.data?.tasks ?? []).map((task) => (
            <Space key={task.id} wrap style={{ marginBottom: 8 }}>
              <Typography.Text type={task.overdue ? 'danger' : undefined}>
                {t('visits.dueDate', { date: task.dueDate })}
              </Typography.Text>
              {task.overdue ? <Tag color="red">{t('visits.overdue')}</Tag> : null}
              {canRecord ? (
                <Button size="small" type="primary" onClick={() => setVisiting(task)}>
                  {t('visits.recordShort')}
                </Button>
              ) : null}
            </Space>
          ))}
          <List
            size="small"
            loading={visits.isPending}
            dataSource={visits.data?.visits ?? []}
            locale={{ emptyText: t('visits.noHistory') }}
            renderItem={(v) => (
              <List.Item key={v.id}>
                <Space orientation="vertical" size={0}>
                  <Space wrap size={4}>
                    <span>{formatDateTime(v.visitedAt, lang)}</span>
                    <Tag>{labelOf(VISIT_METHOD_LABELS, v.method, lang)}</Tag>
                    {v.groupName ? <Tag color="purple">{v.groupName}</Tag> : null}
                    <Typography.Text type="secondary">{v.visitorName}</Typography.Text>
                  </Space>
                  {v.restricted ? (
                    <Typography.Text type="secondary">{t('visits.findingsHidden')}</Typography.Text>
                  ) : (
                    <span>{v.findings}</span>
                  )}
                </Space>
              </List.Item>
            )}
          />
        </>
      ) : null}
      {editing ? (
        <MembershipForm
          membership={editing === 'new' ? undefined : editing}
          personId={personId}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {ending ? <EndMembershipForm membership={ending} onClose={() => setEnding(null)} /> : null}
      {visiting ? (
        <CompleteVisitForm
          taskId={visiting.id}
          personName={visiting.personName}
          attentionLevel={visiting.attentionLevel}
          onClose={() => setVisiting(null)}
        />
      ) : null}
    </Card>
  );
}
