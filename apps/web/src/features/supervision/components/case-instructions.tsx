import { Alert } from 'antd';
import { formatDateTime, useI18n } from '../../../lib/i18n';
import { useCaseEvents } from '../../cases/api';

/**
 * 领导批示 at the top of a case (docs/case-workflow.md: kept on the case and shown at the top): each 批示 with who
 * gave it and when, read from the case's events, which name the leader.
 */
export function CaseInstructions({ caseId }: { caseId: string }) {
  const { t, lang } = useI18n();
  const events = useCaseEvents(caseId);
  const items = (events.data?.items ?? []).filter((e) => e.action === 'leader_instruct');
  if (items.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="case-instructions"
      title={t('supervision.instructions')}
      description={items.map((e) => (
        <div key={e.id}>
          {e.note}{' '}
          <span className="case-muted">
            {t('supervision.instructionBy', {
              by: e.actorName ?? '',
              at: formatDateTime(e.at, lang),
            })}
          </span>
        </div>
      ))}
    />
  );
}
