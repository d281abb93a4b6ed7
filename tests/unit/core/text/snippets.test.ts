import { describe, expect, it } from 'vitest';
import { makeSnippet } from '../../../../main/core/text/snippets';

describe('a snippet', () => {
  it('is a window around the first match with every match in it marked', () => {
    const text = `${'lorem ipsum '.repeat(40)}China Unicom and China Mobile ${'dolor sit '.repeat(40)}`;
    const snippet = makeSnippet(text, ['china']);
    expect(snippet.text.startsWith('…')).toBe(true);
    expect(snippet.text.endsWith('…')).toBe(true);
    expect(snippet.highlights.map(([f, t]) => snippet.text.slice(f, t))).toEqual(['China', 'China']);
  });
});
