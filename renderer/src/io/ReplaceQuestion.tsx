import { useEffect, useId, useRef } from 'react';
import type { ImportOutcome } from '../../../main/common/contract';

export type ReplaceAnswer = 'replace' | 'keep';

interface Props {
  /** The import that matched a document: its file's name and the document it may be a new version of. */
  outcome: ImportOutcome;
  onAnswer: (answer: ReplaceAnswer) => void;
}

/**
 * Asks, inside the import card, whether a file that looks like a new version
 * of a document replaces it or is added beside it. Nothing changes until one
 * of the two buttons is pressed; the first has the keyboard when it appears.
 */
export function ReplaceQuestion({ outcome, onAnswer }: Props) {
  const id = useId();
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus({ preventScroll: true }), []);
  return (
    <div className="import-question" role="group" aria-labelledby={`${id}-question`}>
      <p id={`${id}-question`}>
        <span className="import-file">{outcome.name}</span> looks like a new version of “{outcome.document?.title}”. Replace that document’s text with this file (its notes follow the new text), or keep both?
      </p>
      <div className="import-question-actions">
        <button type="button" ref={first} className="io-button" onClick={() => onAnswer('replace')}>
          Replace it
        </button>
        <button type="button" className="io-button" onClick={() => onAnswer('keep')}>
          Keep both
        </button>
      </div>
    </div>
  );
}
