import { describe, expect, it } from 'vitest';
import { createMatcher, type PaletteItem } from '../../../../renderer/src/commands/paletteSearch';

const item = (key: string, kind: PaletteItem['kind'], title: string, extra: Partial<PaletteItem> = {}): PaletteItem => ({
  key,
  kind,
  title,
  run: () => undefined,
  ...extra,
});

const ITEMS = [
  item('command:go.library', 'command', 'Go to Library', { detail: 'Go' }),
  item('command:theme.dark', 'command', 'Use the dark theme', { detail: 'View', keywords: ['night', 'appearance'] }),
  item('command:help.shortcuts', 'command', 'Show keyboard shortcuts', { detail: 'Help' }),
  item('document:a', 'document', 'China Unicom successfully held the Global Partners Meeting', { detail: 'Document' }),
  item('document:b', 'document', 'Why China Telecom is building IoT partnerships', { detail: 'Document' }),
  item('entity:c', 'entity', 'Chen Zhongyue', { detail: 'Person' }),
];
const titles = (found: PaletteItem[]) => found.map((i) => i.title);

describe('the palette matcher', () => {
  const match = createMatcher(ITEMS);

  it('lists everything in the given order when nothing is typed', () => {
    expect(titles(match(''))).toEqual(titles(ITEMS));
    expect(match('  ', 2)).toHaveLength(2);
  });

  it('finds a command from the first letters of its words', () => {
    expect(titles(match('go lib'))[0]).toBe('Go to Library');
    expect(titles(match('keyb sho'))[0]).toBe('Show keyboard shortcuts');
  });

  it('finds a command by a keyword that is not in its title', () => {
    expect(titles(match('night'))).toEqual(['Use the dark theme']);
  });

  it('finds documents and entities by name, forgiving a typo', () => {
    expect(titles(match('telecom iot'))).toEqual(['Why China Telecom is building IoT partnerships']);
    expect(titles(match('zhongyeu'))).toEqual(['Chen Zhongyue']);
    expect(titles(match('unicm'))).toEqual(['China Unicom successfully held the Global Partners Meeting']);
  });

  it('needs every word typed to match', () => {
    expect(match('china person')).toEqual([]);
    expect(match('xylophone')).toEqual([]);
  });
});
