import { describe, expect, it } from 'vitest';
import { countText } from './format';

describe('countText', () => {
  it('writes whole numbers as toLocaleString("en") does', () => {
    for (const n of [0, 7, 42, 999, 1000, 6681, 12345, 100000, 1234567, 1000000000, -1, -1234, -1000000, Number.MAX_SAFE_INTEGER]) {
      expect(countText(n)).toBe(n.toLocaleString('en'));
    }
  });
  it('leaves fractions and non-finite numbers to toLocaleString', () => {
    expect(countText(1234.5)).toBe((1234.5).toLocaleString('en'));
    expect(countText(Number.NaN)).toBe('NaN');
  });
});
