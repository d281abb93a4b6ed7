import { useEffect, useRef } from 'react';
import type { DocumentMatch } from '../../../main/common/contract';

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
