import { Drawer, Empty, Tag, Timeline, Typography } from 'antd';
import { formatDateTime, useI18n } from '../../../lib/i18n';
import { useMediaQuery } from '../../../lib/use-media-query';
import { limitText } from '../../cases/case-format';
import { useConditionHistory, type ConditionRow } from '../conditions-api';
import { Colon } from '../../../components/label-colon';

/** Every version of one condition (its lineage), newest first, with what each one said. */
export function ConditionVersions({ row, onClose }: { row: ConditionRow; onClose: () => void }) {
  const { t, lang } = useI18n();
  const narrow = useMediaQuery('(max-width: 767px)');
  const history = useConditionHistory(row.classCode);
  const versions = (history.data?.items ?? [])
    .filter((v) => v.lineageId === row.lineageId)
    .sort((a, b) => b.validFrom.localeCompare(a.validFrom));
  return (
    <Drawer
      open
      title={t('conditions.versionsTitle', { code: row.classCode, name: row.className })}
      size={narrow ? window.innerWidth : 560}
      onClose={onClose}
      loading={history.isPending}
    >
      {versions.length === 0 ? (
        <Empty />
      ) : (
        <Timeline
          data-testid="condition-versions"
          items={versions.map((v, i) => ({
            color: v.id === row.id ? 'green' : 'gray',
            content: (
              <div data-testid="condition-version">
                <Typography.Text strong>
                  {t('conditions.version', { n: versions.length - i })}
                </Typography.Text>{' '}
                {v.id === row.id ? <Tag color="green">{t('conditions.current')}</Tag> : null}
                {v.isDefault ? <Tag color="blue">{t('conditions.default')}</Tag> : null}
                <div className="case-muted">
                  {t('conditions.validFrom')} {formatDateTime(v.validFrom, lang)}
                  {v.validTo
                    ? ` · ${t('conditions.validTo')} ${formatDateTime(v.validTo, lang)}`
                    : ''}
                </div>
                <div>
                  {t('conditions.limit')}
                  <Colon />
                  {limitText(v.limitValue, v.limitType, lang)} ·{' '}
                  {t(`conditions.urgency.${v.urgency}`)}
                </div>
                <div>
                  {t('conditions.text')}
                  <Colon />
                  {v.text}
                </div>
                <div>
                  {t('conditions.closure')}
                  <Colon />
                  {v.closureCondition}
                </div>
              </div>
            ),
          }))}
        />
      )}
    </Drawer>
  );
}
