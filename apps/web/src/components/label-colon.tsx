import { useI18n } from '../lib/i18n';

/** The colon after a label: full-width in Chinese, ': ' in English (a "：" after English text looks broken). */
export function Colon() {
  const { lang } = useI18n();
  return lang === 'zh' ? '：' : ': ';
}
