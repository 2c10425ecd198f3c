import { useMemo, useState } from 'react';
import { t } from '../i18n';

export interface FieldCategory {
  code: string;
  name: string;
  level: string;
  synonyms: string[];
  active: boolean;
}

const RECENT_KEY = 'wangge-field-recent-classes';
const RECENT_MAX = 6;

export function recentCodes(): string[] {
  try {
    const v = JSON.parse(localStorage.getItem(RECENT_KEY) ?? '[]') as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

export function rememberCode(code: string): void {
  const next = [code, ...recentCodes().filter((c) => c !== code)].slice(0, RECENT_MAX);
  localStorage.setItem(RECENT_KEY, JSON.stringify(next));
}

/** 小类 and below (a case is classified by one of those), searched by name, 地方叫法 or code. */
export function CategoryPicker(props: {
  categories: FieldCategory[];
  value: string | null;
  onChange: (code: string) => void;
}) {
  const [q, setQ] = useState('');
  const usable = useMemo(
    () => props.categories.filter((c) => c.active && c.level !== 'major'),
    [props.categories],
  );
  const byCode = useMemo(() => new Map(usable.map((c) => [c.code, c])), [usable]);
  const recent = recentCodes()
    .map((c) => byCode.get(c))
    .filter((c): c is FieldCategory => Boolean(c));
  const text = q.trim().toLowerCase();
  const found = text
    ? usable
        .filter(
          (c) =>
            c.name.toLowerCase().includes(text) ||
            c.code.startsWith(text) ||
            c.synonyms.some((s) => s.toLowerCase().includes(text)),
        )
        .slice(0, 30)
    : [];
  const chosen = props.value ? byCode.get(props.value) : null;
  const chip = (c: FieldCategory) => (
    <button
      key={c.code}
      type="button"
      className={c.code === props.value ? 'chip on' : 'chip'}
      onClick={() => {
        props.onChange(c.code);
        setQ('');
      }}
    >
      {c.name}
    </button>
  );
  return (
    <div className="picker">
      {chosen && (
        <div className="chosen" data-testid="category-chosen">
          {chosen.name} <small>{chosen.code}</small>
        </div>
      )}
      <input
        type="search"
        aria-label={t('report.searchCategory')}
        placeholder={t('report.searchCategory')}
        value={q}
        onChange={(e) => setQ(e.target.value)}
        data-testid="category-search"
      />
      {found.length > 0 && <div className="chips">{found.map(chip)}</div>}
      {!text && recent.length > 0 && (
        <>
          <div className="hint">{t('report.recent')}</div>
          <div className="chips">{recent.map(chip)}</div>
        </>
      )}
    </div>
  );
}
