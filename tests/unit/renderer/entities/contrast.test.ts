import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUILTIN_TYPES } from '../../../../main/core/entities/entity-store';
import { contrast, MENTION_CONTRAST, mentionLine } from '../../../../renderer/src/entities/contrast';

/** The page colour (`--bg`) of each theme, as styles.css sets it. */
function pageColors(): Record<'light' | 'dark', string> {
  const css = readFileSync('renderer/src/styles.css', 'utf8');
  const bg = (selector: RegExp) => {
    const block = selector.exec(css)?.[1] ?? '';
    return /--bg:\s*(#[0-9a-fA-F]{6})/.exec(block)?.[1] ?? '';
  };
  return { light: bg(/:root\s*\{([^}]*)\}/), dark: bg(/:root\[data-theme='dark'\]\s*\{([^}]*)\}/) };
}

describe('mention underlines', () => {
  const pages = pageColors();

  it('read the page colours of both themes', () => {
    expect(pages.light).toMatch(/^#[0-9a-f]{6}$/i);
    expect(pages.dark).toMatch(/^#[0-9a-f]{6}$/i);
    expect(contrast(pages.light, pages.dark)).toBeGreaterThan(10);
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`stand out 3:1 against the ${theme} page for every built-in type`, () => {
      for (const type of BUILTIN_TYPES) {
        const line = mentionLine(type.color, pages[theme]);
        expect(contrast(line, pages[theme]), `${type.id} in ${theme}`).toBeGreaterThanOrEqual(3);
      }
    });
  }

  it('keep a colour that already stands out, and fix any other a person picks', () => {
    expect(mentionLine('#2f6db5', '#ffffff')).toBe('#2f6db5');
    for (const color of ['#ffff00', '#777777', '#000080', '#a8790f']) {
      for (const page of Object.values(pages)) expect(contrast(mentionLine(color, page), page)).toBeGreaterThanOrEqual(MENTION_CONTRAST);
    }
  });
});
