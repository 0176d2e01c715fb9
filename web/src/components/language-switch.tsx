import { useI18n } from '../i18n/i18n-context.tsx';
import { Icon } from './icon.tsx';

export function LanguageSwitch() {
  const { t, language, setLanguage } = useI18n();
  const other = language === 'nl' ? 'en' : 'nl';
  return (
    <button
      type="button"
      className="button button-ghost button-small"
      onClick={() => setLanguage(other)}
      aria-label={t.nav.switchToLabel}
      lang={other}
    >
      <Icon name="globe" />
      <span>{t.nav.switchTo}</span>
    </button>
  );
}
