import { describe, expect, it } from 'vitest';
import { sentArgs } from '../../../../renderer/src/api/args';

describe('the arguments a call sends', () => {
  it('leaves out optional arguments not given at the end, so JSON does not turn them into null', () => {
    expect(JSON.stringify(sentArgs(['upload-1', undefined]))).toBe('["upload-1"]');
    expect(sentArgs([undefined, undefined])).toEqual([]);
  });

  it('keeps every argument given, and a gap in the middle where it is', () => {
    expect(sentArgs(['a', undefined, { onMatch: 'keep' }])).toEqual(['a', undefined, { onMatch: 'keep' }]);
    expect(sentArgs(['a', null])).toEqual(['a', null]);
  });
});
