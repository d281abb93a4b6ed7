import { useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import type { EntityType, NewEntity, Suggestion } from '../../../main/common/contract';
import { queries } from '../api/queries';
import { acceptSuggestions, rejectSuggestions, restoreSuggestions } from './actions';
import { EntityTabs } from './EntitiesView';
import { EntityDialog } from './EntityDialog';
import { useEntityTypes } from './useEntityData';
import './entities.css';
import { plural } from '../app/plural';

const asNew = (s: Suggestion): NewEntity => ({ type: s.type, name: s.name, aliases: s.aliases });

/** Runs a change with the buttons disabled meanwhile; its failure is shown above the list. */
function useAct() {
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
  return { problem, busy, act };
}

/**
 * Names the library's texts use that are not entities yet, by type, most
 * mentioned first: accept one, several or all of a type, change their type,
 * edit one before accepting, or reject them; the rejected ones are listed
 * apart and can be brought back. Every action has Undo.
 */
export function SuggestionsView() {
  const [params] = useSearchParams();
  const rejected = params.get('show') === 'rejected';
  const open = useQuery(queries.suggestions());
  const turnedDown = useQuery(queries.rejectedSuggestions());
  return (
    <section className="entities-view" aria-labelledby="suggestions-title">
      <div className="view-header">
        <h1 id="suggestions-title">Suggested entities</h1>
        <p className="view-meta">{open.isSuccess ? `${open.data.length} found in your documents` : ''}</p>
      </div>
      <EntityTabs />
      <nav className="ent-subtabs" aria-label="Suggestions">
        <Link to="/entities/suggestions" aria-current={rejected ? undefined : 'page'}>
          To review{open.isSuccess && <span className="type-count"> {open.data.length}</span>}
        </Link>
        <Link to="/entities/suggestions?show=rejected" aria-current={rejected ? 'page' : undefined}>
          Rejected{turnedDown.isSuccess && <span className="type-count"> {turnedDown.data.length}</span>}
        </Link>
      </nav>
      {rejected ? <RejectedList found={turnedDown} /> : <OpenSuggestions found={open} />}
    </section>
  );
}

type Found = ReturnType<typeof useQuery<Suggestion[]>>;

function Status({ found, empty }: { found: Found; empty: string }) {
  if (found.isPending) return <p className="loading">Reading the library for names…</p>;
  if (found.isError) {
    return (
      <p role="alert" className="notice notice-error">
        {found.error.message}
      </p>
    );
  }
  return found.data.length === 0 ? <p className="ent-empty">{empty}</p> : null;
}

function OpenSuggestions({ found }: { found: Found }) {
  const types = useEntityTypes();
  const [editing, setEditing] = useState<Suggestion | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  // Types the person chose for suggestions, by key, until they are accepted.
  const [retyped, setRetyped] = useState<ReadonlyMap<string, string>>(new Map());
  const { problem, busy, act } = useAct();
  const suggestions = (found.data ?? []).map((s) => ({ ...s, type: retyped.get(s.key) ?? s.type }));
  const chosen = suggestions.filter((s) => selected.has(s.key));
  const run = (change: () => Promise<unknown>) => void act(async () => {
    await change();
    setSelected(new Set());
  });
  const toggle = (keys: readonly string[], on: boolean) => {
    const next = new Set(selected);
    for (const key of keys) {
      if (on) next.add(key);
      else next.delete(key);
    }
    setSelected(next);
  };

  return (
    <>
      <p className="ent-intro">Names your documents use, found from their capitals, acronyms and repetition. Accept the ones worth following; every mention gets linked, and the count shown is what the entity gets.</p>
      <Status found={found} empty="Nothing more to suggest: every name Dossier found is an entity or was rejected." />
      {problem && (
        <p role="alert" className="notice notice-error">
          {problem}
        </p>
      )}
      {suggestions.length > 0 && (
        <div className="bulk-bar" role="toolbar" aria-label="Selected suggestions">
          <span className="bulk-count">{chosen.length === 0 ? 'Select suggestions to act on several at once' : `${chosen.length} selected`}</span>
          <label className="bulk-type">
            <span>Set type</span>
            <select
              value=""
              disabled={busy || chosen.length === 0}
              onChange={(event) => {
                const next = new Map(retyped);
                for (const s of chosen) next.set(s.key, event.target.value);
                setRetyped(next);
              }}
            >
              <option value="">Choose…</option>
              {types.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="ent-btn ent-btn-primary" disabled={busy || chosen.length === 0} onClick={() => run(() => acceptSuggestions(chosen.map(asNew)))}>
            Accept selected
          </button>
          <button type="button" className="ent-btn" disabled={busy || chosen.length === 0} onClick={() => run(() => rejectSuggestions(chosen))}>
            Reject selected
          </button>
        </div>
      )}
      {types.map((type) => (
        <SuggestionGroup
          key={type.id}
          type={type}
          suggestions={suggestions.filter((s) => s.type === type.id)}
          busy={busy}
          selected={selected}
          onSelect={toggle}
          onAccept={(list) => run(() => acceptSuggestions(list.map(asNew)))}
          onReject={(s) => run(() => rejectSuggestions([s]))}
          onEdit={setEditing}
        />
      ))}
      {editing && (
        <EntityDialog title="Accept with changes" action="Accept" initial={asNew(editing)} types={types} submit={(input) => acceptSuggestions([input])} onClose={() => setEditing(null)} />
      )}
    </>
  );
}

interface GroupProps {
  type: EntityType;
  suggestions: Suggestion[];
  busy: boolean;
  selected: ReadonlySet<string>;
  onSelect: (keys: readonly string[], on: boolean) => void;
  onAccept: (list: Suggestion[]) => void;
  onReject: (s: Suggestion) => void;
  onEdit: (s: Suggestion) => void;
}

function SuggestionGroup({ type, suggestions, busy, selected, onSelect, onAccept, onReject, onEdit }: GroupProps) {
  const headingId = useId();
  if (suggestions.length === 0) return null;
  const keys = suggestions.map((s) => s.key);
  const all = keys.every((k) => selected.has(k));
  return (
    <section className={`type-section entity-type-${type.id}`} aria-labelledby={headingId}>
      <div className="type-heading">
        <input type="checkbox" className="group-check" checked={all} aria-label={`Select every ${type.name.toLowerCase()} suggestion`} onChange={() => onSelect(keys, !all)} />
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
            <label className="suggestion-name">
              <input type="checkbox" checked={selected.has(s.key)} onChange={(event) => onSelect([s.key], event.target.checked)} aria-label={`Select ${s.name}`} />
              <span className="name">{s.name}</span>
              {s.aliases.length > 0 && <span className="aliases-inline"> = {s.aliases.join(' = ')}</span>}
              <Count s={s} />
            </label>
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

function Count({ s }: { s: Suggestion }) {
  return (
    <span className="suggestion-count">
      {plural(s.mentions, 'mention')}
      {s.documents > 1 ? ` in ${plural(s.documents, 'document')}` : ''}
    </span>
  );
}

/** The suggestions turned down, as they would be now; each can be brought back. */
function RejectedList({ found }: { found: Found }) {
  const types = useEntityTypes();
  const { problem, busy, act } = useAct();
  const typeName = (id: string) => types.find((t) => t.id === id)?.name ?? id;
  const list = found.data ?? [];
  return (
    <>
      <p className="ent-intro">Names you turned down. They are not suggested again until you bring them back.</p>
      <Status found={found} empty="You have not rejected any suggestion." />
      {problem && (
        <p role="alert" className="notice notice-error">
          {problem}
        </p>
      )}
      {list.length > 0 && (
        <ul className="suggestion-list" aria-label="Rejected suggestions">
          {list.map((s) => (
            <li key={s.key} className={`suggestion entity-type-${s.type}`}>
              <div className="suggestion-name">
                <span className="type-dot" aria-hidden="true" />
                <span className="name">{s.name}</span>
                <span className="aliases-inline">{typeName(s.type)}</span>
                <Count s={s} />
              </div>
              <div className="suggestion-actions">
                <button type="button" className="ent-btn" disabled={busy} aria-label={`Bring back ${s.name}`} onClick={() => void act(() => restoreSuggestions([s]))}>
                  Bring back
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
