import { Button, Card, Space } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import {
  DATA_STATES,
  PERSON_STATUSES,
  POPULATION_TYPES,
  type DataState,
  type PersonStatus,
  type PopulationType,
} from '@wangge/shared';
import { ExportButtons, withExportReason } from '../../../components/export-buttons';
import { PageContainer } from '../../../components/page-container';
import { PersonalSearchButton, SearchResultList } from '../../../components/personal-search-button';
import { PagedListCard } from '../../../components/paged-list-card';
import { useUrlFilters } from '../../../components/use-url-params';
import { useI18n } from '../../../lib/i18n';
import { PATHS } from '../../../app/paths';
import { useHasPermission } from '../../auth/api';
import { PersonFilters, type PersonFilterValues } from '../components/person-filters';
import { PersonList } from '../components/person-list';
import { personPath } from '../person-format';
import { idNumberProblem } from '../components/person-form-rules';
import {
  lookupPersonByIdNumber,
  lookupPersonsByPhone,
  personsExportUrl,
  usePersonList,
  type PersonListParams,
} from '../population-api';

const PAGE_SIZE = 50;

const oneOf = <T extends string>(list: readonly T[], v: string | null): T | null =>
  v && (list as readonly string[]).includes(v) ? (v as T) : null;

/** Filters live in the URL, so "back" from a person returns to the same view. */
function readFilters(p: URLSearchParams): PersonFilterValues {
  return {
    areaCode: p.get('area') || null,
    populationType: oneOf<PopulationType>(POPULATION_TYPES, p.get('type')),
    dataState: oneOf<DataState>(DATA_STATES, p.get('state')),
    status: oneOf<PersonStatus>(PERSON_STATUSES, p.get('status')),
    name: p.get('name') ?? '',
  };
}

function writeFilters(f: PersonFilterValues): URLSearchParams {
  const p = new URLSearchParams();
  if (f.areaCode) p.set('area', f.areaCode);
  if (f.populationType) p.set('type', f.populationType);
  if (f.dataState) p.set('state', f.dataState);
  if (f.status) p.set('status', f.status);
  if (f.name) p.set('name', f.name);
  return p;
}

function toQuery(f: PersonFilterValues): Omit<PersonListParams, 'limit' | 'offset'> {
  return {
    ...(f.areaCode ? { areaCode: f.areaCode } : {}),
    ...(f.populationType ? { populationType: f.populationType } : {}),
    ...(f.dataState ? { dataState: f.dataState } : {}),
    ...(f.status ? { status: f.status } : {}),
    ...(f.name ? { name: f.name } : {}),
  };
}

/** 实有人口: search by any part of the name and filters, by a full ID number or phone (reason, audited); names, ID numbers and phones masked; export of the same selection. */
export function PersonsPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const canManage = useHasPermission('registry.manage');
  const { params, filters, page, setFilters, goPage } = useUrlFilters(readFilters, writeFilters);
  const list = usePersonList({
    ...toQuery(filters),
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });

  return (
    <PageContainer
      title={t('nav.persons')}
      extra={
        <Space wrap>
          <ExportButtons
            url={(reason) => withExportReason(personsExportUrl(toQuery(filters)), reason)}
            label="persons.export"
            testId="persons-export"
          />
          <PersonalSearchButton
            label="personalSearch.byIdNumber"
            valueLabel="personalSearch.idValue"
            problem={(v) => idNumberProblem('resident_id', v)}
            search={(idNumber, reason) => lookupPersonByIdNumber(idNumber.toUpperCase(), reason)}
            renderResult={(p) => (
              <SearchResultList
                testId="person-id-results"
                items={
                  p
                    ? [
                        {
                          id: p.id,
                          href: personPath(p.id),
                          title: p.name,
                          description: p.houseAddress ?? p.gridName ?? p.communityName,
                        },
                      ]
                    : []
                }
              />
            )}
            testId="person-id-search"
          />
          <PersonalSearchButton
            label="personalSearch.byPersonPhone"
            valueLabel="personalSearch.phoneValue"
            problem={(v) =>
              /^\+?\d[\d\s-]{4,19}$/.test(v) ? null : t('personalSearch.phoneValue')
            }
            search={(phone, reason) => lookupPersonsByPhone(phone, reason)}
            renderResult={(r) => (
              <SearchResultList
                testId="person-phone-results"
                items={r.items.map((p) => ({
                  id: p.id,
                  href: personPath(p.id),
                  title: p.name,
                  description: p.gridName ?? p.communityName,
                }))}
              />
            )}
            testId="person-phone-search"
          />
          {canManage ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => void navigate(PATHS.personNew)}
              data-testid="person-new"
            >
              {t('persons.new')}
            </Button>
          ) : null}
        </Space>
      }
    >
      <Card size="small" style={{ marginBottom: 12 }}>
        <PersonFilters key={params.get('name') ?? ''} value={filters} onChange={setFilters} />
      </Card>
      <PagedListCard
        query={list}
        page={page}
        pageSize={PAGE_SIZE}
        total={list.data?.total ?? 0}
        onPage={goPage}
      >
        <PersonList
          items={list.data?.items ?? []}
          loading={list.isPending}
          onOpen={(id) => void navigate(personPath(id))}
        />
      </PagedListCard>
    </PageContainer>
  );
}
