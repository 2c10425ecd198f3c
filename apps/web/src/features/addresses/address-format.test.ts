import { describe, expect, it } from 'vitest';
import { ADDRESS_LEVEL_LABELS, HOUSE_USE_LABELS } from '@wangge/shared';
import { addressNodePath, housePath, levelLabel, optionsOf, USE_COLORS } from './address-format';

describe('address format', () => {
  it('offers a label table as options in its own order, in the chosen language', () => {
    const options = optionsOf(HOUSE_USE_LABELS, 'en');
    expect(options.map((o) => o.value)).toEqual(Object.keys(HOUSE_USE_LABELS));
    expect(options[0]!.label).toBe(Object.values(HOUSE_USE_LABELS)[0]!.en);
    expect(Object.keys(USE_COLORS).sort()).toEqual(Object.keys(HOUSE_USE_LABELS).sort());
  });

  it('labels levels and builds links with encoded ids', () => {
    expect(levelLabel('room', 'zh')).toBe(ADDRESS_LEVEL_LABELS.room.zh);
    expect(housePath('h/1')).toBe('/houses/h%2F1');
    expect(addressNodePath('n 1')).toBe('/addresses?node=n%201');
  });
});
