import { useEffect, useRef } from 'react';
import type { Block, DocumentMatch } from '../../../main/common/contract';
import { blockOf } from './loaded';

/*
 * Find in the document finds what is typed as it is typed: several words are
 * one phrase ("RMB 3 trillion" is one match, not three words), the last one
 * matching as the start of a word while it is being typed; a single word is
 * found as the library search finds it (its other forms, a typo forgiven).
 */

/** Text that the search syntax would read as more than words: spaces, quotes, `key:value` filters, `-exclusions`. */
const NOT_ONE_WORD = /[\s":]|^-/;

/** The query the find bar asks the document for. */
export function findQuery(text: string): string {
  const typed = text.trim();
  // An open phrase: its last word is still being typed.
  return NOT_ONE_WORD.test(typed) ? `"${typed.replace(/"/g, ' ').trim()}` : typed;
}

/** Lower case, accents and punctuation gone, one space between words: how two texts are compared as phrases. */
const loose = (text: string): string =>
  text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** The matches of a phrase that hold all of it (the document also marks its words where they stand alone); `blocks`: those loaded. */
export function wholeMatches(matches: readonly DocumentMatch[], blocks: readonly Block[], text: string): DocumentMatch[] {
  const phrase = loose(text);
  if (!NOT_ONE_WORD.test(text.trim()) || phrase === '') return [...matches];
  // A match in a block not loaded yet cannot be judged here, and is kept.
  return matches.filter((m) => {
    const block = blockOf(blocks, m.block);
    return !block || loose(block.text.slice(m.from, m.to)).includes(phrase);
  });
}

interface Props {
  query: string;
  onQuery: (query: string) => void;
  matches: DocumentMatch[] | null;
  /** Index of the match shown; moves with Enter / Shift+Enter and the arrows. */
  current: number;
  onCurrent: (index: number) => void;
  onClose: () => void;
  error: string | null;
}

/** Find within one document: type, Enter for the next match, Shift+Enter for the one before, Esc to close. */
export function FindBar({ query, onQuery, matches, current, onCurrent, onClose, error }: Props) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.select(), []);
  const count = matches?.length ?? 0;
  const step = (delta: number) => count > 0 && onCurrent((current + delta + count) % count);
  const status = error ?? (!query.trim() || matches === null ? '' : count === 0 ? 'No matches' : `${current + 1} of ${count}`);
  return (
    <div className="find-bar" role="search" aria-label="Find in this document">
      <input
        ref={input}
        type="search"
        aria-label="Find in this document"
        placeholder="Find in this document"
        value={query}
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => onQuery(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            step(event.shiftKey ? -1 : 1);
          } else if (event.key === 'Escape') {
            event.preventDefault();
            onClose();
          }
        }}
      />
      <span className="find-status" role="status" aria-live="polite">
        {status}
      </span>
      <button type="button" onClick={() => step(-1)} disabled={count === 0} aria-label="Previous match">
        ↑
      </button>
      <button type="button" onClick={() => step(1)} disabled={count === 0} aria-label="Next match">
        ↓
      </button>
      <button type="button" onClick={onClose} aria-label="Close find">
        ×
      </button>
    </div>
  );
}
