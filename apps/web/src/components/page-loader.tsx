import { Spin } from 'antd';

/** Centered spinner for whole-page and lazy-route loading. */
export function PageLoader({ fullScreen = false }: { fullScreen?: boolean }) {
  return (
    <div className={fullScreen ? 'page-loader page-loader--full' : 'page-loader'}>
      <Spin size="large" />
    </div>
  );
}
