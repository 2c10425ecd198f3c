import type { ReactNode } from 'react';
import { Typography } from 'antd';
import {
  CheckCircleFilled,
  ExclamationCircleFilled,
  QuestionCircleFilled,
  StopFilled,
} from '@ant-design/icons';

export type StatusKind = 'success' | 'error' | 'forbidden' | 'not-found';

const ICONS: Record<StatusKind, { icon: ReactNode; color: string }> = {
  success: { icon: <CheckCircleFilled />, color: '#52c41a' },
  error: { icon: <ExclamationCircleFilled />, color: '#faad14' },
  forbidden: { icon: <StopFilled />, color: '#ff4d4f' },
  'not-found': { icon: <QuestionCircleFilled />, color: '#8c8c8c' },
};

/**
 * The one block for a page's outcome or failure: done, failed to load, not allowed, not found. An icon, a title,
 * a line of detail and the way on. Not antd's Result: that module carries the 403/404/500 illustrations (about 33 KB
 * of SVG), and the shell loads this block on every first visit.
 */
export function StatusBlock({
  status,
  title,
  detail,
  actions,
  testId,
}: {
  status: StatusKind;
  title: ReactNode;
  detail?: ReactNode;
  actions?: ReactNode;
  testId?: string;
}) {
  const { icon, color } = ICONS[status];
  return (
    <div
      className="status-block"
      role={status === 'error' ? 'alert' : undefined}
      data-testid={testId}
    >
      <div className="status-block__icon" style={{ color }} aria-hidden>
        {icon}
      </div>
      <Typography.Title level={4} className="status-block__title">
        {title}
      </Typography.Title>
      {detail ? <div className="status-block__detail">{detail}</div> : null}
      {actions ? <div className="status-block__actions">{actions}</div> : null}
    </div>
  );
}
