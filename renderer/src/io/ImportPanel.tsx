import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import type { ImportOutcome } from '../../../main/common/contract';
import type { ImportProgress } from './ImportLayer';
import { formatBytes } from '../../../main/common/format';
import { ReplaceQuestion, type ReplaceAnswer } from './ReplaceQuestion';
import { plural } from '../app/plural';
import './io.css';

interface Props {
  progress: ImportProgress;
  onCancel: () => void;
  onDismiss: () => void;
  onAnswer: (answer: ReplaceAnswer) => void;
}

/**
 * A tray at the bottom of the window, not a modal: reading and searching go
 * on while files import, and the view above it shrinks so nothing is hidden. It shows the file being read with a progress bar
 * and Cancel, then what happened to every file.
 */
export function ImportPanel({ progress, onCancel, onDismiss, onAnswer }: Props) {
  const { running, total, done, current, outcomes, cancelled, question } = progress;
  const doneButton = useRef<HTMLButtonElement>(null);
  // When the import ends, the summary has the keyboard: Done is one key away.
  useEffect(() => {
    if (!running) doneButton.current?.focus({ preventScroll: true });
  }, [running]);

  const fraction = current && current.size > 0 ? current.sent / current.size : 0;
  const overall = total > 0 ? Math.min(1, (done + fraction) / total) : 0;
  return (
    <section className="import-panel" aria-labelledby="import-panel-title">
      <header className="import-panel-header">
        <h2 id="import-panel-title">{running ? `Importing ${Math.min(done + 1, total)} of ${total}` : cancelled.length > 0 ? 'Import cancelled' : 'Import finished'}</h2>
        {running ? (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        ) : (
          <button type="button" ref={doneButton} onClick={onDismiss}>
            Done
          </button>
        )}
      </header>
      {question && <ReplaceQuestion outcome={question} onAnswer={onAnswer} />}
      {running && !question && (
        <div className="import-progress">
          <progress max={1} value={overall} aria-label="Import progress" />
          <p className="import-current" aria-live="polite">
            {current ? (
              <>
                <span className="import-file">{current.name}</span> · {current.sent < current.size ? `${formatBytes(current.sent)} of ${formatBytes(current.size)}` : 'reading…'}
              </>
            ) : (
              'Starting…'
            )}
          </p>
        </div>
      )}
      {!running && <p className="import-counts" role="status">{counts(outcomes, cancelled)}</p>}
      {outcomes.length + cancelled.length > 0 && (
        <ul className="import-outcomes" aria-label="Imported files">
          {outcomes.map((outcome, i) => (
            <OutcomeRow key={`${outcome.name}-${i}`} outcome={outcome} />
          ))}
          {cancelled.map((name, i) => (
            <li key={`cancelled-${name}-${i}`} className="import-outcome outcome-cancelled">
              <span className="import-file">{name}</span>
              <span className="outcome-reason">Not imported: cancelled.</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function counts(outcomes: ImportOutcome[], cancelled: string[]): string {
  const by = (status: ImportOutcome['status']) => outcomes.filter((o) => o.status === status).length;
  const parts = [
    by('added') && plural(by('added'), 'document added', 'documents added'),
    by('replaced') && plural(by('replaced'), 'document updated', 'documents updated'),
    by('duplicate') && plural(by('duplicate'), 'file already in the library', 'files already in the library'),
    by('rejected') && plural(by('rejected'), 'file could not be imported', 'files could not be imported'),
    cancelled.length && plural(cancelled.length, 'file cancelled', 'files cancelled'),
  ].filter(Boolean);
  return parts.length > 0 ? `${parts.join(' · ')}.` : 'Nothing was imported.';
}

function OutcomeRow({ outcome }: { outcome: ImportOutcome }) {
  const doc = outcome.document;
  const title = doc ? <Link to={`/doc/${doc.id}`}>{doc.title}</Link> : null;
  switch (outcome.status) {
    case 'added':
      return (
        <li className="import-outcome outcome-added">
          <span className="outcome-mark" aria-hidden="true">+</span>
          {title}
          <span className="outcome-source">{outcome.name}</span>
        </li>
      );
    case 'replaced':
      return (
        <li className="import-outcome outcome-replaced">
          <span className="outcome-mark" aria-hidden="true">↻</span>
          {title}
          <span className="outcome-reason">
            Updated from {outcome.name}
            {outcome.annotations && outcome.annotations.anchored + outcome.annotations.orphaned > 0
              ? `: ${plural(outcome.annotations.anchored, 'note')} found their passage${outcome.annotations.orphaned > 0 ? `, ${outcome.annotations.orphaned} could not and ${outcome.annotations.orphaned === 1 ? 'is' : 'are'} kept aside` : ''}.`
              : '.'}
          </span>
        </li>
      );
    case 'duplicate':
      return (
        <li className="import-outcome outcome-duplicate">
          <span className="outcome-mark" aria-hidden="true">=</span>
          <span className="import-file">{outcome.name}</span>
          <span className="outcome-reason">
            Already in the library as {title}.
          </span>
        </li>
      );
    case 'cancelled':
    case 'matches':
      // Neither is a result: the panel lists cancelled files by name, and asks about matches before.
      return null;
    case 'rejected':
      return (
        <li className="import-outcome outcome-rejected">
          <span className="outcome-mark" aria-hidden="true">!</span>
          <span className="import-file">{outcome.name}</span>
          <span className="outcome-reason">Not imported: {outcome.reason}</span>
        </li>
      );
  }
}
