import { useState } from 'react';
import { Alert, Button, Card, Form, Input, List, Popconfirm, Select, Typography } from 'antd';
import { DeleteOutlined, UserAddOutlined } from '@ant-design/icons';
import type { UnitDetail } from '@wangge/shared';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useI18n } from '../../../lib/i18n';
import { useAddEmployee, usePersonSearch, useRemoveEmployee } from '../units-api';

interface EmployeeValues {
  personId: string;
  position?: string;
  from?: string;
}

/** 从业人员: persons of the population registry, masked; added by name search, removed with a confirmation. */
export function EmployeesCard({ unit, canManage }: { unit: UnitDetail; canManage: boolean }) {
  const { t } = useI18n();
  const [form] = Form.useForm<EmployeeValues>();
  const [adding, setAdding] = useState(false);
  const [search, setSearch] = useState('');
  const debounced = useDebouncedValue(search, 300);
  const persons = usePersonSearch(debounced);
  const add = useAddEmployee(unit.id);
  const remove = useRemoveEmployee(unit.id);

  const submit = (v: EmployeeValues) =>
    add.mutate(
      {
        personId: v.personId,
        ...(v.position?.trim() ? { position: v.position.trim() } : {}),
        ...(v.from ? { from: v.from } : {}),
      },
      {
        onSuccess: () => {
          form.resetFields();
          setAdding(false);
        },
      },
    );

  return (
    <Card
      size="small"
      title={t('units.employees', { n: unit.employees.length })}
      style={{ marginBottom: 12 }}
      extra={
        canManage && !adding ? (
          <Button size="small" icon={<UserAddOutlined />} onClick={() => setAdding(true)}>
            {t('units.addEmployee')}
          </Button>
        ) : null
      }
    >
      {adding ? (
        <Form form={form} layout="vertical" onFinish={submit} style={{ marginBottom: 12 }}>
          <Form.Item
            name="personId"
            label={t('units.person')}
            rules={[{ required: true, message: t('units.personRequired') }]}
          >
            <Select
              showSearch={{ filterOption: false, onSearch: setSearch }}
              placeholder={t('units.personSearch')}
              loading={persons.isFetching}
              options={(persons.data?.items ?? []).map((p) => ({
                value: p.id,
                label: `${p.name} ${p.idNumber}`,
              }))}
              notFoundContent={debounced ? t('units.personNone') : null}
            />
          </Form.Item>
          <Form.Item name="position" label={t('units.position')}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="from" label={t('units.employedFrom')}>
            <Input type="date" />
          </Form.Item>
          {add.error ? (
            <Alert type="error" showIcon title={add.error.message} style={{ marginBottom: 8 }} />
          ) : null}
          <Button
            type="primary"
            htmlType="submit"
            loading={add.isPending}
            style={{ marginRight: 8 }}
          >
            {t('units.save')}
          </Button>
          <Button onClick={() => setAdding(false)}>{t('units.cancel')}</Button>
        </Form>
      ) : null}
      <List
        size="small"
        dataSource={unit.employees}
        locale={{ emptyText: t('units.noEmployees') }}
        renderItem={(e) => (
          <List.Item
            actions={
              canManage
                ? [
                    <Popconfirm
                      key="rm"
                      title={t('units.removeEmployeeConfirm')}
                      onConfirm={() => remove.mutate(e.id)}
                    >
                      <Button
                        type="text"
                        size="small"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={t('units.removeEmployee')}
                      />
                    </Popconfirm>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={e.personName ?? e.personId}
              description={
                <Typography.Text type="secondary">
                  {[e.position, `${e.from} ~ ${e.to ?? t('units.present')}`]
                    .filter(Boolean)
                    .join(' · ')}
                </Typography.Text>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
