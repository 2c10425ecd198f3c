import { Tabs } from 'antd';
import { PageContainer } from '../../../components/page-container';
import { useUrlParams } from '../../../components/use-url-params';
import { useI18n } from '../../../lib/i18n';
import { PublicationsTab } from '../components/publications-tab';
import { SchemesTab } from '../components/schemes-tab';
import '../assessment.css';

type TabKey = 'periods' | 'schemes';

/** 考核管理 (docs/indicators.md §6–§7): publishing assessment periods and editing the assessment schemes. */
export function AssessmentPage() {
  const { t } = useI18n();
  const { params, set } = useUrlParams();
  const tab: TabKey = params.get('tab') === 'schemes' ? 'schemes' : 'periods';
  return (
    <PageContainer title={t('assess.title')}>
      <Tabs
        activeKey={tab}
        onChange={(k) => set({ tab: k === 'periods' ? null : k })}
        items={[
          { key: 'periods', label: t('assess.tab.periods'), children: <PublicationsTab /> },
          { key: 'schemes', label: t('assess.tab.schemes'), children: <SchemesTab /> },
        ]}
        data-testid="assess-tabs"
      />
    </PageContainer>
  );
}
