import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Form,
  Input,
  Modal,
  Popconfirm,
  Radio,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { ApiToken, CreateTokenResponse, Permission } from '@wangge/shared';
import { PageContainer } from '../../../components/page-container';
import { QueryError } from '../../../components/query-error';
import { formatDateTime, useI18n } from '../../../lib/i18n';
import { notifySuccess } from '../../../lib/notify';
import { useMe } from '../api';
import { useCreateToken, useRevokeToken, useTokens } from '../tokens-api';

const EXPIRY_DAYS = [30, 90, 180, 365] as const;

interface CreateForm {
  name: string;
  expiresInDays: number;
  scope: 'read' | 'chosen';
  permissions?: Permission[];
}

/** 我的 API 令牌: expiry, permissions and last use of each; new ones read-only unless chosen otherwise. */
export function TokensPage() {
  const { t, lang } = useI18n();
  const me = useMe();
  const tokens = useTokens();
  const create = useCreateToken();
  const revoke = useRevokeToken();
  const [form] = Form.useForm<CreateForm>();
  const [created, setCreated] = useState<CreateTokenResponse | null>(null);
  const scope = Form.useWatch('scope', form);
  const now = new Date().toISOString();

  const onFinish = (v: CreateForm) => {
    const body = {
      name: v.name,
      expiresInDays: v.expiresInDays,
      ...(v.scope === 'chosen' ? { permissions: v.permissions ?? [] } : {}),
    };
    create.mutate(body, {
      onSuccess: (res) => {
        setCreated(res);
        form.resetFields();
      },
    });
  };

  return (
    <PageContainer title={t('tokens.title')}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Alert type="info" showIcon title={t('tokens.hint')} />
        <Card size="small" title={t('tokens.create')}>
          <Form<CreateForm>
            form={form}
            layout="vertical"
            requiredMark={false}
            initialValues={{ expiresInDays: 90, scope: 'read' }}
            onFinish={onFinish}
            disabled={create.isPending}
            style={{ maxWidth: 640 }}
          >
            <Form.Item
              label={t('tokens.name')}
              name="name"
              rules={[
                { required: true, whitespace: true, max: 100, message: t('tokens.nameRequired') },
              ]}
            >
              <Input data-testid="token-name" />
            </Form.Item>
            <Form.Item label={t('tokens.expiry')} name="expiresInDays">
              <Select
                options={EXPIRY_DAYS.map((n) => ({ value: n, label: t('tokens.days', { n }) }))}
                style={{ width: 160 }}
              />
            </Form.Item>
            <Form.Item label={t('tokens.scope')} name="scope">
              <Radio.Group>
                <Radio value="read">{t('tokens.readOnly')}</Radio>
                <Radio value="chosen">{t('tokens.chosen')}</Radio>
              </Radio.Group>
            </Form.Item>
            {scope === 'chosen' ? (
              <Form.Item
                name="permissions"
                rules={[
                  {
                    required: true,
                    type: 'array',
                    min: 1,
                    message: t('tokens.permissionsRequired'),
                  },
                ]}
              >
                {/* Only the user's own permissions are offered: the server refuses anything wider. */}
                <Select
                  mode="multiple"
                  options={me.permissions.map((p) => ({ value: p as Permission, label: p }))}
                  data-testid="token-permissions"
                />
              </Form.Item>
            ) : null}
            <Button
              type="primary"
              htmlType="submit"
              loading={create.isPending}
              data-testid="token-create"
            >
              {t('tokens.create')}
            </Button>
          </Form>
        </Card>
        <Card size="small">
          {tokens.isError ? (
            <QueryError error={tokens.error} onRetry={() => void tokens.refetch()} />
          ) : (
            <Table<ApiToken>
              size="middle"
              rowKey="id"
              loading={tokens.isPending}
              dataSource={tokens.data?.items ?? []}
              locale={{ emptyText: t('tokens.empty') }}
              pagination={false}
              scroll={{ x: 900 }}
              data-testid="tokens-table"
              columns={[
                { title: t('tokens.name'), dataIndex: 'name' },
                {
                  title: t('tokens.scope'),
                  dataIndex: 'permissions',
                  render: (ps: string[]) => (
                    <Space size={[0, 4]} wrap>
                      {ps.map((p) => (
                        <Tag key={p} color={p.endsWith('.read') ? undefined : 'orange'}>
                          {p}
                        </Tag>
                      ))}
                    </Space>
                  ),
                },
                {
                  title: t('tokens.createdAt'),
                  dataIndex: 'createdAt',
                  width: 160,
                  render: (v: string) => formatDateTime(v, lang),
                },
                {
                  title: t('tokens.lastUsed'),
                  dataIndex: 'lastUsedAt',
                  width: 160,
                  render: (v: string | null) => (v ? formatDateTime(v, lang) : t('tokens.never')),
                },
                {
                  title: t('tokens.expiresAt'),
                  dataIndex: 'expiresAt',
                  width: 170,
                  render: (v: string) =>
                    v <= now ? (
                      <Tag color="red">{t('tokens.expired')}</Tag>
                    ) : (
                      formatDateTime(v, lang)
                    ),
                },
                {
                  key: 'revoke',
                  width: 90,
                  render: (_v: unknown, row) => (
                    <Popconfirm
                      title={t('tokens.revokeConfirm')}
                      onConfirm={() =>
                        revoke.mutate(row.id, {
                          onSuccess: () => notifySuccess(t('tokens.revoked')),
                        })
                      }
                    >
                      <Button danger size="small">
                        {t('tokens.revoke')}
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]}
            />
          )}
        </Card>
      </Space>
      <Modal
        open={created !== null}
        title={t('tokens.shownOnce')}
        onCancel={() => setCreated(null)}
        onOk={() => setCreated(null)}
        cancelButtonProps={{ style: { display: 'none' } }}
      >
        <Typography.Paragraph copyable code data-testid="token-secret">
          {created?.token}
        </Typography.Paragraph>
        <Typography.Text type="secondary">
          {t('tokens.expiresAt')}: {created ? formatDateTime(created.expiresAt, lang) : ''}
        </Typography.Text>
      </Modal>
    </PageContainer>
  );
}
