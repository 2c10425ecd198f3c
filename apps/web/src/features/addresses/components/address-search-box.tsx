import { useState } from 'react';
import { AutoComplete, Input, Tag, Typography } from 'antd';
import type { AddressNode } from '@wangge/shared';
import { useI18n } from '../../../lib/i18n';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useAddressSearch } from '../api';
import { LEVEL_COLORS, levelLabel } from '../address-format';

interface AddressSearchBoxProps {
  onPick: (node: AddressNode) => void;
  /** Only nodes of this level are offered (e.g. 户室 when registering a house). */
  level?: AddressNode['level'];
  placeholder?: string;
  testId?: string;
}

/** "金水路 12号 3单元": any parts of an address, in any order; picking a result hands the node over. */
export function AddressSearchBox({
  onPick,
  level,
  placeholder,
  testId = 'address-search',
}: AddressSearchBoxProps) {
  const { t, lang } = useI18n();
  const [text, setText] = useState('');
  const query = useDebouncedValue(text, 250);
  const { data, isFetching } = useAddressSearch(query, level);
  const items = text.trim() ? (data?.items ?? []) : [];

  return (
    <AutoComplete
      value={text}
      onChange={(value: string) => setText(value)}
      onSelect={(id: string) => {
        const node = items.find((n) => n.id === id);
        if (!node) return;
        setText(node.fullName);
        onPick(node);
      }}
      options={items.map((n) => ({
        value: n.id,
        label: (
          <div data-address-id={n.id} style={{ whiteSpace: 'normal' }}>
            <div>{n.fullName}</div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              <Tag color={LEVEL_COLORS[n.level]} style={{ marginInlineEnd: 4 }}>
                {levelLabel(n.level, lang)}
              </Tag>
              {n.areaName ?? n.gridCode ?? n.communityCode ?? n.adminCode}
            </Typography.Text>
          </div>
        ),
      }))}
      notFoundContent={query.trim() && !isFetching ? t('addr.searchNone') : null}
      style={{ width: '100%' }}
    >
      <Input.Search
        placeholder={placeholder ?? t('addr.searchPlaceholder')}
        allowClear
        loading={isFetching}
        data-testid={testId}
      />
    </AutoComplete>
  );
}
