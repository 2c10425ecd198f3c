import { useEffect, useState, useSyncExternalStore } from 'react';
import { setLang, t, useLang, type MessageKey } from './i18n';
import { flush, useOps } from './queue';
import { get, useCachedRead } from './reads';
import { logout, useSession } from './session';
import { GridScreen } from './screens/grid-screen';
import { LoginScreen } from './screens/login-screen';
import { QueueScreen } from './screens/queue-screen';
import { ReportScreen } from './screens/report-screen';
import { TasksScreen } from './screens/tasks-screen';
import { PatrolScreen } from './screens/patrol-screen';
import { resumePatrol } from './patrol';
import { prefetch } from './prefetch';

const TABS = ['report', 'tasks', 'patrol', 'grid', 'queue'] as const;
type Tab = (typeof TABS)[number];
const tabOfHash = (): Tab => {
  const h = location.hash.replace(/^#\/?/, '');
  return (TABS as readonly string[]).includes(h) ? (h as Tab) : 'report';
};

function useOnline(): boolean {
  return useSyncExternalStore(
    (l) => {
      addEventListener('online', l);
      addEventListener('offline', l);
      return () => {
        removeEventListener('online', l);
        removeEventListener('offline', l);
      };
    },
    () => navigator.onLine,
  );
}

/** The field app: five tabs (hash-routed, so every screen is the one cached page) and the outbox badge. */
export function App() {
  const lang = useLang();
  const [session, setSession] = useSession();
  const [tab, setTab] = useState<Tab>(tabOfHash);
  const online = useOnline();
  const ops = useOps();
  const userId = session.kind === 'in' ? session.user.id : null;
  const map = useCachedRead(userId ? 'settings:map' : null, () =>
    get<{ basemapUrl: string | null; basemapType: string }>('/api/settings/map'),
  );
  useEffect(() => {
    const on = () => setTab(tabOfHash());
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  // A patrol left on keeps recording whichever tab is open.
  useEffect(() => {
    if (userId) void resumePatrol(userId);
  }, [userId]);
  // Online with a user: fill the offline copies of every screen, not only the ones opened.
  useEffect(() => {
    if (session.kind === 'in' && online) void prefetch(session.user);
    // Once per session and per return of the network.
  }, [session, online]);
  // Back online: send what waited. Also every 30 s, for a signal that came back without an event.
  useEffect(() => {
    if (!userId) return;
    if (online) void flush(userId);
    const timer = setInterval(() => navigator.onLine && void flush(userId), 30_000);
    return () => clearInterval(timer);
  }, [online, userId]);

  if (session.kind === 'loading') return <div className="screen" />;
  if (session.kind === 'out')
    return <LoginScreen onIn={(user) => setSession({ kind: 'in', user, offline: false })} />;
  const user = session.user;
  const unsent = ops.filter((o) => o.userId === user.id && o.status !== 'sent').length;
  const basemapUrl = map.data?.basemapType === 'xyz' ? map.data.basemapUrl : null;
  const go = (next: Tab) => {
    location.hash = `/${next}`;
    setTab(next);
  };
  return (
    <div className="app">
      <header>
        <strong>{t('appName')}</strong>
        <span className={online ? 'tag green' : 'tag red'} data-testid="net">
          {online ? t('online') : t('offline')}
        </span>
        <span className="grow" />
        <span className="hint">{user.displayName}</span>
        <button type="button" className="link" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
          {t('language')}
        </button>
        <button
          type="button"
          className="link"
          onClick={() => void logout().finally(() => setSession({ kind: 'out' }))}
        >
          {t('logout')}
        </button>
      </header>
      <main>
        {tab === 'report' && (
          <ReportScreen user={user} basemapUrl={basemapUrl} onQueued={() => {}} />
        )}
        {tab === 'tasks' && <TasksScreen user={user} />}
        {tab === 'patrol' && <PatrolScreen user={user} basemapUrl={basemapUrl} />}
        {tab === 'grid' && <GridScreen user={user} basemapUrl={basemapUrl} />}
        {tab === 'queue' && <QueueScreen user={user} />}
      </main>
      <nav>
        {TABS.map((k) => (
          <button
            key={k}
            type="button"
            className={k === tab ? 'on' : ''}
            onClick={() => go(k)}
            data-testid={`tab-${k}`}
          >
            {t(`tab.${k}` as MessageKey)}
            {k === 'queue' && unsent > 0 && (
              <span className="badge" data-testid="unsent">
                {unsent}
              </span>
            )}
          </button>
        ))}
      </nav>
    </div>
  );
}
