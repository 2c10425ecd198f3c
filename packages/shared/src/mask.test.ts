import { describe, expect, it } from 'vitest';
import { maskBirthDate, maskIdNumber, maskName, maskPhone } from './mask';

describe('masking (docs/domain.md §10)', () => {
  it('masks phones, ID numbers and names the documented way', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskIdNumber('410105199001011234')).toBe('410105************');
    expect(maskIdNumber('E12345678')).toBe('*********');
    expect(maskIdNumber('ABC123456789012')).toBe('ABC************');
    expect(maskBirthDate('1990-01-01')).toBe('1990-**-**');
    expect(maskName('张小明')).toBe('张*明');
    expect(maskName('张明')).toBe('张*');
    expect(maskName('欧阳小明')).toBe('欧**明');
    expect(maskPhone('123')).toBe('***');
  });
});
