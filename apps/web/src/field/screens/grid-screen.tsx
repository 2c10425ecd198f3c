import { lazy, Suspense } from 'react';
import type { AreaDetail, CaseView } from '@wangge/shared';
import { t, type MessageKey } from '../i18n';
import { get, useCachedRead } from '../reads';
import type { FieldUser } from '../session';

const FieldMap = lazy(() => import('../field-map'));

interface GridData {
  detail: Pick<AreaDetail, 'code' | 'name' | 'level' | 'path' | 'staff'>;
  boundary: unknown;
  cases: Pick<CaseView, 'id' | 'caseNo' | 'state' | 'address' | 'description' | 'position'>[];
}

export async function loadGrid(code: string): Promise<GridData> {
  const found = await get<{
    items: { id: string; code: string; parentCode: string | null; level: string }[];
  }>(`/api/areas/search?q=${encodeURIComponent(code)}`);
  const area = found.items.find((a) => a.code === code);
  if (!area) throw new Error(t('grid.none'));
  const [detail, shapes, cases] = await Promise.all([
    get<AreaDetail>(`/api/areas/${encodeURIComponent(area.id)}`),
    get<{ type: string; features: { properties?: { code?: string } }[] }>(
      `/api/areas/geojson?level=${area.level}${area.parentCode ? `&parentCode=${area.parentCode}` : ''}`,
    ),
    get<{ items: CaseView[] }>(
      `/api/cases?areaCode=${encodeURIComponent(code)}&open=true&limit=50`,
    ),
  ]);
  return {
    detail: {
      code: detail.code,
      name: detail.name,
      level: detail.level,
      path: detail.path,
      staff: detail.staff,
    },
    boundary: { ...shapes, features: shapes.features.filter((f) => f.properties?.code === code) },
    cases: cases.items.map(({ id, caseNo, state, address, description, position }) => ({
      id,
      caseNo,
      state,
      address,
      description,
      position,
    })),
  };
}

/** 我的网格: the boundary, the grid's staff and its open cases, kept for offline. */
export function GridScreen(props: { user: FieldUser; basemapUrl: string | null }) {
  const code = props.user.areas[0]?.code ?? null;
  const grid = useCachedRead(code ? `grid:${props.user.id}:${code}` : null, () => loadGrid(code!));
  if (!code) return <div className="screen empty">{t('grid.none')}</div>;
  const d = grid.data;
  return (
    <div className="screen">
      {grid.error && <div className="error">{grid.error}</div>}
      {d && (
        <>
          <h2 data-testid="grid-name">
            {d.detail.path.map((p) => p.name).join(' / ')}
            {grid.staleAt && <span className="tag orange">{t('grid.cached')}</span>}
          </h2>
          <Suspense fallback={<div className="fmap" />}>
            <FieldMap
              basemapUrl={props.basemapUrl}
              boundary={d.boundary}
              points={d.cases.map((c) => c.position)}
              testId="grid-map"
            />
          </Suspense>
          <section>
            <h2>{t('grid.staff')}</h2>
            {d.detail.staff.map((s) => (
              <div key={s.id} className="row between">
                <span>{s.displayName}</span>
                <span className="hint">
                  {t(`role.${s.role}` as MessageKey)} {s.phone ?? ''}
                </span>
              </div>
            ))}
          </section>
          <section>
            <h2>
              {t('grid.openCases')} ({d.cases.length})
            </h2>
            {d.cases.length === 0 && <div className="empty">{t('grid.noCases')}</div>}
            {d.cases.map((c) => (
              <article key={c.id} className="card">
                <strong>{c.caseNo}</strong>
                <div>{c.address}</div>
                <div className="hint">{c.description}</div>
              </article>
            ))}
          </section>
        </>
      )}
    </div>
  );
}
