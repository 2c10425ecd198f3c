import { useState, type ReactNode } from 'react';
import { Button, Input, List, Typography } from 'antd';
import { Link } from 'react-router';
import { SearchOutlined } from '@ant-design/icons';
import { useHasPermission } from '../features/auth/api';
import { useI18n, type MessageKey } from '../lib/i18n';
import { UnmaskDialog } from './unmask-dialog';

/** The first message of a shared zod schema, as the value box's hint: the same rule the server applies. */
export const schemaProblem =
  (schema: {
    safeParse(v: string): { success: boolean; error?: { issues: readonly { message: string }[] } };
  }) =>
  (value: string): string | null => {
    const r = schema.safeParse(value);
    return r.success ? null : (r.error?.issues[0]?.message ?? null);
  };

/** The records a search found, each a link to its page (masked as in the lists), or "none". */
export function SearchResultList({
  items,
  testId,
}: {
  items: { id: string; href: string; title: string; description?: string | null }[];
  testId: string;
}) {
  const { t } = useI18n();
  if (items.length === 0)
    return <Typography.Text data-testid={testId}>{t('personalSearch.none')}</Typography.Text>;
  return (
    <List
      size="small"
      header={t('personalSearch.found', { n: items.length })}
      dataSource={items}
      data-testid={testId}
      renderItem={(i) => (
        <List.Item>
          <List.Item.Meta
            title={<Link to={i.href}>{i.title}</Link>}
            description={i.description ?? undefined}
          />
        </List.Item>
      )}
    />
  );
}

const LABELS = {
  title: 'personalSearch.title',
  hint: 'personalSearch.hint',
  reason: 'personalSearch.reason',
  reasonShort: 'personalSearch.reasonShort',
  submit: 'personalSearch.submit',
} as const;

export interface PersonalSearchButtonProps<R> {
  /** Button text, e.g. 按房主电话查找. */
  label: MessageKey;
  /** Placeholder of the value box, e.g. 完整手机号或固定电话. */
  valueLabel: MessageKey;
  /** A message when the value cannot be one (checked before sending), or null. */
  problem: (value: string) => string | null;
  /** Sends the value and the reason in a POST body; the server checks personal.unmask again and audits. */
  search: (value: string, reason: string) => Promise<R>;
  renderResult: (result: R) => ReactNode;
  testId: string;
}

/**
 * 按完整号码查找: searching by a full phone or ID number confirms the value behind a mask, so it is an unmasking —
 * shown only with personal.unmask, it asks for the value and a reason in the unmask dialog. The value never goes in
 * a URL or the query cache; results live in the dialog until it closes. The server limits each user's searches.
 */
export function PersonalSearchButton<R>({
  label,
  valueLabel,
  problem,
  search,
  renderResult,
  testId,
}: PersonalSearchButtonProps<R>) {
  const { t } = useI18n();
  const canUnmask = useHasPermission('personal.unmask');
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState('');
  if (!canUnmask) return null;
  const trimmed = value.trim();
  const issue = trimmed ? problem(trimmed) : null;
  const close = () => {
    setOpen(false);
    setValue('');
  };
  return (
    <>
      <Button icon={<SearchOutlined />} onClick={() => setOpen(true)} data-testid={testId}>
        {t(label)}
      </Button>
      <UnmaskDialog<never, R>
        open={open}
        onClose={close}
        labels={LABELS}
        minReason={2}
        blocked={!trimmed || issue !== null}
        reveal={(reason) => search(trimmed, reason)}
        renderRevealed={renderResult}
      >
        <Input
          value={value}
          onChange={(e) => setValue(e.target.value)}
          maxLength={30}
          autoComplete="off"
          placeholder={t(valueLabel)}
          style={{ marginBottom: 8 }}
          data-testid={`${testId}-value`}
        />
        {issue ? (
          <Typography.Paragraph type="danger" style={{ marginTop: -4 }}>
            {issue}
          </Typography.Paragraph>
        ) : null}
      </UnmaskDialog>
    </>
  );
}
