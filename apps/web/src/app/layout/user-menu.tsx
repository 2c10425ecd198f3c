import { useState } from 'react';
import { Button, Dropdown } from 'antd';
import { ApiOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useHasPermission, useLogout, useMe } from '../../features/auth/api';
import { useI18n } from '../../lib/i18n';
import { PATHS } from '../paths';

/** The account menu; the shell loads it on the first press of its button and opens it at once (initiallyOpen). */
export function UserMenu({
  compact,
  initiallyOpen = false,
}: {
  compact: boolean;
  initiallyOpen?: boolean;
}) {
  const [open, setOpen] = useState(initiallyOpen);
  const me = useMe();
  const { t } = useI18n();
  const navigate = useNavigate();
  const logout = useLogout();
  const tokens = useHasPermission('tokens.manage');
  return (
    <Dropdown
      trigger={['click']}
      open={open}
      onOpenChange={setOpen}
      menu={{
        items: [
          { key: 'password', icon: <KeyOutlined />, label: t('header.changePassword') },
          ...(tokens ? [{ key: 'tokens', icon: <ApiOutlined />, label: t('tokens.title') }] : []),
          { type: 'divider' },
          { key: 'logout', icon: <LogoutOutlined />, label: t('header.logout'), danger: true },
        ],
        onClick: ({ key }) => {
          setOpen(false);
          if (key === 'password') void navigate(PATHS.changePassword);
          if (key === 'tokens') void navigate(PATHS.tokens);
          if (key === 'logout')
            logout.mutate(undefined, { onSettled: () => void navigate(PATHS.login) });
        },
      }}
    >
      <Button type="text" icon={<UserOutlined />} data-testid="user-menu">
        {compact ? null : me.displayName}
      </Button>
    </Dropdown>
  );
}
