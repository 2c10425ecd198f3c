import { useState } from 'react';
import { AutoComplete, Input, Typography } from 'antd';
import type { AreaNode } from '@wangge/shared';
import { useI18n } from '../../../lib/i18n';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useAreaSearch } from '../api';
import { areaTypeLabel } from '../area-labels';

/** Search by name or code (/api/areas/search); picking a result hands the area to the page. */
export function AreaSearch({
  onPick,
  className,
}: {
  onPick: (area: AreaNode) => void;
  className?: string;
}) {
  const { t, lang } = useI18n();
  const [text, setText] = useState('');
  const query = useDebouncedValue(text, 250);
  const { data, isFetching } = useAreaSearch(query);
  const items = text.trim() ? (data?.items ?? []) : [];

  return (
    <AutoComplete
      className={className}
      value={text}
      onChange={(value: string) => setText(value)}
      onSelect={(id: string) => {
        const area = items.find((a) => a.id === id);
        if (!area) return;
        setText(area.name);
        onPick(area);
        // Close the suggestions (and the phone keyboard) so the map and the detail show.
        if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
      }}
      options={items.map((area) => ({
        value: area.id,
        label: (
          <div className="area-search-option" data-code={area.code}>
            <div>{area.name}</div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              <span className="area-code">{area.code}</span> · {areaTypeLabel(area, lang)}
            </Typography.Text>
          </div>
        ),
      }))}
    >
      <Input.Search
        placeholder={t('map.search')}
        allowClear
        loading={isFetching}
        data-testid="area-search"
      />
    </AutoComplete>
  );
}
