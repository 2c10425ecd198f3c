import { memo, useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { CASE_STEP_LABELS, type CaseStep, type ScreenSummary } from '@wangge/shared';
import { useAreaGeoJson, useMapSettings } from '../../areas/api';
import { useI18n } from '../../../lib/i18n';
import { liveUrl, useScreenSummary } from '../api';
import { RankingChart } from '../ranking-chart';
import { createScreenMap, type ScreenMap } from '../screen-map';
import { durationText, shanghaiTime } from '../screen-format';
import { useLiveRefresh, type LiveState } from '../use-live-refresh';
import '../screen.css';

/** The clock alone re-renders every second, not the page. */
const Clock = memo(function Clock() {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, []);
  const day = new Date(now).toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai' });
  return (
    <div className="screen-clock" data-testid="screen-clock">
      <span>{day}</span>
      <strong>{shanghaiTime(now, true)}</strong>
    </div>
  );
});

function LiveMark({ state }: { state: LiveState }) {
  const { t } = useI18n();
  return (
    <span
      className={`screen-live screen-live--${state}`}
      data-testid="screen-live"
      data-state={state}
    >
      {t(
        state === 'live'
          ? 'screen.live'
          : state === 'reconnecting'
            ? 'screen.reconnecting'
            : 'screen.connecting',
      )}
    </span>
  );
}

function ScreenMapView({ latest }: { latest: ScreenSummary['latest'] }) {
  const el = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<ScreenMap | null>(null);
  const settings = useMapSettings();
  const street = useAreaGeoJson('street');
  const community = useAreaGeoJson('community');
  const grid = useAreaGeoJson('grid');
  useEffect(() => {
    if (!el.current) return;
    const m = createScreenMap(el.current);
    setMap(m);
    return () => {
      m.dispose();
      setMap(null);
    };
  }, []);
  useEffect(() => map?.setBasemap(settings.data?.basemapUrl ?? null), [map, settings.data]);
  useEffect(() => {
    if (map && street.data) map.setOutlines('street', street.data);
  }, [map, street.data]);
  useEffect(() => {
    if (map && community.data) map.setOutlines('community', community.data);
  }, [map, community.data]);
  useEffect(() => {
    if (map && grid.data) map.setOutlines('grid', grid.data);
  }, [map, grid.data]);
  useEffect(() => map?.setReports(latest), [map, latest]);
  return <div ref={el} className="screen-map" data-testid="screen-map" />;
}

const LIGHTS = ['green', 'yellow', 'red'] as const;

/**
 * 指挥中心大屏 (docs/screen.md): 1920×1080, dark. Reads GET /api/screen/summary and reads it again when the live
 * case stream reports a change (debounced), on reconnect, and every minute. Everything on it is bounded by the
 * server's lists, so it can run for days.
 */
export function ScreenPage() {
  const { t, lang } = useI18n();
  const [params] = useSearchParams();
  const area = params.get('area') || null;
  const summary = useScreenSummary(area);
  const refetch = useRef(summary.refetch);
  refetch.current = summary.refetch;
  const live = useLiveRefresh(liveUrl(area), () => void refetch.current());
  const s = summary.data;
  // The browser keeps a timing entry for every request (up to its buffer of 250): on a page that reads every few
  // seconds for days, nobody looks at them, so they go after each read instead of filling the heap to the cap.
  useEffect(() => performance.clearResourceTimings(), [summary.dataUpdatedAt]);
  const step = (code: string | null) =>
    code && code in CASE_STEP_LABELS ? CASE_STEP_LABELS[code as CaseStep][lang] : (code ?? '—');

  return (
    <div className="screen" data-testid="screen" data-updated={s?.at ?? ''}>
      <header className="screen-header">
        <div className="screen-title">
          <h1 data-testid="screen-area">{s ? s.area.name || t('screen.wholeScope') : '…'}</h1>
          <span>{t('screen.title')}</span>
        </div>
        <div className="screen-header-right">
          <LiveMark state={live} />
          {s && (
            <span className="screen-updated">
              {t('screen.updatedAt', { time: shanghaiTime(s.at, true) })}
            </span>
          )}
          <Clock />
          <Link to="/" className="screen-exit">
            {t('screen.exit')}
          </Link>
        </div>
      </header>
      <aside className="screen-left">
        <section className="screen-panel">
          <h2>{t('screen.today')}</h2>
          <div className="screen-counters">
            {(['reported', 'registered', 'dispatched', 'closed'] as const).map((k) => (
              <div key={k} className="screen-counter">
                <strong data-testid={`screen-count-${k}`}>{s ? s.today[k] : '—'}</strong>
                <span>{t(`screen.${k}`)}</span>
              </div>
            ))}
            <div className="screen-counter screen-counter--open">
              <strong data-testid="screen-count-open">{s ? s.open.total : '—'}</strong>
              <span>{t('screen.openNow')}</span>
            </div>
          </div>
        </section>
        <section className="screen-panel">
          <h2>{t('screen.lights')}</h2>
          <div className="screen-lights">
            {LIGHTS.map((l) => (
              <div key={l} className={`screen-light screen-light--${l}`}>
                <i />
                <strong data-testid={`screen-light-${l}`}>{s ? s.open[l] : '—'}</strong>
                <span>{t(`screen.${l}`)}</span>
              </div>
            ))}
            <div className="screen-light screen-light--none">
              <i />
              <strong>{s ? s.open.none : '—'}</strong>
              <span>{t('screen.paused')}</span>
            </div>
          </div>
        </section>
        <section className="screen-panel screen-panel--grow">
          <h2>{t('screen.latest')}</h2>
          <ol className="screen-latest" data-testid="screen-latest">
            {s?.latest.length === 0 && <li className="screen-empty">{t('screen.noReports')}</li>}
            {s?.latest.slice(0, 12).map((r) => (
              <li key={r.caseNo}>
                <time>{shanghaiTime(r.reportedAt)}</time>
                <span className="screen-latest-what">{r.category ?? '—'}</span>
                <span className="screen-latest-where">{r.community ?? r.street ?? ''}</span>
              </li>
            ))}
          </ol>
        </section>
      </aside>
      <main className="screen-center">
        <ScreenMapView latest={s?.latest ?? []} />
      </main>
      <aside className="screen-right">
        <section className="screen-panel screen-panel--chart">
          <h2>{t('screen.departments')}</h2>
          {s && s.departments.length === 0 && (
            <p className="screen-empty">{t('screen.noDepartments')}</p>
          )}
          <RankingChart departments={s?.departments ?? []} />
        </section>
        <section className="screen-panel screen-panel--grow">
          <h2>
            {t('screen.overdue')}
            <small data-testid="screen-overdue-total">
              {s ? t('screen.overdueTotal', { n: s.overdue.total }) : ''}
            </small>
          </h2>
          <table className="screen-table" data-testid="screen-overdue">
            <thead>
              <tr>
                <th>{t('screen.caseNo')}</th>
                <th>{t('screen.category')}</th>
                <th>{t('screen.place')}</th>
                <th>{t('screen.step')}</th>
                <th>{t('screen.overdueBy')}</th>
              </tr>
            </thead>
            <tbody>
              {s?.overdue.items.map((r) => (
                <tr key={r.caseNo}>
                  <td>{r.caseNo.slice(-8)}</td>
                  <td>{r.category ?? '—'}</td>
                  <td>{[r.street, r.community].filter(Boolean).join(' ')}</td>
                  <td>{step(r.step)}</td>
                  <td className="screen-overdue-by">{durationText(r.overdueMs, t)}</td>
                </tr>
              ))}
              {s?.overdue.items.length === 0 && (
                <tr>
                  <td colSpan={5} className="screen-empty">
                    {t('screen.noOverdue')}
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </section>
      </aside>
    </div>
  );
}
