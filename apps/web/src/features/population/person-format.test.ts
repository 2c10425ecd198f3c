import { describe, expect, it } from 'vitest';
import type { FormInstance } from 'antd';
import { apiErrorFrom } from '../../lib/api-client';
import { fieldError, fmt, personEditPath, personPath } from './person-format';

/** The one FormInstance method fieldError uses, recording what it was given. */
function fakeForm() {
  const set: unknown[] = [];
  const form = { setFields: (fields: unknown[]) => set.push(...fields) };
  return { form: form as unknown as FormInstance, set };
}
const refusal = (field?: string) =>
  apiErrorFrom(400, { error: { code: 'validation_failed', message: '格式不对', field } });

describe('fieldError', () => {
  it.each([
    // the server's field, the form's fields → where the message lands
    ['idNumber', ['name', 'idNumber'], ['idNumber']],
    ['details.stayUntil', ['details'], ['details', 'stayUntil']],
  ])('%s goes beside the field %j', (field, fields, name) => {
    const { form, set } = fakeForm();
    expect(fieldError(form, refusal(field), fields)).toBeNull();
    expect(set).toEqual([{ name, errors: ['格式不对'] }]);
  });

  it.each([
    ['a field the form does not have', refusal('houseId')],
    ['no field', refusal()],
    ['not an API error', new Error('格式不对')],
  ])('returns the message for the alert with %s', (_, err) => {
    const { form, set } = fakeForm();
    expect(fieldError(form, err, ['name'])).toBe('格式不对');
    expect(set).toEqual([]);
  });
});

describe('person labels and paths', () => {
  it('labels stored codes in both languages, unknown codes as themselves, null as empty', () => {
    expect(fmt.gender('female', 'zh')).toBe('女');
    expect(fmt.gender('female', 'en')).toBe('Female');
    expect(fmt.gender('x', 'zh')).toBe('x');
    expect(fmt.status(null, 'zh')).toBe('');
  });

  it('encodes ids in paths', () => {
    expect(personPath('a/b')).toBe('/persons/a%2Fb');
    expect(personEditPath('p1')).toBe('/persons/p1/edit');
  });
});
