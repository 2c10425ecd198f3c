import { memo } from 'react';
import { Card } from 'antd';
import type { CalendarDayRow } from '@wangge/shared';
import { useI18n } from '../../../lib/i18n';
import { KIND_STYLE, defaultKind, isoDate, monthCells } from '../calendar-format';

interface YearGridProps {
  year: number;
  days: readonly CalendarDayRow[];
  /** Opens the day editor; absent for readers, whose cells are not buttons. */
  onPick?: ((date: string) => void) | undefined;
}

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

/** Twelve month grids (Monday first) with holidays and 调休 workdays coloured; a cell's title names the day. */
export const YearGrid = memo(function YearGrid({ year, days, onPick }: YearGridProps) {
  const { t } = useI18n();
  const byDate = new Map(days.map((d) => [d.date, d]));
  const weekdays = t('calendar.weekdays').split(',');
  return (
    <div
      style={{
        display: 'grid',
        gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))',
        gap: 12,
      }}
      data-testid="calendar-year"
    >
      {MONTHS.map((m) => (
        <Card
          key={m}
          size="small"
          title={t('calendar.month', { m })}
          styles={{ body: { padding: 8 } }}
        >
          <div
            role="grid"
            aria-label={`${year}-${m}`}
            style={{
              display: 'grid',
              gridTemplateColumns: 'repeat(7, minmax(0, 1fr))',
              gap: 2,
              textAlign: 'center',
            }}
          >
            {weekdays.map((w, i) => (
              <div
                key={w}
                role="columnheader"
                style={{ fontSize: 12, color: i >= 5 ? '#8c8c8c' : undefined }}
              >
                {w}
              </div>
            ))}
            {monthCells(year, m).map((day, i) => {
              if (day === null) return <div key={`blank-${i}`} />;
              const date = isoDate(year, m, day);
              const entry = byDate.get(date);
              const kind = entry?.kind ?? defaultKind(year, m, day);
              const style = KIND_STYLE[kind];
              const label = `${date} ${t(`calendar.kind.${kind}`)}${entry?.name ? ` ${entry.name}` : ''}`;
              const cell = {
                height: 32,
                borderRadius: 4,
                fontSize: 13,
                lineHeight: '30px',
                padding: 0,
                width: '100%',
                // Only listed days get a fill: a plain weekend stays a grey number, so entries stand out.
                background: entry ? style.background : 'transparent',
                color: style.color === KIND_STYLE.workday.color && !entry ? undefined : style.color,
                border: `1px solid ${entry ? style.border : 'transparent'}`,
                fontWeight: entry ? 600 : 400,
              } as const;
              return onPick ? (
                <button
                  key={date}
                  type="button"
                  title={label}
                  aria-label={label}
                  style={{ ...cell, cursor: 'pointer' }}
                  onClick={() => onPick(date)}
                  data-date={date}
                >
                  {day}
                </button>
              ) : (
                <div
                  key={date}
                  title={label}
                  aria-label={label}
                  role="gridcell"
                  style={cell}
                  data-date={date}
                >
                  {day}
                </div>
              );
            })}
          </div>
        </Card>
      ))}
    </div>
  );
});
