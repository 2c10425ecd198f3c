import { Suspense, lazy, useMemo, useState } from 'react';
import { Alert, Empty, Form, Select, Segmented, Spin } from 'antd';
import { useI18n } from '../../../lib/i18n';
import { useMediaQuery } from '../../../lib/use-media-query';
import { usePublicAreaList } from '../api';
import { usePublicBoard } from '../board-api';
import { BoardItem } from '../components/board-item';
import { PublicLayout } from '../components/public-layout';

const BoardMap = lazy(() =>
  import('../components/board-map').then((m) => ({ default: m.BoardMap })),
);

/**
 * 近期群众反映: the public list (always) and map (beside it on a desk, behind a switch on a phone) of residents'
 * reports, each part shown only after moderation, no place for sensitive classes.
 */
export function PublicBoardPage() {
  const { t } = useI18n();
  const wide = useMediaQuery('(min-width: 900px)');
  const [areaCode, setAreaCode] = useState<string | undefined>();
  const [view, setView] = useState<'list' | 'map'>('list');
  const [selected, setSelected] = useState<string | null>(null);
  const areas = usePublicAreaList(true);
  const board = usePublicBoard(areaCode);
  const areaOptions = useMemo(
    () =>
      (areas.data?.items ?? [])
        .filter((a) => a.level === 'street' || a.level === 'community')
        .map((a) => ({ value: a.code, label: a.level === 'community' ? `— ${a.name}` : a.name })),
    [areas.data],
  );
  const items = board.data?.items ?? [];
  const showMap = wide || view === 'map';
  const showList = wide || view === 'list';

  return (
    <PublicLayout title={t('board.title')} wide>
      <Alert type="info" showIcon message={t('board.intro')} style={{ marginBottom: 12 }} />
      <Form layout="inline" style={{ marginBottom: 12, rowGap: 8 }}>
        <Form.Item label={t('board.area')} htmlFor="board-area">
          <Select
            id="board-area"
            allowClear
            showSearch
            optionFilterProp="label"
            style={{ minWidth: 200 }}
            placeholder={t('board.allAreas')}
            options={areaOptions}
            value={areaCode}
            onChange={(v) => setAreaCode(v)}
            data-testid="board-area"
          />
        </Form.Item>
        {wide ? null : (
          <Segmented
            value={view}
            onChange={(v) => setView(v as 'list' | 'map')}
            options={[
              { value: 'list', label: t('board.list') },
              { value: 'map', label: t('board.map') },
            ]}
          />
        )}
      </Form>
      {board.error ? <Alert type="error" showIcon message={board.error.message} /> : null}
      <div style={{ display: 'grid', gridTemplateColumns: wide ? '1fr 1fr' : '1fr', gap: 16 }}>
        {showMap ? (
          <Suspense fallback={<Spin />}>
            <BoardMap items={items} selected={selected} onSelect={setSelected} />
          </Suspense>
        ) : null}
        {showList ? (
          <section aria-label={t('board.list')} data-testid="board-list">
            {board.isLoading ? <Spin /> : null}
            {!board.isLoading && !items.length ? <Empty description={t('board.empty')} /> : null}
            <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {items.map((i) => (
                <li
                  key={i.id}
                  style={{
                    padding: 12,
                    marginBottom: 8,
                    background: '#fff',
                    borderRadius: 8,
                    border: `1px solid ${i.id === selected ? '#1677ff' : '#f0f0f0'}`,
                  }}
                >
                  <BoardItem item={i} headingLevel={2} />
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </div>
    </PublicLayout>
  );
}
