import { Button, Result, Skeleton } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router';
import { QueryError } from '../../../components/query-error';
import { isApiError } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n';
import { PATHS } from '../../../app/paths';
import { QUEUE_REFRESH_MS, useCase } from '../api';
import { CaseActions } from '../components/case-actions';
import { CaseHeader } from '../components/case-header';
import { CaseInfo } from '../components/case-info';
import { CaseNextStep } from '../components/case-next-step';
import { CaseTimeline } from '../components/case-timeline';
import { CaseInstructions } from '../../supervision/components/case-instructions';

/** 案件详情: header, the actions this user may take, details with photos and map, the timeline. */
export function CaseDetailPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const query = useCase(id, QUEUE_REFRESH_MS);
  const back = () => {
    const state: unknown = window.history.state;
    const idx =
      typeof state === 'object' && state !== null && 'idx' in state ? Number(state.idx) : 0;
    if (idx > 0) void navigate(-1);
    else void navigate(PATHS.cases);
  };

  if (query.isPending) return <Skeleton active style={{ padding: 20 }} />;
  if (query.isError) {
    if (isApiError(query.error) && query.error.status === 404)
      return (
        <Result
          status="404"
          title={t('cases.notFound')}
          extra={<Button onClick={() => void navigate(PATHS.cases)}>{t('nav.cases')}</Button>}
        />
      );
    return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  }
  const view = query.data;

  return (
    <div className="page-container case-page" data-case-id={view.id}>
      <Button
        type="link"
        icon={<ArrowLeftOutlined />}
        onClick={back}
        style={{ paddingInline: 0, marginBottom: 8 }}
      >
        {t('common.back')}
      </Button>
      <CaseHeader view={view} />
      <CaseInstructions caseId={view.id} />
      <CaseNextStep view={view} />
      <div className="case-page__grid">
        <div className="case-page__actions">
          <CaseActions view={view} />
        </div>
        <div className="case-page__info">
          <CaseInfo view={view} />
        </div>
        <div className="case-page__timeline">
          <CaseTimeline caseId={view.id} />
        </div>
      </div>
    </div>
  );
}
