import { isValidElement, lazy, type ComponentType, type ReactNode } from 'react';
import { matchRoutes, type RouteObject } from 'react-router';

type Preloadable = { preload?: () => unknown };

/** React.lazy whose chunk can also be fetched ahead of rendering (see preloadMatched). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the same bound as React.lazy's own
export function lazyPage<C extends ComponentType<any>>(load: () => Promise<{ default: C }>) {
  let loading: Promise<{ default: C }> | undefined;
  const get = () => (loading ??= load());
  return Object.assign(lazy(get), { preload: get });
}

function preloadElement(node: ReactNode): void {
  if (!isValidElement(node)) return;
  (node.type as Preloadable).preload?.();
  preloadElement((node.props as { children?: ReactNode }).children);
}

/**
 * On the first load the shell and the page are separate chunks found one inside the other, which would fetch them one
 * after the other (and only after the session check). Starting every lazy chunk of the matched routes at once
 * fetches them side by side.
 */
export function preloadMatched(routes: RouteObject[], location: string): void {
  for (const match of matchRoutes(routes, location) ?? []) preloadElement(match.route.element);
}
