import { useState } from 'react';
import { Alert, Button, Card, Flex, Space, Tag } from 'antd';
import { EditOutlined, ImportOutlined, LogoutOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router';
import type { PersonUnmaskResponse } from '@wangge/shared';
import { PageContainer } from '../../../components/page-container';
import { QueryState } from '../../../components/query-state';
import { UnmaskButton } from '../../../components/unmask-button';
import { useI18n } from '../../../lib/i18n';
import { PATHS } from '../../../app/paths';
import { useHasPermission } from '../../auth/api';
import { PersonFilesCard } from '../../special-groups/components/person-files-card';
import { PersonGroupsCard } from '../../special-groups/components/person-groups-card';
import { DataStateCard } from '../components/data-state-card';
import { MoveInDialog, MoveOutDialog } from '../components/move-dialogs';
import { PersonAttributes } from '../components/person-attributes';
import { PersonEvents, ResidenceHistory } from '../components/residence-history';
import { fmt, personEditPath, STATUS_COLORS } from '../person-format';
import { unmaskPerson, usePerson } from '../population-api';

/** 人员详情: attributes (ID and phone masked until an audited unmasking), data state, residence history, record. */
export function PersonDetailPage() {
  const { id = '' } = useParams();
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const canManage = useHasPermission('registry.manage');
  const person = usePerson(id);
  const [dialog, setDialog] = useState<'moveIn' | 'moveOut' | null>(null);
  const [revealed, setRevealed] = useState<PersonUnmaskResponse>({});
  const [actionError, setActionError] = useState<string | null>(null);

  if (person.isPending || person.isError)
    return (
      <QueryState
        query={person}
        loading="spinner"
        notFound={{ title: t('persons.notFound'), backTo: PATHS.persons }}
      />
    );
  const p = person.data;
  const close = () => setDialog(null);

  return (
    <PageContainer
      title={
        <Space wrap size={6}>
          <span data-testid="person-title">{p.name}</span>
          <Tag>{fmt.populationType(p.populationType, lang)}</Tag>
          {p.status !== 'active' ? (
            <Tag color={STATUS_COLORS[p.status]}>{fmt.status(p.status, lang)}</Tag>
          ) : null}
        </Space>
      }
      extra={
        // Flex, not Space: the unmask button renders nothing without the permission, and Space would keep its slot.
        <Flex wrap gap={8}>
          <UnmaskButton
            label="persons.unmask"
            testId="person-unmask"
            labels={{
              title: 'persons.unmaskTitle',
              hint: 'persons.unmaskHint',
              reason: 'persons.unmaskReason',
              reasonShort: 'persons.unmaskReasonShort',
              submit: 'persons.unmaskSubmit',
            }}
            minReason={2}
            fields={[
              { value: 'idNumber' as const, label: t('persons.idNumberLabel') },
              { value: 'phone' as const, label: t('persons.phone') },
              { value: 'birthDate' as const, label: t('persons.birthDate') },
              ...(p.details.residencePermitNo
                ? [{ value: 'residencePermitNo' as const, label: t('persons.permitNo') }]
                : []),
            ]}
            reveal={(reason, fields) => unmaskPerson(p.id, { reason, fields })}
            onRevealed={(v) => setRevealed((r) => ({ ...r, ...v }))}
          />
          {canManage ? (
            <Button
              icon={<EditOutlined />}
              onClick={() => void navigate(personEditPath(p.id))}
              data-testid="person-edit"
            >
              {t('persons.edit')}
            </Button>
          ) : null}
        </Flex>
      }
    >
      {actionError ? (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => setActionError(null)}
          title={actionError}
          style={{ marginBottom: 12 }}
        />
      ) : null}
      <Card size="small" title={t('persons.basics')} style={{ marginBottom: 12 }}>
        <PersonAttributes person={p} revealed={revealed} />
      </Card>
      <DataStateCard person={p} canManage={canManage} onError={setActionError} />
      <Card
        size="small"
        title={t('persons.residences')}
        style={{ marginBottom: 12 }}
        extra={
          canManage ? (
            <Space wrap>
              {p.status !== 'deceased' ? (
                <Button
                  size="small"
                  icon={<ImportOutlined />}
                  onClick={() => setDialog('moveIn')}
                  data-testid="person-move-in"
                >
                  {t('persons.moveIn')}
                </Button>
              ) : null}
              {p.status === 'active' ? (
                <Button
                  size="small"
                  icon={<LogoutOutlined />}
                  onClick={() => setDialog('moveOut')}
                  data-testid="person-move-out"
                >
                  {t('persons.moveOut')}
                </Button>
              ) : null}
            </Space>
          ) : null
        }
      >
        <ResidenceHistory items={p.residences} />
      </Card>
      <PersonGroupsCard personId={p.id} />
      <PersonFilesCard personId={p.id} />
      <Card size="small" title={t('persons.events')}>
        <PersonEvents items={p.events} />
      </Card>
      <MoveInDialog personId={p.id} open={dialog === 'moveIn'} onClose={close} />
      <MoveOutDialog personId={p.id} open={dialog === 'moveOut'} onClose={close} />
    </PageContainer>
  );
}
