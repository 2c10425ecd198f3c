import type { HTMLAttributes, ReactNode } from 'react';

/**
 * A titled white box, as antd's Card looks, for the pages of a first visit (login, the phone report form). Card itself
 * imports Tabs, and Tabs the Menu and overflow machinery for its "more" dropdown: about 25 KB gzip that a plain box
 * does not need. Pages opened later keep using Card.
 */
export function Panel({
  title,
  size = 'default',
  extra,
  className,
  children,
  ...rest
}: {
  title?: ReactNode;
  size?: 'default' | 'small';
  extra?: ReactNode;
  children: ReactNode;
} & Omit<HTMLAttributes<HTMLElement>, 'title'>) {
  return (
    <section
      className={['panel', size === 'small' ? 'panel--small' : '', className ?? '']
        .filter(Boolean)
        .join(' ')}
      {...rest}
    >
      {title || extra ? (
        <header className="panel__head">
          <div className="panel__title">{title}</div>
          {extra ? <div className="panel__extra">{extra}</div> : null}
        </header>
      ) : null}
      <div className="panel__body">{children}</div>
    </section>
  );
}
