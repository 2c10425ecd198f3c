import { useState } from 'react';
import { AutoComplete, Input, Typography } from 'antd';
import type { AreaNode } from '@wangge/shared';
import { useI18n } from '../../../lib/i18n';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useAreaSearch, useAreaSearchNow } from '../api';
import { areaTypeLabel } from '../area-labels';

/**
 * Search by any part of a name or code (/api/areas/search). Suggestions come as one types; Enter and the search
 * button search at once and pick the best match (the server puts the exact code first), and say so when nothing
 * matches, instead of waiting for a suggestion to be clicked.
 */
export function AreaSearch({
  onPick,
  className,
}: {
  onPick: (area: AreaNode) => void;
  className?: string;
}) {
  const { t, lang } = useI18n();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [missed, setMissed] = useState<string | null>(null);
  const query = useDebouncedValue(text, 250);
  const { data, isFetching, isPlaceholderData } = useAreaSearch(query);
  const searchNow = useAreaSearchNow();
  const settled = !isFetching && query.trim() === text.trim();
  // Only suggestions for what is typed now: Enter on a list left from an earlier text would pick a stale area.
  const fresh = !!text.trim() && query.trim() === text.trim() && !isPlaceholderData;
  const items = fresh ? (data?.items ?? []) : [];
  const listShown = open && items.length > 0 && missed === null;

  const pick = (area: AreaNode) => {
    setText(area.name);
    setMissed(null);
    setOpen(false);
    onPick(area);
    // Close the suggestions (and the phone keyboard) so the map and the detail show.
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
  };

  const search = async (value: string) => {
    const q = value.trim();
    if (!q) return;
    const found = (await searchNow(q)).items;
    const first = found[0];
    if (first) pick(first);
    else {
      setMissed(q);
      setOpen(true);
    }
  };

  // The suggestion list does not open without options, so "nothing found" is a line of its own under the box.
  const nothing =
    missed ?? (open && settled && text.trim() && items.length === 0 ? text.trim() : null);

  return (
    <div className={`area-search ${className ?? ''}`}>
      <AutoComplete
        style={{ width: '100%' }}
        value={text}
        open={listShown}
        onOpenChange={setOpen}
        onChange={(value: string) => {
          setText(value);
          setMissed(null);
          setOpen(true);
        }}
        onSelect={(id: string) => {
          const area = items.find((a) => a.id === id);
          if (area) pick(area);
        }}
        options={
          missed !== null
            ? []
            : items.map((area) => ({
                value: area.id,
                label: (
                  <div className="area-search-option" data-code={area.code}>
                    <div>{area.name}</div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      <span className="area-code">{area.code}</span> · {areaTypeLabel(area, lang)}
                    </Typography.Text>
                  </div>
                ),
              }))
        }
      >
        <Input.Search
          placeholder={t('map.search')}
          allowClear
          loading={isFetching}
          onSearch={(value, _e, info) => {
            // The clear icon also calls onSearch (with an empty value): nothing to search then.
            if (info?.source !== 'clear') void search(value);
          }}
          data-testid="area-search"
        />
      </AutoComplete>
      {nothing ? (
        <div className="area-search-empty" role="status" data-testid="area-search-empty">
          {t('map.noResult', { q: nothing })}
        </div>
      ) : null}
    </div>
  );
}
