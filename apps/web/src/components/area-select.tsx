import { useMemo, type CSSProperties } from 'react';
import { Select } from 'antd';
import type { AreaLevel } from '@wangge/shared';
import { useAreaIndex } from '../features/cases/lookups-api';

const LEVEL_ORDER: Record<AreaLevel, number> = { district: 0, street: 1, community: 2, grid: 3 };
/** In a filter row: shares the line on a desktop, takes it whole on a 375 px phone. */
const FILTER_STYLE: CSSProperties = { minWidth: 160, flex: '1 1 160px' };

interface AreaSelectProps {
  /** Optional so a Form.Item can supply them. */
  value?: string | null | undefined;
  onChange?: (code: string | null) => void;
  placeholder: string;
  /** Levels offered; all of them (district → grid) without it. */
  levels?: readonly AreaLevel[];
  /** Shows each area's code beside its name, where the code is what the user is choosing (address filing). */
  showCode?: boolean;
  style?: CSSProperties;
  testId?: string;
}

/** One area of the user's scope, broadest level first, searchable by name or code. */
export function AreaSelect({
  value,
  onChange,
  placeholder,
  levels,
  showCode,
  style = FILTER_STYLE,
  testId,
}: AreaSelectProps) {
  const areas = useAreaIndex();
  const options = useMemo(
    () =>
      (areas.data?.items ?? [])
        .filter((a) => !levels || levels.includes(a.level))
        .sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || a.code.localeCompare(b.code))
        .map((a) => ({ value: a.code, label: a.name, search: `${a.name} ${a.code}` })),
    [areas.data, levels],
  );
  return (
    <Select<string>
      showSearch={{
        filterOption: (input, option) =>
          (option?.search ?? '').toLowerCase().includes(input.toLowerCase()),
      }}
      allowClear
      placeholder={placeholder}
      value={value ?? undefined}
      onChange={(code) => onChange?.(code ?? null)}
      options={options}
      loading={areas.isPending}
      optionRender={
        showCode
          ? (option) => (
              <span>
                {option.data.label} <span className="area-code">{option.data.value}</span>
              </span>
            )
          : undefined
      }
      style={style}
      data-testid={testId}
    />
  );
}
