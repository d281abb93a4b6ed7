import { describe, expect, expectTypeOf, it } from 'vitest';
import { contract, METHOD_NAMES, SIDE_CHANNELS, sideChannels, type MethodName } from '../../../../main/common/contract';

describe('the names the preload bundles instead of the schemas', () => {
  it('name every method of the contract and nothing else (checked by the compiler both ways)', () => {
    expectTypeOf<(typeof METHOD_NAMES)[number]>().toEqualTypeOf<MethodName>();
    expect([...METHOD_NAMES].sort()).toEqual(Object.keys(contract).sort());
    expect(new Set(METHOD_NAMES).size).toBe(METHOD_NAMES.length);
  });

  it('give each side channel the name and direction its schema is declared with', () => {
    expectTypeOf<keyof typeof sideChannels>().toEqualTypeOf<keyof typeof SIDE_CHANNELS>();
    for (const [key, declared] of Object.entries(SIDE_CHANNELS)) {
      expect(sideChannels[key as keyof typeof SIDE_CHANNELS]).toMatchObject(declared);
    }
  });
});
