import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar, parseCreditCode } from './credit-code';
import { idCheckChar, parseIdNumber } from './id-number';

const TODAY = new Date('2026-11-29T00:00:00Z');

describe('公民身份号码 (GB 11643)', () => {
  it('accepts a valid number and reads birth date and gender', () => {
    expect(parseIdNumber('11010519491231002X', TODAY)).toEqual({
      ok: true,
      value: '11010519491231002X',
      birthDate: '1949-12-31',
      gender: 'female',
      converted: false,
    });
    expect(parseIdNumber(' 11010519491231002x ', TODAY)).toMatchObject({
      ok: true,
      value: '11010519491231002X',
    });
  });
  it('refuses a wrong check digit', () => {
    expect(parseIdNumber('110105194912310021', TODAY)).toEqual({
      ok: false,
      problem: 'check_digit',
    });
  });
  it('refuses impossible and future birth dates', () => {
    const feb30 = '41010520010230123';
    expect(parseIdNumber(feb30 + idCheckChar(feb30), TODAY)).toEqual({
      ok: false,
      problem: 'birth_date',
    });
    const future = '41010520301201123';
    expect(parseIdNumber(future + idCheckChar(future), TODAY)).toEqual({
      ok: false,
      problem: 'birth_date',
    });
    const leap = '41010520000229123';
    expect(parseIdNumber(leap + idCheckChar(leap), TODAY)).toMatchObject({
      ok: true,
      birthDate: '2000-02-29',
      gender: 'male',
    });
  });
  it('refuses an unknown region prefix and malformed input', () => {
    const bad = '99010519491231002';
    expect(parseIdNumber(bad + idCheckChar(bad), TODAY)).toEqual({ ok: false, problem: 'region' });
    for (const s of [
      '',
      '1234',
      '11010519491231002Y',
      '1101051949123100X2',
      '１１０１０５１９４９１２３１００２Ｘ',
    ])
      expect(parseIdNumber(s, TODAY)).toEqual({ ok: false, problem: 'format' });
  });
  it('converts the 15-digit legacy form', () => {
    expect(parseIdNumber('110105491231002', TODAY)).toEqual({
      ok: true,
      value: '11010519491231002X',
      birthDate: '1949-12-31',
      gender: 'female',
      converted: true,
    });
    expect(parseIdNumber('110105491331002', TODAY)).toEqual({ ok: false, problem: 'birth_date' });
  });
});

describe('统一社会信用代码 (GB 32100)', () => {
  it('accepts valid codes', () => {
    expect(parseCreditCode('91350100M000100Y43')).toEqual({
      ok: true,
      value: '91350100M000100Y43',
    });
    const body = '91410105MA12345AB';
    expect(parseCreditCode((body + creditCodeCheckChar(body)).toLowerCase())).toMatchObject({
      ok: true,
    });
  });
  it('refuses a wrong check character', () => {
    expect(parseCreditCode('91350100M000100Y44')).toEqual({ ok: false, problem: 'check_digit' });
  });
  it('refuses letters outside the alphabet and wrong lengths', () => {
    for (const s of [
      '91350100M000100Y4',
      '91350100I000100Y43',
      '9135010OM000100Y43',
      '91ABCDEFM000100Y43',
      '',
    ])
      expect(parseCreditCode(s)).toEqual({ ok: false, problem: 'format' });
  });
});
