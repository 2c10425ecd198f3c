import { Alert, Button, Card, Form, Input, Space } from 'antd';
import { Navigate, useNavigate } from 'react-router';
import type { ChangePasswordRequest } from '@wangge/shared';
import { PATHS } from '../../../app/paths';
import { LanguageSwitch } from '../../../components/language-switch';
import { PageLoader } from '../../../components/page-loader';
import { useI18n } from '../../../lib/i18n';
import { notifySuccess } from '../../../lib/notify';
import { useChangePassword, useLogout, useSession } from '../api';

interface PasswordForm extends ChangePasswordRequest {
  confirm: string;
}

/** Reached from the user menu, or forced when user.mustChangePassword is set. */
export function ChangePasswordPage() {
  const { t } = useI18n();
  const session = useSession();
  const change = useChangePassword();
  const logout = useLogout();
  const navigate = useNavigate();
  const [form] = Form.useForm<PasswordForm>();

  if (session.isPending) return <PageLoader fullScreen />;
  if (!session.data) return <Navigate to={PATHS.login} replace />;
  const forced = session.data.user.mustChangePassword;

  const onFinish = ({ currentPassword, newPassword }: PasswordForm) => {
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          notifySuccess(t('password.done'));
          void navigate(PATHS.home, { replace: true });
        },
      },
    );
  };

  return (
    <div className="auth-page">
      <div className="auth-page__lang">
        <LanguageSwitch />
      </div>
      <div className="auth-page__column">
        <Card title={t('password.title')}>
          {forced ? (
            <Alert
              type="warning"
              showIcon
              title={t('password.forced')}
              style={{ marginBottom: 16 }}
            />
          ) : null}
          <Form
            form={form}
            layout="vertical"
            onFinish={onFinish}
            requiredMark={false}
            disabled={change.isPending}
          >
            <Form.Item
              label={t('password.current')}
              name="currentPassword"
              rules={[{ required: true, message: t('password.current') }]}
            >
              <Input.Password id="currentPassword" autoComplete="current-password" />
            </Form.Item>
            <Form.Item
              label={t('password.new')}
              name="newPassword"
              rules={[{ required: true, min: 10, message: t('password.minLength') }]}
            >
              <Input.Password id="newPassword" autoComplete="new-password" />
            </Form.Item>
            <Form.Item
              label={t('password.confirm')}
              name="confirm"
              dependencies={['newPassword']}
              rules={[
                { required: true, message: t('password.mismatch') },
                ({ getFieldValue }) => ({
                  validator: (_rule, value: string | undefined) =>
                    !value || getFieldValue('newPassword') === value
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('password.mismatch'))),
                }),
              ]}
            >
              <Input.Password id="confirmPassword" autoComplete="new-password" />
            </Form.Item>
            <Space wrap>
              <Button
                type="primary"
                htmlType="submit"
                loading={change.isPending}
                data-testid="password-submit"
              >
                {t('password.submit')}
              </Button>
              {forced ? (
                <Button
                  onClick={() =>
                    logout.mutate(undefined, { onSettled: () => void navigate(PATHS.login) })
                  }
                >
                  {t('header.logout')}
                </Button>
              ) : (
                <Button onClick={() => void navigate(-1)}>{t('common.back')}</Button>
              )}
            </Space>
          </Form>
        </Card>
      </div>
    </div>
  );
}
