import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Form,
  Input,
  List,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Open311Key, Open311KeyIssued } from '@wangge/shared';
import { PageContainer } from '../../../components/page-container';
import { QueryError } from '../../../components/query-error';
import { formatDateTime, useI18n } from '../../../lib/i18n';
import { notifySuccess } from '../../../lib/notify';
import { useIsMobile } from '../../../lib/use-media-query';
import { useIssueOpen311Key, useOpen311Keys, useRevokeOpen311Key, useServiceOptions } from '../api';
import { Open311SettingsCard } from '../components/open311-settings-card';

interface IssueForm {
  name: string;
  serviceCodes?: string[];
}

/**
 * Open311 接口密钥: the partner systems' keys — issue (the key shown once), list by prefix with last use, revoke.
 * On a phone the list becomes cards.
 */
export function Open311KeysPage() {
  const { t, lang } = useI18n();
  const mobile = useIsMobile();
  const keys = useOpen311Keys();
  const services = useServiceOptions();
  const issue = useIssueOpen311Key();
  const revoke = useRevokeOpen311Key();
  const [form] = Form.useForm<IssueForm>();
  const [issued, setIssued] = useState<Open311KeyIssued | null>(null);
  const discovery = `${window.location.origin}/open311/v2/discovery.json`;

  const onFinish = (v: IssueForm) =>
    issue.mutate(
      { name: v.name, ...(v.serviceCodes?.length ? { serviceCodes: v.serviceCodes } : {}) },
      {
        onSuccess: (res) => {
          setIssued(res);
          form.resetFields();
        },
      },
    );

  const status = (k: Open311Key) =>
    k.revokedAt ? (
      <Tag color="default">
        {t('open311.revokedAt')} {formatDateTime(k.revokedAt, lang)}
      </Tag>
    ) : (
      <Tag color="green">{t('open311.active')}</Tag>
    );
  const scope = (k: Open311Key) =>
    k.serviceCodes ? (
      <Space size={[0, 4]} wrap>
        {k.serviceCodes.map((c) => (
          <Tag key={c}>{c}</Tag>
        ))}
      </Space>
    ) : (
      t('open311.allServices')
    );
  const revokeButton = (k: Open311Key) =>
    k.revokedAt ? null : (
      <Popconfirm
        title={t('open311.revokeConfirm')}
        onConfirm={() =>
          revoke.mutate(k.id, { onSuccess: () => notifySuccess(t('open311.revoked')) })
        }
      >
        <Button danger size="small" data-testid={`open311-revoke-${k.prefix}`}>
          {t('open311.revoke')}
        </Button>
      </Popconfirm>
    );
  const lastUsed = (v: string | null) => (v ? formatDateTime(v, lang) : t('open311.never'));

  return (
    <PageContainer title={t('open311.title')}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Alert
          type="info"
          showIcon
          title={t('open311.hint')}
          description={
            <Typography.Text>
              {t('open311.docs')} <Typography.Text code>{discovery}</Typography.Text>
            </Typography.Text>
          }
        />
        <Card size="small" title={t('open311.issue')}>
          <Form<IssueForm>
            form={form}
            layout="vertical"
            requiredMark={false}
            onFinish={onFinish}
            disabled={issue.isPending}
            style={{ maxWidth: 640 }}
          >
            <Form.Item
              label={t('open311.name')}
              name="name"
              rules={[
                {
                  required: true,
                  whitespace: true,
                  min: 2,
                  max: 60,
                  message: t('open311.nameRequired'),
                },
              ]}
            >
              <Input data-testid="open311-name" />
            </Form.Item>
            <Form.Item
              label={t('open311.services')}
              name="serviceCodes"
              extra={t('open311.servicesHint')}
            >
              <Select
                mode="multiple"
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                loading={services.isPending}
                options={(services.data?.items ?? []).map((c) => ({
                  value: c.code,
                  label: `${c.code} ${c.name}`,
                }))}
                data-testid="open311-services"
              />
            </Form.Item>
            <Button
              type="primary"
              htmlType="submit"
              loading={issue.isPending}
              data-testid="open311-issue"
            >
              {t('open311.issue')}
            </Button>
          </Form>
        </Card>
        <Card size="small">
          {keys.isError ? (
            <QueryError error={keys.error} onRetry={() => void keys.refetch()} />
          ) : mobile ? (
            <List<Open311Key>
              loading={keys.isPending}
              dataSource={keys.data?.items ?? []}
              locale={{ emptyText: t('open311.empty') }}
              data-testid="open311-keys"
              renderItem={(k) => (
                <List.Item key={k.id} actions={[revokeButton(k)]}>
                  <List.Item.Meta
                    title={
                      <Space wrap>
                        {k.name}
                        {status(k)}
                      </Space>
                    }
                    description={
                      <Space orientation="vertical" size={2}>
                        <Typography.Text code>{k.prefix}…</Typography.Text>
                        <span>{scope(k)}</span>
                        <span>
                          {t('open311.lastUsed')}: {lastUsed(k.lastUsedAt)}
                        </span>
                      </Space>
                    }
                  />
                </List.Item>
              )}
            />
          ) : (
            <Table<Open311Key>
              size="middle"
              rowKey="id"
              loading={keys.isPending}
              dataSource={keys.data?.items ?? []}
              locale={{ emptyText: t('open311.empty') }}
              pagination={false}
              scroll={{ x: 960 }}
              data-testid="open311-keys"
              columns={[
                { title: t('open311.name'), dataIndex: 'name' },
                {
                  title: t('open311.prefix'),
                  dataIndex: 'prefix',
                  width: 150,
                  render: (v: string) => <Typography.Text code>{v}…</Typography.Text>,
                },
                { title: t('open311.services'), key: 'services', render: (_v, k) => scope(k) },
                {
                  title: t('open311.createdAt'),
                  dataIndex: 'createdAt',
                  width: 160,
                  render: (v: string) => formatDateTime(v, lang),
                },
                { title: t('open311.createdBy'), dataIndex: 'createdBy', width: 110 },
                {
                  title: t('open311.lastUsed'),
                  dataIndex: 'lastUsedAt',
                  width: 160,
                  render: lastUsed,
                },
                {
                  title: t('open311.status'),
                  key: 'status',
                  width: 200,
                  render: (_v, k) => status(k),
                },
                { key: 'revoke', width: 90, render: (_v, k) => revokeButton(k) },
              ]}
            />
          )}
        </Card>
        <Open311SettingsCard />
      </Space>
      <Modal
        open={issued !== null}
        title={t('open311.shownOnce')}
        onCancel={() => setIssued(null)}
        onOk={() => setIssued(null)}
        cancelButtonProps={{ style: { display: 'none' } }}
        // The key must not stay in the page once the dialog is closed.
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">
          {t('open311.keyFor')}: {issued?.key.name}
        </Typography.Paragraph>
        <Typography.Paragraph copyable code data-testid="open311-secret">
          {issued?.apiKey}
        </Typography.Paragraph>
      </Modal>
    </PageContainer>
  );
}
