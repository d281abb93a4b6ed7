import { useId, useState, type FormEvent } from 'react';
import { Link, NavLink } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import type { EntitySummary, EntityType } from '../../../main/common/contract';
import { queries } from '../api/queries';
import { api } from '../api/client';
import { saveExport } from '../io/save';
import { createEntity } from './actions';
import { createEntityType, updateEntityType } from './changes';
import { EntityDialog } from './EntityDialog';
import { useEntityTypes } from './useEntityData';
import './entities.css';
import { Problem } from './Problem';
import { plural } from '../app/plural';

/** The tabs of the entities views. */
export function EntityTabs() {
  return (
    <nav className="ent-tabs" aria-label="Entities">
      <NavLink to="/entities" end>
        All entities
      </NavLink>
      <NavLink to="/entities/suggestions">Suggestions</NavLink>
    </nav>
  );
}

/** Every entity by type, with counts; the types and their colours. */
export function EntitiesView() {
  const entities = useQuery(queries.entities());
  const types = useEntityTypes();
  const [creating, setCreating] = useState(false);
  const [exported, setExported] = useState<string | null>(null);
  const all = entities.data ?? [];
  const exportCsv = async () => {
    try {
      setExported((await saveExport(await api.exportEntities())) ?? null);
    } catch (error) {
      setExported(`Could not export the entities: ${(error as Error).message}`);
    }
  };

  return (
    <section className="entities-view" aria-labelledby="entities-title">
      <div className="view-header">
        <h1 id="entities-title">Entities</h1>
        <p className="view-meta">{entities.isSuccess ? plural(all.length, 'entity', 'entities') : 'Counting mentions…'}</p>
        <button type="button" className="ent-btn ent-view-action" onClick={() => void exportCsv()} disabled={all.length === 0}>
          Export as CSV
        </button>
        <button type="button" className="ent-btn" onClick={() => setCreating(true)}>
          New entity…
        </button>
      </div>
      <EntityTabs />
      {exported && (
        <p className="ent-quiet" role="status">
          {exported}
        </p>
      )}
      {entities.isError && (
        <p role="alert" className="notice notice-error">
          {entities.error.message}
        </p>
      )}
      {entities.isSuccess && all.length === 0 && (
        <div className="ent-empty">
          <p>No entities yet. Select a name in a document and choose “Tag as entity”, or review the names Dossier found.</p>
          <Link to="/entities/suggestions">Review suggested entities</Link>
        </div>
      )}
      {types.map((type) => (
        <TypeSection key={type.id} type={type} entities={all.filter((e) => e.type === type.id)} />
      ))}
      <NewTypeForm />
      {creating && (
        <EntityDialog
          title="New entity"
          action="Create entity"
          initial={{ type: 'person', name: '', aliases: [] }}
          types={types}
          submit={createEntity}
          onClose={() => setCreating(false)}
        />
      )}
    </section>
  );
}

function TypeSection({ type, entities }: { type: EntityType; entities: EntitySummary[] }) {
  const headingId = useId();
  if (entities.length === 0 && type.builtin) return null;
  return (
    <section className={`type-section entity-type-${type.id}`} aria-labelledby={headingId}>
      <div className="type-heading">
        <h2 id={headingId}>
          <span className="type-dot" aria-hidden="true" />
          {type.name}
          <span className="type-count">{entities.length}</span>
        </h2>
        <TypeColor type={type} />
      </div>
      {entities.length === 0 ? (
        <p className="ent-quiet">No {type.name.toLowerCase()} yet.</p>
      ) : (
        <table className="entity-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col" className="num">
                Mentions
              </th>
              <th scope="col" className="num">
                Documents
              </th>
            </tr>
          </thead>
          <tbody>
            {entities.map((e) => (
              <tr key={e.id}>
                <td>
                  <Link to={`/entity/${e.id}`}>{e.name}</Link>
                  {e.aliases.length > 0 && <span className="aliases-inline"> · {e.aliases.join(' · ')}</span>}
                </td>
                <td className="num">{e.mentions}</td>
                <td className="num">{e.documents}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** A type's colour, saved when the picker is left (not at every step of a drag). */
function TypeColor({ type }: { type: EntityType }) {
  const [color, setColor] = useState(type.color);
  const save = () => {
    if (color !== type.color) void updateEntityType(type.id, { color });
  };
  return (
    <label className="color-field">
      <span className="visually-hidden">Colour of {type.name}</span>
      <input type="color" value={color} onChange={(event) => setColor(event.target.value)} onBlur={save} />
    </label>
  );
}

/** Adds an entity type with its colour ("Product", "Regulation"…). */
function NewTypeForm() {
  const [name, setName] = useState('');
  const [color, setColor] = useState('#5b6b7b');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    try {
      await createEntityType({ name, color });
      setName('');
    } catch (error) {
      setProblem((error as Error).message);
    }
  };
  return (
    <form className="new-type" onSubmit={(event) => void submit(event)} aria-label="Add an entity type">
      <h2>Add a type</h2>
      <div className="new-type-row">
        <label className="ent-field">
          <span className="ent-field-label">Name</span>
          <input value={name} onChange={(event) => setName(event.target.value)} placeholder="Product, regulation, technology…" />
        </label>
        <label className="ent-field">
          <span className="ent-field-label">Colour</span>
          <input type="color" value={color} onChange={(event) => setColor(event.target.value)} />
        </label>
        <button type="submit" className="ent-btn" disabled={!name.trim()}>
          Add type
        </button>
      </div>
      <Problem text={problem} />
    </form>
  );
}
