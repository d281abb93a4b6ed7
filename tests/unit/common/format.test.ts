import { describe, expect, it } from 'vitest';
import { formatBytes } from '../../../main/common/format';

describe('sizes as a person reads them', () => {
  it('says bytes, KB or MB, rounded up so that a size over a limit never reads as the limit', () => {
    expect(formatBytes(1)).toBe('1 byte');
    expect(formatBytes(830)).toBe('830 bytes');
    expect(formatBytes(1025)).toBe('2 KB');
    expect(formatBytes(50 * 1024 * 1024)).toBe('50 MB');
    expect(formatBytes(50 * 1024 * 1024 + 1)).toBe('50.1 MB');
  });
});
