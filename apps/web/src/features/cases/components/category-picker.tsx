import { useMemo } from 'react';
import { Cascader } from 'antd';
import type { Category } from '@wangge/shared';
import { useI18n } from '../../../lib/i18n';
import { useCaseCategories } from '../lookups-api';

interface CascaderOption {
  value: string;
  label: string;
  code: string;
  children?: CascaderOption[];
}

/** 大类 → 小类 (→ 子类 → 细类) options; only leaves are classes a case can carry. */
function buildOptions(categories: Category[]): {
  options: CascaderOption[];
  paths: Map<string, string[]>;
} {
  const active = categories.filter((c) => c.active);
  const byParent = new Map<string | null, Category[]>();
  for (const c of active) {
    const list = byParent.get(c.parentCode) ?? [];
    list.push(c);
    byParent.set(c.parentCode, list);
  }
  const paths = new Map<string, string[]>();
  const build = (parent: string | null, trail: string[]): CascaderOption[] =>
    (byParent.get(parent) ?? [])
      .sort((a, b) => a.code.localeCompare(b.code))
      .map((c) => {
        const path = [...trail, c.code];
        paths.set(c.code, path);
        const children = build(c.code, path);
        return {
          value: c.code,
          code: c.code,
          label: c.name,
          ...(children.length > 0 ? { children } : {}),
        };
      });
  // 大类 without any 小类 cannot be picked; drop them so the search shows only usable paths.
  const options = build(null, []).filter((o) => o.children);
  return { options, paths };
}

interface CategoryPickerProps {
  value?: string | null;
  onChange?: (code: string | undefined) => void;
  placeholder?: string;
  testId?: string;
  style?: React.CSSProperties;
}

/** Searchable 分类 picker (事项 and 综治事件): type a name, a synonym-free code prefix, or browse. */
export function CategoryPicker({
  value,
  onChange,
  placeholder,
  testId,
  style,
}: CategoryPickerProps) {
  const { t } = useI18n();
  const { data, isPending } = useCaseCategories();
  const { options, paths } = useMemo(() => buildOptions(data ?? []), [data]);
  const path = value ? paths.get(value) : undefined;

  return (
    <Cascader<CascaderOption>
      options={options}
      value={path ?? (value ? [value] : undefined)}
      onChange={(selected) => onChange?.(selected ? selected[selected.length - 1] : undefined)}
      loading={isPending}
      placeholder={placeholder ?? t('report.categoryPlaceholder')}
      allowClear
      showSearch={{
        filter: (input, trail) =>
          trail.some(
            (o) =>
              o.label.toLowerCase().includes(input.toLowerCase()) ||
              o.code.startsWith(input.toUpperCase()),
          ),
        render: (_input, trail) => trail.map((o) => `${o.label} ${o.code}`).join(' / '),
        limit: 50,
      }}
      displayRender={(labels) => labels.join(' / ')}
      expandTrigger="click"
      style={{ width: '100%', ...style }}
      classNames={{ popup: { root: 'category-picker-popup' } }}
      data-testid={testId}
    />
  );
}
