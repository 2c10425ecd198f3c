import { useNavigate, useParams } from 'react-router';
import { PageContainer } from '../../../components/page-container';
import { useI18n } from '../../../lib/i18n';
import { PATHS } from '../../../app/paths';
import { QueryState } from '../../../components/query-state';
import { UnitForm } from '../components/unit-form';
import { unitPath } from '../unit-format';
import { useUnit } from '../units-api';

/** 登记单位 (/units/new) or 修改单位 (/units/:id/edit). */
export function UnitEditPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const query = useUnit(id);
  const saved = (u: { id: string }) => void navigate(unitPath(u.id), { replace: true });
  if (!id)
    return (
      <PageContainer title={t('units.new')}>
        <UnitForm onSaved={saved} />
      </PageContainer>
    );
  if (!query.data)
    return (
      <QueryState query={query} notFound={{ title: t('units.notFound'), backTo: PATHS.units }} />
    );
  return (
    <PageContainer title={t('units.editTitle', { name: query.data.name })}>
      <UnitForm key={query.data.version} unit={query.data} onSaved={saved} />
    </PageContainer>
  );
}
