import type { ReactNode } from 'react';
import { Button, Flex, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useI18n } from '../../../lib/i18n';

/** Back to the list this page was opened from, else to `fallback`. */
export function useBack(fallback: string) {
  const navigate = useNavigate();
  return () => {
    const state: unknown = window.history.state;
    const idx =
      typeof state === 'object' && state !== null && 'idx' in state ? Number(state.idx) : 0;
    if (idx > 0) void navigate(-1);
    else void navigate(fallback);
  };
}

/** Back link, title and the record's actions, wrapping under the title on a phone. */
export function RecordHeader({
  title,
  back,
  actions,
  children,
}: {
  title: string;
  back: () => void;
  actions?: ReactNode;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <>
      <Button
        type="link"
        icon={<ArrowLeftOutlined />}
        onClick={back}
        style={{ paddingInline: 0, marginBottom: 8 }}
      >
        {t('common.back')}
      </Button>
      <Flex justify="space-between" align="flex-start" wrap gap={8} style={{ marginBottom: 12 }}>
        <div style={{ minWidth: 0 }}>
          <Typography.Title level={4} style={{ margin: 0, wordBreak: 'break-all' }}>
            {title}
          </Typography.Title>
          {children}
        </div>
        {actions ? (
          <Flex wrap gap={8}>
            {actions}
          </Flex>
        ) : null}
      </Flex>
    </>
  );
}
