import { describe, expect, it } from 'vitest';
import { formatLength } from '../../../../renderer/src/app/format';

describe('how long a document takes to read', () => {
  it('says minutes under an hour, and hours beyond', () => {
    expect(formatLength(479)).toBe('479 words · 2 min');
    expect(formatLength(230 * 59)).toBe('13,570 words · 59 min');
    expect(formatLength(230 * 95)).toBe('21,850 words · about 1.5 h');
    expect(formatLength(230 * 25_323)).toBe('5,824,290 words · about 420 h');
  });
});
