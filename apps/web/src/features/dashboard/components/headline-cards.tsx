import { ArrowDownOutlined, ArrowUpOutlined, MinusOutlined } from '@ant-design/icons';
import { INDICATORS, type IndicatorId } from '@wangge/shared';
import { useI18n } from '../../../lib/i18n';
import type { DrillTarget, FigureRow } from '../api';
import { formatFigure, trendOf, type Trend } from '../dashboard-format';

export const HEADLINE_IDS = [
  'reportCount',
  'registeredCount',
  'closedCount',
  'closeInTimeRate',
  'handleOnTimeRate',
  'satisfactionRate',
] as const satisfies readonly IndicatorId[];

function TrendTag({ label, trend, testId }: { label: string; trend: Trend; testId: string }) {
  const icon =
    trend.direction === 'up' ? (
      <ArrowUpOutlined />
    ) : trend.direction === 'down' ? (
      <ArrowDownOutlined />
    ) : trend.direction === 'flat' ? (
      <MinusOutlined />
    ) : null;
  return (
    <span
      className={`dashboard-trend dashboard-trend--${trend.tone}`}
      data-testid={testId}
      data-direction={trend.direction}
      data-tone={trend.tone}
    >
      {label} {icon} {trend.text}
    </span>
  );
}

/**
 * The six headline figures with 环比 and 同比. Each is a button: it opens the cases behind it (a count's cases, a
 * rate's cohort, whose size is the k/n shown under it).
 */
export function HeadlineCards({
  row,
  onDrill,
}: {
  row: FigureRow | undefined;
  onDrill(target: DrillTarget): void;
}) {
  const { t, lang } = useI18n();
  return (
    <div className="dashboard-cards">
      {HEADLINE_IDS.map((id) => {
        const def = INDICATORS[id];
        const fig = row?.figures[id];
        const value = fig?.value ?? null;
        const name = def[lang];
        return (
          <button
            type="button"
            key={id}
            className="dashboard-card"
            onClick={() => onDrill({ id, part: 'cohort' })}
            aria-label={t('dashboard.openDrill', { name })}
            data-testid={`dashboard-card-${id}`}
          >
            <span className="dashboard-card__label">{name}</span>
            <span className="dashboard-card__value" data-testid={`dashboard-value-${id}`}>
              {row ? formatFigure(id, value) : '…'}
            </span>
            {def.unit === 'rate' && fig ? (
              <span className="dashboard-card__sub" data-testid={`dashboard-kn-${id}`}>
                {fig.k ?? 0}/{fig.n}
              </span>
            ) : (
              <span className="dashboard-card__sub">&nbsp;</span>
            )}
            <span className="dashboard-card__trends">
              <TrendTag
                label={t('dashboard.mom')}
                trend={trendOf(id, value, row?.previous?.[id])}
                testId={`dashboard-mom-${id}`}
              />
              <TrendTag
                label={t('dashboard.yoy')}
                trend={trendOf(id, value, row?.yearAgo?.[id])}
                testId={`dashboard-yoy-${id}`}
              />
            </span>
          </button>
        );
      })}
    </div>
  );
}
