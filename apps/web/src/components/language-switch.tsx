import { Button } from 'antd';
import { GlobalOutlined } from '@ant-design/icons';
import { useI18n } from '../lib/i18n';

/** Toggles 中文 ⇄ English; the label names the language you switch to. */
export function LanguageSwitch({ type = 'text' }: { type?: 'text' | 'default' }) {
  const { lang, setLang, t } = useI18n();
  return (
    <Button
      type={type}
      icon={<GlobalOutlined />}
      onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
      data-testid="language-switch"
    >
      {t('header.language')}
    </Button>
  );
}
