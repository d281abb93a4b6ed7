import { useState } from 'react';
import { useCommands } from '../commands/registry';
import { isEditable } from '../commands/useShortcuts';
import { canUndo, dismissToast, undoLast, useUndoToast } from './undo';

/** Typing in a field keeps the field's own Undo. */
const typing = (): boolean => isEditable(document.activeElement);

/**
 * The one Undo of the window: the toast that offers it after a change
 * (a highlight deleted, an entity merged, a tag renamed…), and Ctrl/Cmd+Z,
 * wherever the change was made.
 */
export function UndoLayer() {
  const toast = useUndoToast();
  const [problem, setProblem] = useState<string | null>(null);
  const undo = async () => {
    try {
      await undoLast();
      setProblem(null);
    } catch (error) {
      setProblem(`Could not undo: ${(error as Error).message}`);
    }
  };
  useCommands(() => [{ id: 'edit.undo', title: 'Undo', group: 'Edit', enabled: () => canUndo() && !typing(), run: undo }], []);

  if (!toast && !problem) return null;
  return (
    <div className="undo-toast" role="status">
      <p>{problem ?? toast?.message}</p>
      {toast && !problem && (
        <button type="button" onClick={() => void undo()}>
          Undo
        </button>
      )}
      <button type="button" className="undo-dismiss" aria-label="Dismiss" onClick={() => (problem ? setProblem(null) : dismissToast())}>
        ×
      </button>
    </div>
  );
}
