import { useId, useState, type FormEvent } from 'react';
import type { Entity, EntityType, NewEntity } from '../../../main/common/contract';
import { Dialog } from '../commands/Dialog';
import { AliasEditor } from './AliasEditor';
import { ChangePreview } from './ChangePreview';
import './entities.css';
import { Problem } from './Problem';

interface Props {
  title: string;
  /** What the form starts with: a selection's name, or a suggestion. */
  initial: NewEntity;
  types: readonly EntityType[];
  /** The label of the button that saves. */
  action: string;
  /** The entity being edited: a rename keeps its old name as an alias, and the dialog says what saving links and unlinks. */
  editing?: Entity;
  /** Saves; a rejected promise's message is shown and the dialog stays open. */
  submit: (input: NewEntity) => Promise<unknown>;
  onClose: () => void;
}

const same = (a: string, b: string): boolean => a.replace(/\s+/g, ' ').trim().toLowerCase() === b.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * Asks for an entity's type, canonical name and aliases: "Tag as entity" in
 * the reader, a new entity, a suggestion edited before it is accepted, and
 * an entity's own Edit. The caret starts in Name.
 */
export function EntityDialog({ title, initial, types, action, editing, submit, onClose }: Props) {
  const headingId = useId();
  const [type, setType] = useState(initial.type);
  const [name, setName] = useState(initial.name);
  const [aliases, setAliases] = useState(initial.aliases ?? []);
  // A rename keeps the old name as an alias, unless the person takes it out.
  const [keepOld, setKeepOld] = useState(true);
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const old = editing?.name ?? '';
  const renamed = editing !== undefined && name.trim() !== '' && !same(name, old);
  const kept = renamed && keepOld && !aliases.some((a) => same(a, old)) ? [old, ...aliases] : aliases;
  const input: NewEntity = { type, name, aliases: kept };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setProblem(null);
    try {
      await submit(input);
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
          <div className="ent-field">
            <label className="ent-field-label" htmlFor={`${headingId}-name`}>
              Name
            </label>
            <input id={`${headingId}-name`} aria-describedby={`${headingId}-hint`} value={name} onChange={(event) => setName(event.target.value)} data-autofocus spellCheck={false} />
            <p id={`${headingId}-hint`} className="ent-field-hint">
              As the texts write it; every mention of it and of its aliases is linked.
            </p>
          </div>
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
          <AliasEditor
            aliases={kept}
            onChange={(next) => {
              if (renamed && !next.some((a) => same(a, old))) setKeepOld(false);
              setAliases(next.filter((a) => !(renamed && keepOld && same(a, old))));
            }}
          />
          {renamed && keepOld && <p className="ent-field-hint">“{old}” stays as an alias, so its mentions stay linked; remove it above to unlink them.</p>}
          {editing && <ChangePreview proposal={name.trim() ? { kind: 'update', id: editing.id, patch: input } : null} />}
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
