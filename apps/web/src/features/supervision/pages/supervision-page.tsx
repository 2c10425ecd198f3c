import { useState } from 'react';
import { Badge, Card, Empty, Segmented, Skeleton, Tabs, Tag, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import type { SupervisionGroupBy } from '@wangge/shared';
import { AreaSelect } from '../../../components/area-select';
import { PageContainer } from '../../../components/page-container';
import { QueryError } from '../../../components/query-error';
import { useI18n } from '../../../lib/i18n';
import { useMySupervision, useSupervisionBoard, type SupervisionBoardData } from '../api';
import { SupervisionCaseCard } from '../components/supervision-case-card';
import '../supervision.css';

type Group = SupervisionBoardData['groups'][number];
const COUNTS = ['red', 'yellow', 'normal', 'overdue', 'unanswered'] as const;
const COUNT_COLORS = {
  red: 'red',
  yellow: 'gold',
  normal: 'blue',
  overdue: 'volcano',
  unanswered: 'default',
};

function GroupCard({ g }: { g: Group }) {
  const { t } = useI18n();
  return (
    <Card
      size="small"
      className="supervision-group"
      data-testid="supervision-group"
      data-group-key={g.key ?? ''}
      title={
        <span className="supervision-group__title">
          {g.name} <Badge count={g.count} showZero color="#595959" data-testid="group-count" />
        </span>
      }
      extra={
        <span className="supervision-group__counts">
          {COUNTS.filter((k) => g[k] > 0).map((k) => (
            <Tag key={k} color={COUNT_COLORS[k]}>
              {t(`supervision.count.${k}`)} {g[k]}
            </Tag>
          ))}
        </span>
      }
    >
      {g.cases.map((c) => (
        <SupervisionCaseCard key={c.caseId} c={c} />
      ))}
    </Card>
  );
}

function Board() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const groupBy: SupervisionGroupBy = params.get('groupBy') === 'grid' ? 'grid' : 'department';
  const area = params.get('area') || null;
  const set = (k: string, v: string | null) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next, { replace: true });
  };
  const board = useSupervisionBoard(groupBy, area);
  return (
    <>
      <div className="supervision-filters">
        <Segmented<SupervisionGroupBy>
          value={groupBy}
          onChange={(v) => set('groupBy', v === 'department' ? null : v)}
          options={[
            { value: 'department', label: t('supervision.byDepartment') },
            { value: 'grid', label: t('supervision.byGrid') },
          ]}
          data-testid="supervision-group-by"
        />
        <AreaSelect
          value={area ?? undefined}
          onChange={(code) => set('area', code ?? null)}
          placeholder={t('supervision.allAreas')}
          style={{ minWidth: 220, flex: '0 1 320px' }}
          testId="supervision-area"
        />
      </div>
      {board.isError ? (
        <QueryError error={board.error} onRetry={() => void board.refetch()} />
      ) : !board.data ? (
        <Skeleton active />
      ) : board.data.total === 0 ? (
        <Empty description={t('supervision.empty')} />
      ) : (
        <>
          <Typography.Text type="secondary" data-testid="supervision-total">
            {t('supervision.total', { n: board.data.total })}
            {board.data.truncated
              ? ` · ${t('supervision.truncated', { n: board.data.total })}`
              : ''}
          </Typography.Text>
          <div className="supervision-groups">
            {board.data.groups.map((g) => (
              <GroupCard key={g.key ?? '-'} g={g} />
            ))}
          </div>
        </>
      )}
      <Typography.Paragraph type="secondary" className="supervision-hint">
        {t('supervision.hint')}
      </Typography.Paragraph>
    </>
  );
}

function Mine({ active }: { active: boolean }) {
  const { t } = useI18n();
  const mine = useMySupervision(active);
  if (mine.isError) return <QueryError error={mine.error} onRetry={() => void mine.refetch()} />;
  if (!mine.data) return <Skeleton active />;
  if (mine.data.items.length === 0) return <Empty description={t('supervision.mineEmpty')} />;
  return (
    <div className="supervision-mine" data-testid="supervision-mine">
      {mine.data.items.map((c) => (
        <SupervisionCaseCard
          key={c.caseId}
          c={c}
          extra={<Tag color="purple">{t(`supervision.why.${c.why}`)}</Tag>}
        />
      ))}
    </div>
  );
}

/** 工作监督: 督办 and overdue cases by department or grid, with the reply thread and 批示; and 我的督办. */
export function SupervisionPage() {
  const { t } = useI18n();
  const [tab, setTab] = useState<'board' | 'mine'>('board');
  return (
    <PageContainer title={t('supervision.title')}>
      <Tabs
        activeKey={tab}
        onChange={(k) => setTab(k === 'mine' ? 'mine' : 'board')}
        items={[
          { key: 'board', label: t('supervision.tabBoard'), children: <Board /> },
          {
            key: 'mine',
            label: t('supervision.tabMine'),
            children: <Mine active={tab === 'mine'} />,
          },
        ]}
      />
    </PageContainer>
  );
}
