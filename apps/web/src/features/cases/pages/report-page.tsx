import { useState } from 'react';
import { Button, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import type { CaseView } from '@wangge/shared';
import { PageContainer } from '../../../components/page-container';
import { StatusBlock } from '../../../components/status-block';
import { useI18n } from '../../../lib/i18n';
import { casePath } from '../../../app/paths';
import { isChoosableSource } from '../channel-format';
import { CaseStateTag } from '../components/case-badges';
import { ReportForm } from '../components/report-form';

/** 上报问题: phone-first form; after submit, the case number and a link to the case. */
export function ReportPage() {
  const { t } = useI18n();
  const [reported, setReported] = useState<CaseView | null>(null);
  // A new key per form: the next report gets a fresh idempotency key.
  const [formKey, setFormKey] = useState(0);
  // ?source=hotline_12345 opens the form on that channel (e.g. from a 12345 work-order link).
  const [params] = useSearchParams();
  const source = params.get('source');

  return (
    <PageContainer title={t('report.title')}>
      {reported ? (
        <StatusBlock
          status="success"
          title={t('report.done')}
          detail={
            <span>
              {t('report.caseNo')}{' '}
              <Typography.Text strong copyable className="area-code" data-testid="report-case-no">
                {reported.caseNo}
              </Typography.Text>{' '}
              <CaseStateTag state={reported.state} />
            </span>
          }
          actions={[
            <Link key="open" to={casePath(reported.id)} data-testid="report-case-link">
              <Button type="primary">{t('report.openCase')}</Button>
            </Link>,
            <Button
              key="again"
              onClick={() => {
                setReported(null);
                setFormKey((k) => k + 1);
              }}
            >
              {t('report.again')}
            </Button>,
          ]}
        />
      ) : (
        <div className="report-page">
          <ReportForm
            key={formKey}
            onReported={setReported}
            {...(isChoosableSource(source) ? { source } : {})}
          />
        </div>
      )}
    </PageContainer>
  );
}
