import { Descriptions, Typography } from 'antd';
import { useI18n } from '../lib/i18n';

/** The clear values an unmask answered, one row per field asked for, each copyable; the dialog shows them until closed. */
export function UnmaskedValues<F extends string>({
  fields,
  values,
}: {
  fields: { value: F; label: string }[];
  values: Partial<Record<F, string | null>>;
}) {
  const { t } = useI18n();
  return (
    <Descriptions column={1} size="small" data-testid="unmask-values">
      {fields
        .filter((f) => f.value in values)
        .map((f) => (
          <Descriptions.Item key={f.value} label={f.label}>
            <Typography.Text copyable={Boolean(values[f.value])}>
              {values[f.value] ?? t('common.none')}
            </Typography.Text>
          </Descriptions.Item>
        ))}
    </Descriptions>
  );
}
