import { useId, useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { Entity } from '../../../main/common/contract';
import { queries } from '../api/queries';
import { Dialog } from '../commands/Dialog';
import { deleteEntity, mergeEntities } from './actions';
import { ChangePreview } from './ChangePreview';
import { useEntityTypes } from './useEntityData';
import { Problem } from './Problem';
import { plural } from '../app/plural';

/** Runs a change, keeping the dialog open with the message when it fails. */
function useAttempt(onDone: () => void) {
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const attempt = async (change: () => Promise<unknown>) => {
    setBusy(true);
    setProblem(null);
    try {
      await change();
      onDone();
    } catch (error) {
      setProblem((error as Error).message);
      setBusy(false);
    }
  };
  return { problem, busy, attempt };
}

/** Folds another entity into this one: its names become aliases here and its mentions move here. */
export function MergeEntityDialog({ target, onClose }: { target: Entity; onClose: () => void }) {
  const headingId = useId();
  const entities = useQuery(queries.entities());
  const types = useEntityTypes();
  const [source, setSource] = useState('');
  const { problem, busy, attempt } = useAttempt(onClose);
  const others = entities.data?.filter((e) => e.id !== target.id) ?? [];
  const chosen = others.find((e) => e.id === source);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (chosen) void attempt(() => mergeEntities(target, chosen));
  };
  return (
    <Dialog labelledBy={headingId} onClose={onClose} className="entity-dialog">
      <form onSubmit={submit}>
        <div className="dialog-header">
          <h2 id={headingId}>Merge into {target.name}</h2>
        </div>
        <div className="entity-form">
          <label className="ent-field">
            <span className="ent-field-label">Entity to merge into this one</span>
            <select value={source} onChange={(event) => setSource(event.target.value)} data-autofocus>
              <option value="">Choose an entity…</option>
              {types.map((type) => {
                const ofType = others.filter((e) => e.type === type.id);
                return ofType.length === 0 ? null : (
                  <optgroup key={type.id} label={type.name}>
                    {ofType.map((e) => (
                      <option key={e.id} value={e.id}>
                        {e.name}
                      </option>
                    ))}
                  </optgroup>
                );
              })}
            </select>
          </label>
          <p className="ent-field-hint">
            {chosen
              ? `“${chosen.name}” and its aliases become aliases of “${target.name}”; its ${plural(chosen.mentions, 'mention')} and its notes move here, and “${chosen.name}” is removed.`
              : 'Its names become aliases of this entity, its mentions and notes move here.'}
          </p>
          <ChangePreview proposal={chosen ? { kind: 'merge', target: target.id, source: chosen.id } : null} />
          <Problem text={problem} />
        </div>
        <div className="ent-dialog-actions">
          <button type="button" className="ent-btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="ent-btn ent-btn-primary" disabled={busy || !chosen}>
            Merge
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** Asks before deleting: mentions are unlinked, documents and annotations stay. */
export function DeleteEntityDialog({ entity, mentions, onClose, onDeleted }: { entity: Entity; mentions: number; onClose: () => void; onDeleted: () => void }) {
  const headingId = useId();
  const { problem, busy, attempt } = useAttempt(onDeleted);
  return (
    <Dialog labelledBy={headingId} onClose={onClose} className="entity-dialog">
      <div className="dialog-header">
        <h2 id={headingId}>Delete {entity.name}?</h2>
      </div>
      <div className="entity-form">
        <p>
          Its {mentions} {mentions === 1 ? 'mention is' : 'mentions are'} no longer linked. Documents and annotations stay as they are; Undo brings it back.
        </p>
        <ChangePreview proposal={{ kind: 'delete', id: entity.id }} />
        <Problem text={problem} />
      </div>
      <div className="ent-dialog-actions">
        <button type="button" className="ent-btn" onClick={onClose} data-autofocus>
          Cancel
        </button>
        <button type="button" className="ent-btn ent-btn-danger" disabled={busy} onClick={() => void attempt(() => deleteEntity(entity))}>
          Delete entity
        </button>
      </div>
    </Dialog>
  );
}
