import { describe, expect, it } from 'vitest';
import type { FormInstance } from 'antd';
import { apiErrorFrom } from '../../lib/api-client';
import { kindLabel, showServerError, targetPath } from './unit-format';

function fakeForm() {
  const set: unknown[] = [];
  const form = { setFields: (fields: unknown[]) => set.push(...fields) };
  return { form: form as unknown as FormInstance, set };
}
const refusal = (field?: string) =>
  apiErrorFrom(400, { error: { code: 'validation_failed', message: '不对', field } });

describe('showServerError', () => {
  it.each([
    ['creditCode', ['creditCode'], ['creditCode']],
    // Array items are addressed by number, as antd Form.List names them.
    ['employees.2.phone', ['employees'], ['employees', 2, 'phone']],
  ])('%s goes beside the field', (field, fields, name) => {
    const { form, set } = fakeForm();
    expect(showServerError(form, refusal(field), fields)).toBeNull();
    expect(set).toEqual([{ name, errors: ['不对'] }]);
  });

  it('sends a point error to the map when the page has one, else to the alert', () => {
    const { form, set } = fakeForm();
    const onPoint: string[] = [];
    expect(showServerError(form, refusal('lng'), ['lng'], (m) => onPoint.push(m))).toBeNull();
    expect(onPoint).toEqual(['不对']);
    expect(showServerError(form, refusal('houseId'), ['name'])).toBe('不对');
    expect(showServerError(form, new Error('断网'), ['name'])).toBe('断网');
    expect(set).toEqual([]);
  });
});

describe('unit labels and paths', () => {
  it('links units and places, and labels an overdue item by its own table', () => {
    expect(targetPath('unit', 'u 1')).toBe('/units/u%201');
    expect(targetPath('place', 'p1')).toBe('/places/p1');
    expect(kindLabel('unit', 'no_such_kind', 'zh')).toBe('no_such_kind');
  });
});
