import type { ReactNode } from 'react';
import { Typography } from 'antd';

interface PageContainerProps {
  title: ReactNode;
  extra?: ReactNode;
  children: ReactNode;
}

/** Padded page body with a title row; the map page is the one page that does not use it. */
export function PageContainer({ title, extra, children }: PageContainerProps) {
  return (
    <div className="page-container">
      <div className="page-container__head">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {extra ? <div className="page-container__extra">{extra}</div> : null}
      </div>
      {children}
    </div>
  );
}
