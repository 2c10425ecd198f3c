import { useNavigate, useParams } from 'react-router';
import { PageContainer } from '../../../components/page-container';
import { QueryState } from '../../../components/query-state';
import { useI18n } from '../../../lib/i18n';
import { PATHS } from '../../../app/paths';
import { PersonForm } from '../components/person-form';
import { personPath } from '../person-format';
import { usePerson } from '../population-api';

/** 登记人员 (/persons/new) and 修改 (/persons/:id/edit): one form, back to the record when saved. */
export function PersonEditPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const person = usePerson(id ?? '');
  const saved = (p: { id: string }) => void navigate(personPath(p.id), { replace: true });

  if (!id)
    return (
      <PageContainer title={t('persons.new')}>
        <PersonForm onSaved={saved} />
      </PageContainer>
    );
  if (person.isPending || person.isError)
    return (
      <QueryState
        query={person}
        loading="spinner"
        notFound={{ title: t('persons.notFound'), backTo: PATHS.persons }}
      />
    );
  return (
    <PageContainer title={t('persons.editTitle', { name: person.data.name })}>
      <PersonForm key={person.data.version} person={person.data} onSaved={saved} />
    </PageContainer>
  );
}
