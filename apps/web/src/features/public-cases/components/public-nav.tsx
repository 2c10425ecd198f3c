import { Link } from 'react-router';
import { useI18n } from '../../../lib/i18n';
import { PUBLIC_PATHS } from '../public-paths';

/** The portal's links, as a labelled navigation landmark. */
export function PublicNav() {
  const { t } = useI18n();
  return (
    <nav
      aria-label={t('public.portal')}
      style={{
        marginTop: 24,
        display: 'flex',
        gap: 16,
        justifyContent: 'center',
        flexWrap: 'wrap',
      }}
    >
      <Link to={PUBLIC_PATHS.report}>{t('public.toReport')}</Link>
      <Link to={PUBLIC_PATHS.board}>{t('board.toBoard')}</Link>
      <Link to={PUBLIC_PATHS.figures}>{t('board.toFigures')}</Link>
      <Link to={PUBLIC_PATHS.track}>{t('public.toTrack')}</Link>
    </nav>
  );
}
