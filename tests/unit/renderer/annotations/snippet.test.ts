import { describe, expect, it } from 'vitest';
import type { Snippet } from '../../../../main/common/contract';
import { plainNoteSnippet } from '../../../../renderer/src/annotations/snippet';

/** The snippet with its highlights shown in [brackets]. */
function marked({ text, highlights }: Snippet): string {
  let out = '';
  let at = 0;
  for (const [from, to] of highlights) {
    out += `${text.slice(at, from)}[${text.slice(from, to)}]`;
    at = to;
  }
  return out + text.slice(at);
}

const snippet = (text: string, ...words: string[]): Snippet => ({
  text,
  highlights: words.map((w) => [text.indexOf(w), text.indexOf(w) + w.length] as [number, number]),
});

describe('a note’s search snippet', () => {
  it('shows the note’s words without its Markdown, the matched words still marked', () => {
    const note = snippet('**Key speaker.** He frames it as a *national* strategy:\n- One Belt One Road\n- See [Ericsson DCP](https://example.com/dcp) and `5G-A`', 'speaker', 'national', 'Ericsson');
    expect(marked(plainNoteSnippet(note))).toBe('Key [speaker]. He frames it as a [national] strategy: One Belt One Road See [Ericsson] DCP and 5G-A');
  });

  it('keeps what is text: escaped characters, underscores inside words, a lone star, HTML as typed', () => {
    const note = snippet('\\*not bold\\* snake_case 2 * 3 <b>as typed</b> # not a heading', 'snake_case', 'typed');
    expect(marked(plainNoteSnippet(note))).toBe('*not bold* [snake_case] 2 * 3 <b>as [typed]</b> # not a heading');
  });

  it('copes with markup cut by the snippet’s edges', () => {
    expect(marked(plainNoteSnippet(snippet('speaker.** He said [the deal](https://exa', 'deal')))).toBe('speaker. He said the [deal]');
    expect(marked(plainNoteSnippet(snippet('**', '**')))).toBe('');
  });
});
