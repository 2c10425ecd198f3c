import { useState } from 'react';
import { Select } from 'antd';
import { useI18n } from '../../../lib/i18n';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useHouseSearch } from '../population-api';

/** A 实有房屋 of the user's area, found by words of its address. */
export function HouseSelect({
  value,
  onChange,
  testId,
}: {
  value?: string | null;
  onChange?: (id: string | null) => void;
  testId?: string;
}) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const q = useDebouncedValue(text, 250);
  const houses = useHouseSearch(q);
  return (
    <Select<string>
      showSearch={{ filterOption: false, onSearch: setText }}
      allowClear
      value={value ?? undefined}
      onChange={(id) => onChange?.(id ?? null)}
      placeholder={t('persons.houseSearch')}
      notFoundContent={q.trim() ? t('persons.noHouseFound') : t('persons.houseSearchHint')}
      loading={houses.isFetching}
      options={(houses.data?.items ?? []).map((h) => ({ value: h.id, label: h.fullAddress }))}
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}
