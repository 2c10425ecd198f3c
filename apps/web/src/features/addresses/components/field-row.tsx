import type { ReactNode } from 'react';

/** Form items side by side on wide screens, stacked below ~300 px each (375 px phones get one or two per row). */
export function FieldRow({ children }: { children: ReactNode }) {
  return <div style={{ display: 'flex', flexWrap: 'wrap', columnGap: 12 }}>{children}</div>;
}

/** Style of one item in a FieldRow. */
export const FIELD_IN_ROW = { flex: '1 1 140px', minWidth: 0 } as const;
