import { useNavigate, useParams } from 'react-router';
import { PageContainer } from '../../../components/page-container';
import { useI18n } from '../../../lib/i18n';
import { PATHS } from '../../../app/paths';
import { PlaceForm } from '../components/place-form';
import { QueryState } from '../../../components/query-state';
import { usePlace } from '../places-api';
import { placePath } from '../unit-format';

/** 登记重点场所 (/places/new) or 修改 (/places/:id/edit). */
export function PlaceEditPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const query = usePlace(id);
  const saved = (p: { id: string }) => void navigate(placePath(p.id), { replace: true });
  if (!id)
    return (
      <PageContainer title={t('places.new')}>
        <PlaceForm onSaved={saved} />
      </PageContainer>
    );
  if (!query.data)
    return (
      <QueryState query={query} notFound={{ title: t('places.notFound'), backTo: PATHS.places }} />
    );
  return (
    <PageContainer title={t('units.editTitle', { name: query.data.name })}>
      <PlaceForm key={query.data.version} place={query.data} onSaved={saved} />
    </PageContainer>
  );
}
