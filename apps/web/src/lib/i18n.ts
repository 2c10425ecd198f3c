import {
  createContext,
  createElement,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { zh, type MessageKey, type Messages } from './i18n-messages';
import { PART_LOADERS, partOfKey, type MessagePart } from './i18n-parts';
import { isoDateTime } from './date-format';

export type { MessageKey } from './i18n-messages';
export type { MessagePart } from './i18n-parts';

/** Chinese is the default; English is a courtesy switch in the header. */
export type Lang = 'zh' | 'en';

const STORAGE_KEY = 'wangge.lang';

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

interface I18nValue {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: Translate;
}

const I18nContext = createContext<I18nValue | null>(null);

// The dictionaries loaded so far, outside React so route loaders can fill them before a page renders.
const zhLoaded: Partial<Messages> = { ...zh };
let enLoaded: Messages | null = null;
const partsLoading = new Map<MessagePart, Promise<void>>();
const listeners = new Set<() => void>();
const changed = () => listeners.forEach((fn) => fn());

/** Loads the Chinese strings of these parts (once); English has every part already. */
export function loadMessages(...parts: MessagePart[]): Promise<void> {
  return Promise.all(
    parts.map((part) => {
      let loading = partsLoading.get(part);
      if (!loading) {
        loading = PART_LOADERS[part]().then((dict) => {
          Object.assign(zhLoaded, dict);
          changed();
        });
        // A failed chunk (network) may be retried by the next page that needs it.
        loading.catch(() => partsLoading.delete(part));
        partsLoading.set(part, loading);
      }
      return loading;
    }),
  ).then(() => undefined);
}

/** A lazy page's import and the strings it needs, loaded side by side: the page renders complete. */
export function withMessages<T>(page: Promise<T>, ...parts: MessagePart[]): Promise<T> {
  return Promise.all([page, loadMessages(...parts)]).then(([m]) => m);
}

function loadEnglish(): Promise<void> {
  if (enLoaded) return Promise.resolve();
  return import('./i18n-messages-en').then((m) => {
    enLoaded = m.en;
    changed();
  });
}

function readStoredLang(): Lang {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    // Storage can be disabled (private mode, policies): fall back to Chinese.
    return 'zh';
  }
}

/** Before the first render: a reader who chose English gets it from the first paint. */
export function preloadLanguage(): Promise<void> {
  return readStoredLang() === 'en' ? loadEnglish().catch(() => undefined) : Promise.resolve();
}

function interpolate(template: string, vars: Record<string, string | number> | undefined): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? String(vars[name]) : whole,
  );
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(readStoredLang);
  // Bumped whenever a dictionary arrives, so t() is rebuilt and the texts re-render.
  const [version, setVersion] = useState(0);

  useEffect(() => {
    const bump = () => setVersion((v) => v + 1);
    listeners.add(bump);
    return () => {
      listeners.delete(bump);
    };
  }, []);

  const setLang = useCallback((next: Lang) => {
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not persisted; the choice still applies to this tab.
    }
    // Switch once the strings are here; if English cannot be loaded, stay in Chinese rather than show keys.
    if (next === 'en')
      void loadEnglish().then(
        () => setLangState('en'),
        () => undefined,
      );
    else setLangState(next);
  }, []);

  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);

  const value = useMemo<I18nValue>(() => {
    const dict: Partial<Messages> = lang === 'en' && enLoaded ? enLoaded : zhLoaded;
    const t: Translate = (key, vars) => {
      const text = dict[key];
      if (text !== undefined) return interpolate(text, vars);
      // Another feature's string whose part is not loaded yet: fetch it; the change re-renders.
      const part = partOfKey(key);
      if (part) void loadMessages(part).catch(() => undefined);
      return '';
    };
    return { lang, setLang, t };
    // version: a new dictionary arrived.
  }, [lang, setLang, version]);

  return createElement(I18nContext.Provider, { value }, children);
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}

/** Picks the label of the current language from the shared { zh, en } label tables. */
export function labelOf<K extends string>(
  table: Record<K, { zh: string; en: string }>,
  key: K,
  lang: Lang,
): string {
  return table[key][lang];
}

/** Local date-time text, 2026-01-05 14:03 in both languages (lib/date-format.ts says why). */
export function formatDateTime(iso: string, _lang: Lang): string {
  return isoDateTime(iso);
}
