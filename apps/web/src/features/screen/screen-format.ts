import type { MessageKey } from '../../lib/i18n';

type T = (key: MessageKey, params?: Record<string, string | number>) => string;

/** "3天4小时" / "5小时20分" / "12分": the two largest units of a duration. */
export function durationText(ms: number, t: T): string {
  const minutes = Math.floor(ms / 60_000);
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  if (d > 0) return t('screen.days', { n: d }) + (h ? t('screen.hours', { n: h }) : '');
  if (h > 0) return t('screen.hours', { n: h }) + (m ? t('screen.minutes', { n: m }) : '');
  return t('screen.minutes', { n: m });
}

/** HH:mm of an instant in Asia/Shanghai, whatever the screen computer's own time zone. */
export function shanghaiTime(iso: string | number, seconds = false): string {
  return new Date(iso).toLocaleTimeString('zh-CN', {
    timeZone: 'Asia/Shanghai',
    hour12: false,
    hour: '2-digit',
    minute: '2-digit',
    ...(seconds ? { second: '2-digit' } : {}),
  });
}
