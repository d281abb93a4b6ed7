import { useId, useState, type FormEvent } from 'react';
import type { Entity, EntityType, NewEntity } from '../../../main/common/contract';
import { Dialog } from '../commands/Dialog';
import { AliasEditor } from './AliasEditor';
import './entities.css';
import { Problem } from './Problem';

interface Props {
  title: string;
  /** What the form starts with: a selection's name, or a suggestion. */
  initial: NewEntity;
  types: readonly EntityType[];
  /** The label of the button that saves. */
  action: string;
  /** Saves; a rejected promise's message is shown and the dialog stays open. */
  submit: (input: NewEntity) => Promise<Entity | Entity[]>;
  onClose: () => void;
}

/**
 * Asks for an entity's type, canonical name and aliases: used by "Tag as
 * entity" in the reader and to edit a suggestion before accepting it.
 */
export function EntityDialog({ title, initial, types, action, submit, onClose }: Props) {
  const headingId = useId();
  const [type, setType] = useState(initial.type);
  const [name, setName] = useState(initial.name);
  const [aliases, setAliases] = useState(initial.aliases ?? []);
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setProblem(null);
    try {
      await submit({ type, name, aliases });
      onClose();
    } catch (error) {
      setProblem((error as Error).message);
      setSaving(false);
    }
  };

  return (
    <Dialog labelledBy={headingId} onClose={onClose} className="entity-dialog">
      <form onSubmit={(event) => void save(event)}>
        <div className="dialog-header">
          <h2 id={headingId}>{title}</h2>
        </div>
        <div className="entity-form">
          <fieldset className="type-choice">
            <legend>Type</legend>
            {types.map((t) => (
              <label key={t.id} className={`type-option entity-type-${t.id}`}>
                <input type="radio" name="entity-type" value={t.id} checked={type === t.id} onChange={() => setType(t.id)} />
                <span className="type-dot" aria-hidden="true" />
                {t.name}
              </label>
            ))}
          </fieldset>
          <div className="ent-field">
            <label className="ent-field-label" htmlFor={`${headingId}-name`}>
              Name
            </label>
            <input id={`${headingId}-name`} aria-describedby={`${headingId}-hint`} value={name} onChange={(event) => setName(event.target.value)} autoFocus spellCheck={false} />
            <p id={`${headingId}-hint`} className="ent-field-hint">
              As the texts write it; every mention of it and of its aliases is linked.
            </p>
          </div>
          <AliasEditor aliases={aliases} onChange={setAliases} />
          <Problem text={problem} />
        </div>
        <div className="ent-dialog-actions">
          <button type="button" className="ent-btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="ent-btn ent-btn-primary" disabled={saving || !name.trim()}>
            {action}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
