import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { ScreenSummary } from '@wangge/shared';
import { useI18n } from '../../lib/i18n';

// Only what the chart draws: bars on a grid with a legend, on canvas.
echarts.use([BarChart, GridComponent, LegendComponent, CanvasRenderer]);

type Departments = ScreenSummary['departments'];

/**
 * 部门今日排行 as horizontal bars (closed today, overdue open). One chart instance for the page's life, updated in
 * place and disposed on unmount; no animation, so a steady stream of refreshes costs no frames in between.
 */
export function RankingChart({ departments }: { departments: Departments }) {
  const { t } = useI18n();
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!el.current) return;
    const c = echarts.init(el.current, null, { renderer: 'canvas' });
    chart.current = c;
    const resize = () => c.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    // Top of the ranking on top: the category axis draws from the bottom.
    const rows = [...departments].reverse();
    chart.current?.setOption(
      {
        animation: false,
        textStyle: { color: '#cfe3ff' },
        legend: { top: 0, right: 8, textStyle: { color: '#cfe3ff', fontSize: 14 } },
        grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
        xAxis: {
          type: 'value',
          minInterval: 1,
          axisLabel: { color: '#8fb3e0' },
          splitLine: { lineStyle: { color: 'rgba(120,170,255,0.15)' } },
        },
        yAxis: {
          type: 'category',
          data: rows.map((d) => d.name),
          axisLabel: { color: '#e6f0ff', fontSize: 14, width: 170, overflow: 'truncate' },
        },
        series: [
          {
            name: t('screen.closedToday'),
            type: 'bar',
            barMaxWidth: 22,
            data: rows.map((d) => d.closedToday),
            itemStyle: { color: '#37d39a' },
            label: { show: true, position: 'right', color: '#e6f0ff' },
          },
          {
            name: t('screen.overdueOpen'),
            type: 'bar',
            barMaxWidth: 22,
            data: rows.map((d) => d.overdueOpen),
            itemStyle: { color: '#ff5a5a' },
            label: { show: true, position: 'right', color: '#e6f0ff' },
          },
        ],
      },
      { notMerge: true },
    );
    el.current?.setAttribute('data-departments', String(departments.length));
  }, [departments, t]);

  return <div ref={el} className="screen-chart" data-testid="screen-ranking" />;
}
