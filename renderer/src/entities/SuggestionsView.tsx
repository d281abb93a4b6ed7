import { useId, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { EntityType, NewEntity, Suggestion } from '../../../main/common/contract';
import { queries } from '../api/queries';
import { acceptSuggestions, rejectSuggestion } from './changes';
import { EntityTabs } from './EntitiesView';
import { EntityDialog } from './EntityDialog';
import { useEntityTypes } from './useEntityData';
import './entities.css';
import { plural } from '../app/plural';

const asNew = (s: Suggestion): NewEntity => ({ type: s.type, name: s.name, aliases: s.aliases });

/**
 * Names the library's texts use that are not entities yet, by type, most
 * mentioned first: accept one or all of a type, edit one before accepting,
 * or reject it for good.
 */
export function SuggestionsView() {
  const found = useQuery(queries.suggestions());
  const types = useEntityTypes();
  const [editing, setEditing] = useState<Suggestion | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const act = async (change: () => Promise<unknown>) => {
    setBusy(true);
    setProblem(null);
    try {
      await change();
    } catch (error) {
      setProblem((error as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const suggestions = found.data ?? [];
  return (
    <section className="entities-view" aria-labelledby="suggestions-title">
      <div className="view-header">
        <h1 id="suggestions-title">Suggested entities</h1>
        <p className="view-meta">{found.isSuccess ? `${suggestions.length} found in your documents` : ''}</p>
      </div>
      <EntityTabs />
      <p className="ent-intro">Names your documents use, found from their capitals, acronyms and repetition. Accept the ones worth following; every mention gets linked.</p>
      {found.isPending && <p className="loading">Reading the library for names…</p>}
      {found.isError && (
        <p role="alert" className="notice notice-error">
          {found.error.message}
        </p>
      )}
      {problem && (
        <p role="alert" className="notice notice-error">
          {problem}
        </p>
      )}
      {found.isSuccess && suggestions.length === 0 && <p className="ent-empty">Nothing more to suggest: every name Dossier found is an entity or was rejected.</p>}
      {types.map((type) => (
        <SuggestionGroup
          key={type.id}
          type={type}
          suggestions={suggestions.filter((s) => s.type === type.id)}
          busy={busy}
          onAccept={(list) => void act(() => acceptSuggestions(list.map(asNew)))}
          onReject={(s) => void act(() => rejectSuggestion(s.name))}
          onEdit={setEditing}
        />
      ))}
      {editing && (
        <EntityDialog
          title="Accept with changes"
          action="Accept"
          initial={asNew(editing)}
          types={types}
          submit={(input) => acceptSuggestions([input])}
          onClose={() => setEditing(null)}
        />
      )}
    </section>
  );
}

interface GroupProps {
  type: EntityType;
  suggestions: Suggestion[];
  busy: boolean;
  onAccept: (list: Suggestion[]) => void;
  onReject: (s: Suggestion) => void;
  onEdit: (s: Suggestion) => void;
}

function SuggestionGroup({ type, suggestions, busy, onAccept, onReject, onEdit }: GroupProps) {
  const headingId = useId();
  if (suggestions.length === 0) return null;
  return (
    <section className={`type-section entity-type-${type.id}`} aria-labelledby={headingId}>
      <div className="type-heading">
        <h2 id={headingId}>
          <span className="type-dot" aria-hidden="true" />
          {type.name}
          <span className="type-count">{suggestions.length}</span>
        </h2>
        <button type="button" className="ent-btn" disabled={busy} onClick={() => onAccept(suggestions)}>
          Accept all {suggestions.length}
          <span className="visually-hidden"> {type.name.toLowerCase()} suggestions</span>
        </button>
      </div>
      <ul className="suggestion-list">
        {suggestions.map((s) => (
          <li key={s.key} className="suggestion">
            <div className="suggestion-name">
              <span className="name">{s.name}</span>
              {s.aliases.length > 0 && <span className="aliases-inline"> = {s.aliases.join(' = ')}</span>}
              <span className="suggestion-count">
                {plural(s.mentions, 'mention')}
                {s.documents > 1 ? ` in ${plural(s.documents, 'document')}` : ''}
              </span>
            </div>
            <div className="suggestion-actions">
              <button type="button" className="ent-btn ent-btn-primary" disabled={busy} aria-label={`Accept ${s.name}`} onClick={() => onAccept([s])}>
                Accept
              </button>
              <button type="button" className="ent-btn" disabled={busy} aria-label={`Edit ${s.name}`} onClick={() => onEdit(s)}>
                Edit…
              </button>
              <button type="button" className="ent-btn ent-btn-quiet" disabled={busy} aria-label={`Reject ${s.name}`} onClick={() => onReject(s)}>
                Reject
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
