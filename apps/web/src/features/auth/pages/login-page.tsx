import { Button, Form, Input, Typography } from 'antd';
import { Panel } from '../../../components/panel';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Navigate, useLocation, useNavigate } from 'react-router';
import type { LoginRequest } from '@wangge/shared';
import { PATHS } from '../../../app/paths';
import { LanguageSwitch } from '../../../components/language-switch';
import { PageLoader } from '../../../components/page-loader';
import { useI18n } from '../../../lib/i18n';
import { useLogin, useSession } from '../api';
import { DemoAccountsTable } from '../components/demo-accounts-table';

function redirectTarget(state: unknown): string {
  if (typeof state === 'object' && state !== null && 'from' in state) {
    const from = (state as { from: unknown }).from;
    if (typeof from === 'string' && from.startsWith('/') && !from.startsWith(PATHS.login))
      return from;
  }
  // `/` picks the user's landing page (app/landing.ts).
  return PATHS.home;
}

export function LoginPage() {
  const { t } = useI18n();
  const [form] = Form.useForm<LoginRequest>();
  const session = useSession();
  const login = useLogin();
  const location = useLocation();
  const navigate = useNavigate();

  if (session.isPending) return <PageLoader fullScreen />;
  if (session.data) {
    const to = session.data.user.mustChangePassword
      ? PATHS.changePassword
      : redirectTarget(location.state);
    return <Navigate to={to} replace />;
  }

  const onFinish = (values: LoginRequest) => {
    login.mutate(values, {
      onSuccess: (s) =>
        void navigate(
          s.user.mustChangePassword ? PATHS.changePassword : redirectTarget(location.state),
          { replace: true },
        ),
    });
  };

  return (
    <div className="auth-page">
      <div className="auth-page__lang">
        <LanguageSwitch />
      </div>
      <div className="auth-page__column">
        <div className="auth-page__brand">
          <span className="shell-brand__mark" aria-hidden>
            格
          </span>
          <div>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {t('app.name')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('app.subtitle')}</Typography.Text>
          </div>
        </div>
        <Panel title={t('auth.title')}>
          <Form
            form={form}
            layout="vertical"
            onFinish={onFinish}
            requiredMark={false}
            disabled={login.isPending}
          >
            <Form.Item
              label={t('auth.username')}
              name="username"
              rules={[
                {
                  required: true,
                  whitespace: true,
                  message: t('auth.required', { field: t('auth.username') }),
                },
              ]}
            >
              <Input
                id="username"
                name="username"
                prefix={<UserOutlined />}
                autoComplete="username"
                autoFocus
                size="large"
              />
            </Form.Item>
            <Form.Item
              label={t('auth.password')}
              name="password"
              rules={[
                { required: true, message: t('auth.required', { field: t('auth.password') }) },
              ]}
            >
              <Input.Password
                id="password"
                name="password"
                prefix={<LockOutlined />}
                autoComplete="current-password"
                size="large"
              />
            </Form.Item>
            <Button
              type="primary"
              htmlType="submit"
              block
              size="large"
              loading={login.isPending}
              data-testid="login-submit"
            >
              {t('auth.submit')}
            </Button>
          </Form>
        </Panel>
        <DemoAccountsTable
          onPick={(username, password) =>
            form.setFieldsValue({ username, password: password ?? '' })
          }
        />
      </div>
    </div>
  );
}
