import { describe, expect, it } from 'vitest';
import {
  addressSearchKey,
  addressSearchTokens,
  childLevelsOf,
  cleanAddressName,
} from './address-levels';

describe('标准地址 levels', () => {
  it('allows the next level, skipping only optional 小区 and 楼层', () => {
    expect(childLevelsOf(null)).toEqual(['street_lane']);
    expect(childLevelsOf('street_lane')).toEqual(['door_plate']);
    expect(childLevelsOf('door_plate')).toEqual(['compound', 'building']);
    expect(childLevelsOf('compound')).toEqual(['building']);
    expect(childLevelsOf('entrance')).toEqual(['floor', 'room']);
    expect(childLevelsOf('room')).toEqual([]);
  });
});

describe('address text', () => {
  it('cleans names: half-width digits and letters, one space', () => {
    expect(cleanAddressName('  １２号　Ａ座  ')).toBe('12号 A座');
  });
  it('search keys drop spaces and case', () => {
    expect(addressSearchKey('3 号楼 Ｂ 座')).toBe('3号楼b座');
  });
  it('splits queries into tokens without LIKE wildcards', () => {
    expect(addressSearchTokens('金水路 12号，３单元|502')).toEqual([
      '金水路',
      '12号',
      '3单元',
      '502',
    ]);
    expect(addressSearchTokens(' %_ ')).toEqual([]);
  });
});
