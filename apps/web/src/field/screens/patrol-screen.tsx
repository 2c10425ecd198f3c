import { lazy, Suspense, useEffect, useState } from 'react';
import type { Patrol, PatrolDetail } from '@wangge/shared';
import { t } from '../i18n';
import {
  checkIn,
  intervalSeconds,
  resumePatrol,
  startPatrol,
  stopPatrol,
  usePatrol,
} from '../patrol';
import { get, useCachedRead } from '../reads';
import type { FieldUser } from '../session';

const FieldMap = lazy(() => import('../field-map'));

async function loadLatest(): Promise<PatrolDetail | null> {
  const { items } = await get<{ items: Patrol[] }>('/api/patrols?mine=true&limit=1');
  const last = items[0];
  return last ? get<PatrolDetail>(`/api/patrols/${encodeURIComponent(last.id)}`) : null;
}

/** Metres along a track, for the live figure (the server measures its own copy the same way). */
function metres(track: [number, number][]): number {
  let m = 0;
  for (let i = 1; i < track.length; i++) {
    const [a, b] = [track[i - 1]!, track[i]!];
    const rad = Math.PI / 180;
    const x = (b[0] - a[0]) * rad * Math.cos(((a[1] + b[1]) / 2) * rad);
    const y = (b[1] - a[1]) * rad;
    m += Math.sqrt(x * x + y * y) * 6_371_000;
  }
  return Math.round(m);
}

/** 巡查: start/stop, a position every N seconds, check-ins; the track on the map, then as the server stored it. */
export function PatrolScreen(props: { user: FieldUser; basemapUrl: string | null }) {
  const active = usePatrol();
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const latest = useCachedRead(active ? null : `patrol:latest:${props.user.id}`, loadLatest);
  useEffect(() => void resumePatrol(props.user.id), [props.user.id]);
  const act = async (f: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await f();
    } catch {
      setError(t('patrol.noPosition'));
    } finally {
      setBusy(false);
    }
  };

  if (active) {
    const track = active.track.map((p) => [p.lng, p.lat] as [number, number]);
    return (
      <div className="screen">
        <section data-testid="patrol-active">
          <h2>
            {t('patrol.active')}{' '}
            <span className="tag green">{new Date(active.startedAt).toLocaleTimeString()}</span>
          </h2>
          <div className="hint">
            {t('patrol.every', { n: intervalSeconds() })} · {t('patrol.keepOpen')}
          </div>
          <div data-testid="patrol-stats" data-points={active.track.length}>
            {t('patrol.points', { n: active.track.length })} ·{' '}
            {t('patrol.distance', { n: metres(track) })} ·{' '}
            {t('patrol.checkins', { n: active.checkins })}
          </div>
          <Suspense fallback={<div className="fmap" />}>
            <FieldMap
              basemapUrl={props.basemapUrl}
              track={track}
              marker={track.at(-1) ?? null}
              testId="patrol-map"
            />
          </Suspense>
        </section>
        <section>
          <input
            placeholder={t('patrol.checkinNote')}
            aria-label={t('patrol.checkinNote')}
            value={note}
            maxLength={500}
            onChange={(e) => setNote(e.target.value)}
          />
          <div className="row">
            <button
              type="button"
              disabled={busy}
              data-testid="patrol-checkin"
              onClick={() => void act(() => checkIn(note.trim())).then(() => setNote(''))}
            >
              {t('patrol.checkin')}
            </button>
            <button
              type="button"
              className="danger"
              disabled={busy}
              data-testid="patrol-stop"
              onClick={() => void act(stopPatrol).then(latest.reload)}
            >
              {t('patrol.stop')}
            </button>
          </div>
          {error && <div className="error">{error}</div>}
        </section>
      </div>
    );
  }

  const last = latest.data;
  return (
    <div className="screen">
      <button
        type="button"
        className="primary"
        disabled={busy}
        data-testid="patrol-start"
        onClick={() => void act(() => startPatrol(props.user.id, props.user.areas[0]?.name ?? ''))}
      >
        {t('patrol.start')}
      </button>
      {error && <div className="error">{error}</div>}
      <section>
        <h2>{t('patrol.last')}</h2>
        {!last && <div className="empty">{t('patrol.none')}</div>}
        {last && (
          <>
            <div>
              {new Date(last.startedAt).toLocaleString()} –{' '}
              {last.endedAt ? new Date(last.endedAt).toLocaleTimeString() : ''}
            </div>
            <div className="hint" data-testid="patrol-server" data-points={last.track.length}>
              {t('patrol.server', { n: last.track.length })} ·{' '}
              {t('patrol.distance', { n: last.distanceM })} ·{' '}
              {t('patrol.checkins', { n: last.checkins.length })}
            </div>
            <Suspense fallback={<div className="fmap" />}>
              <FieldMap
                basemapUrl={props.basemapUrl}
                track={last.track}
                points={last.checkins.map((c) => c.position)}
                testId="patrol-map"
              />
            </Suspense>
          </>
        )}
      </section>
    </div>
  );
}
