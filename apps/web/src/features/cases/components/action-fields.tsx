import { useEffect, useState } from 'react';
import { Select, Tag, Typography } from 'antd';
import type { CaseView } from '@wangge/shared';
import { useI18n } from '../../../lib/i18n';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useDepartments } from '../../departments/api';
import { useCaseList } from '../api';
import { limitText, roleLabel } from '../case-format';
import { useConditions, useDispatchSuggestion, useFieldUsers } from '../lookups-api';
import { Colon } from '../../../components/label-colon';

interface FieldProps<T> {
  value?: T;
  onChange?: (value: T | undefined) => void;
}

/** 发核实 / 发核查: field staff whose scope covers the case's grid; type to search further. */
export function AssigneeSelect({ view, value, onChange }: FieldProps<string> & { view: CaseView }) {
  const { t, lang } = useI18n();
  const [q, setQ] = useState('');
  const query = useDebouncedValue(q, 250);
  const users = useFieldUsers({ gridCode: view.gridCode, streetCode: view.streetCode }, query);
  return (
    <Select<string>
      value={value}
      onChange={(v) => onChange?.(v)}
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={users.isFetching}
      placeholder={t('action.assigneePlaceholder')}
      notFoundContent={users.isFetching ? null : t('action.noAssignee')}
      options={(users.data ?? []).map((u) => ({
        value: u.id,
        label: (
          <span>
            {u.displayName}{' '}
            <span className="case-muted">{u.roles.map((r) => roleLabel(r, lang)).join('、')}</span>
          </span>
        ),
      }))}
      data-testid="field-assignee"
    />
  );
}

/** 派遣: every department, the dispatch matrix's suggestion preselected and marked. */
export function DepartmentSelect({
  view,
  value,
  onChange,
}: FieldProps<string> & { view: CaseView }) {
  const { t } = useI18n();
  const departments = useDepartments();
  const suggestion = useDispatchSuggestion(view.classCode, view.gridCode, view.componentId);
  const primary = suggestion.data?.primary ?? null;
  const backups = new Set((suggestion.data?.backups ?? []).map((d) => d.id));

  useEffect(() => {
    if (primary && value === undefined) onChange?.(primary.id);
  }, [primary, value, onChange]);

  return (
    <div>
      <Select<string>
        value={value}
        onChange={(v) => onChange?.(v)}
        showSearch={{ optionFilterProp: 'search' }}
        loading={departments.isPending || suggestion.isFetching}
        placeholder={t('action.departmentPlaceholder')}
        options={(departments.data?.items ?? []).map((d) => ({
          value: d.id,
          search: `${d.name} ${d.code}`,
          label: (
            <span>
              {d.name}{' '}
              {d.id === primary?.id ? <Tag color="green">{t('action.suggested')}</Tag> : null}
              {backups.has(d.id) ? <Tag>{t('action.backup')}</Tag> : null}
            </span>
          ),
        }))}
        data-testid="field-department"
      />
      {suggestion.data && !primary ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {suggestion.data.fallback === 'street'
            ? t('action.fallbackStreet')
            : t('action.noSuggestion')}
        </Typography.Text>
      ) : null}
    </div>
  );
}

/**
 * 立案条件 of the chosen class, with its 处置时限 and 结案条件. The class's default (默认) is preselected, or the only
 * row, so 立案 of a class nobody configured is one click on 提交 (issue 11 #1).
 */
export function ConditionSelect({
  classCode,
  value,
  onChange,
}: FieldProps<string> & { classCode: string | undefined }) {
  const { t, lang } = useI18n();
  const conditions = useConditions(classCode);
  const items = conditions.data?.items ?? [];
  const selected = items.find((c) => c.id === value);

  useEffect(() => {
    // A value of another class (the class was changed) gives way to this class's preselection.
    const current = items.some((c) => c.id === value) ? value : undefined;
    const preselect = items.find((c) => c.isDefault) ?? (items.length === 1 ? items[0] : undefined);
    if (current === undefined && preselect) onChange?.(preselect.id);
    else if (value !== current && items.length > 0) onChange?.(undefined);
  }, [items, value, onChange]);

  return (
    <div>
      <Select<string>
        value={value}
        onChange={(v) => onChange?.(v)}
        disabled={!classCode}
        loading={conditions.isFetching}
        placeholder={classCode ? t('action.conditionPlaceholder') : t('action.pickClassFirst')}
        notFoundContent={t('action.noCondition')}
        options={items.map((c) => ({
          value: c.id,
          label: `${c.isDefault ? `[${t('action.defaultCondition')}] ` : ''}${c.text}（${limitText(c.limitValue, c.limitType, lang)}${c.urgency === 'urgent' ? ` · ${t('report.urgent')}` : ''}）`,
        }))}
        optionRender={(option) => <div style={{ whiteSpace: 'normal' }}>{option.label}</div>}
        data-testid="field-condition"
      />
      {selected ? (
        <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: 4 }}>
          {t('cases.limit')} {limitText(selected.limitValue, selected.limitType, lang)} ·{' '}
          {t('cases.closureCondition')}
          <Colon />
          {selected.closureCondition}
        </Typography.Text>
      ) : null}
    </div>
  );
}

/** 合并: another open case the report duplicates. */
export function MasterCaseSelect({
  view,
  value,
  onChange,
}: FieldProps<string> & { view: CaseView }) {
  const { t } = useI18n();
  const cases = useCaseList({ open: 'true', areaCode: view.communityCode, limit: 200 });
  return (
    <Select<string>
      value={value}
      onChange={(v) => onChange?.(v)}
      showSearch={{ optionFilterProp: 'search' }}
      loading={cases.isFetching}
      placeholder={t('action.masterPlaceholder')}
      options={(cases.data?.items ?? [])
        .filter((c) => c.id !== view.id)
        .map((c) => ({
          value: c.id,
          search: `${c.caseNo} ${c.address} ${c.description}`,
          label: `${c.caseNo} · ${c.address}`,
        }))}
      data-testid="field-master"
    />
  );
}
