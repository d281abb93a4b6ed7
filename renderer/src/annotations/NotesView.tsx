import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import type { Annotation, AnnotationFilter, AnnotationSort, HighlightColor, SearchResult } from '../../../main/common/contract';
import { HIGHLIGHT_COLORS } from '../../../main/common/contract/values';
import { queries } from '../api/queries';
import { useSearch } from '../search/useSearch';
import { AnnotationCard } from './AnnotationCard';
import { AnnotationForm } from './AnnotationEditor';
import { colorName, deleteWithUndo, quoteOf } from './model';
import { FilterChips } from '../sidebar/FilterChips';
import { useFilteredIds } from '../sidebar/useFilteredIds';
import { plural } from '../app/plural';
import './annotations.css';

const SORTS: Record<AnnotationSort, string> = { position: 'Document and position', newest: 'Newest first', oldest: 'Oldest first' };
/** Documents a search of notes looks through: the most the search answers with. */
const SEARCHED_DOCUMENTS = 200;

/** The notes a search found. */
const foundNotes = (result: SearchResult): Set<string> =>
  new Set(result.groups.flatMap((group) => group.hits.flatMap((hit) => (hit.kind === 'note' && hit.noteId ? [hit.noteId] : []))));

/**
 * Every annotation of the library, filtered by document, tag and colour
 * (kept in the address, so a filtered list can be linked to), sorted by
 * position or date, and narrowed by what is typed, which the library search
 * reads as in the header (`is:note` and the words: typos forgiven, "phrases").
 * Each one is edited where it is listed and opens its passage.
 */
export function NotesView() {
  const [params, setParams] = useSearchParams();
  const filter: AnnotationFilter = {
    docId: params.get('doc') ?? undefined,
    tag: params.get('tag') ?? undefined,
    color: (params.get('color') as HighlightColor | null) ?? undefined,
    sort: (params.get('sort') as AnnotationSort | null) ?? 'position',
  };
  const list = useQuery(queries.annotations(filter));
  const docs = useQuery(queries.documents());
  const tags = useQuery(queries.tags());
  const entities = useQuery(queries.entities());
  const [query, setQuery] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const navigate = useNavigate();
  const ids = { doc: useId(), tag: useId(), entity: useId(), colour: useId(), sort: useId(), search: useId() };

  const titles = useMemo(() => new Map(docs.data?.map((d) => [d.id, d.title])), [docs.data]);
  const titleOf = (docId: string) => titles.get(docId) ?? 'A removed document';
  const typed = query.trim() !== '';
  const search = useSearch(typed ? `is:note ${query}` : '', SEARCHED_DOCUMENTS);
  const found = useMemo(() => (search.result ? foundNotes(search.result) : null), [search.result]);
  const all = list.data ?? [];
  // The sidebar's entities and tags narrow the list too.
  const narrowed = useFilteredIds('annotations');
  const shown = all.filter((a) => (!typed || found?.has(a.id)) && narrowed.keeps(a.id));
  const filtered = Boolean(filter.docId || filter.tag || filter.color || typed || narrowed.active);

  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  return (
    <section className="notes-view" aria-labelledby="notes-title">
      <header className="view-header">
        <h1 id="notes-title">Notes</h1>
        <p className="view-meta" aria-live="polite">
          {list.isSuccess && (shown.length === all.length ? count(all.length) : `${shown.length} of ${count(all.length)}`)}
        </p>
        <div className="nv-sort">
          <label htmlFor={ids.sort}>Sort</label>
          <select id={ids.sort} value={filter.sort} onChange={(e) => set('sort', e.target.value === 'position' ? undefined : e.target.value)}>
            {Object.entries(SORTS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
      </header>
      <FilterChips />
      <div className="nv-filters" role="group" aria-label="Filter">
        <div className="nv-field nv-search">
          <label htmlFor={ids.search}>Search notes</label>
          <input id={ids.search} type="search" value={query} placeholder="Words in notes and tags" onChange={(e) => setQuery(e.target.value)} />
        </div>
        <div className="nv-field">
          <label htmlFor={ids.doc}>Document</label>
          <select id={ids.doc} value={filter.docId ?? ''} onChange={(e) => set('doc', e.target.value || undefined)}>
            <option value="">All documents</option>
            {docs.data?.map((d) => <option key={d.id} value={d.id}>{d.title}</option>)}
          </select>
        </div>
        <div className="nv-field">
          <label htmlFor={ids.tag}>Tag</label>
          <select id={ids.tag} value={filter.tag ?? ''} onChange={(e) => set('tag', e.target.value || undefined)}>
            <option value="">Any tag</option>
            {tags.data
              ?.filter((t) => t.annotations > 0)
                .map((t) => (
                  <option key={t.tag} value={t.tag}>
                    {'\u2003'.repeat(t.tag.split('/').length - 1)}
                    {t.tag.split('/').at(-1)} ({t.annotations})
                  </option>
                ))}
          </select>
        </div>
        <div className="nv-field">
          <label htmlFor={ids.entity}>Entity</label>
          <select id={ids.entity} value={params.get('entity') ?? ''} onChange={(e) => set('entity', e.target.value || undefined)}>
            <option value="">Any entity</option>
            {entities.data
              ?.filter((entity) => entity.mentions > 0)
              .map((entity) => (
                <option key={entity.id} value={entity.id}>
                  {entity.name}
                </option>
              ))}
          </select>
        </div>
        <div className="nv-field">
          <span id={ids.colour}>Colour</span>
          <div className="nv-colors" role="group" aria-labelledby={ids.colour}>
            {HIGHLIGHT_COLORS.map((color) => (
              <button
                key={color}
                type="button"
                className={`swatch swatch-${color}`}
                aria-pressed={filter.color === color}
                aria-label={colorName(color)}
                title={colorName(color)}
                onClick={() => set('color', filter.color === color ? undefined : color)}
              />
            ))}
          </div>
        </div>
      </div>
      {problem && (
        <p className="annotation-problem-inline" role="alert">
          {problem}
        </p>
      )}
      {list.isPending && <p className="loading">Gathering your notes…</p>}
      {list.isError && <p role="alert">{list.error.message}</p>}
      {search.error && <p role="alert">{search.error}</p>}
      {search.result?.problems.map((p) => (
        <p key={p} className="annotation-problem-inline" role="status">
          {p}
        </p>
      ))}
      {list.isSuccess && shown.length === 0 && (
        <div className="nv-empty">
          {filtered ? (
            <>
              <p>No annotation matches {typed ? `“${query.trim()}” with ` : ''}these filters.</p>
              <button
                type="button"
                onClick={() => {
                  setQuery('');
                  setParams(new URLSearchParams(), { replace: true });
                }}
              >
                Clear filters
              </button>
            </>
          ) : (
            <p>
              No notes yet. Open a document from the <Link to="/">library</Link>, select a passage and highlight it, add a note or a tag.
            </p>
          )}
        </div>
      )}
      <ol className="nv-list">
        {shown.map((annotation) => (
          <li key={annotation.id}>
            {editing === annotation.id ? (
              <InlineEditor annotation={annotation} title={titleOf(annotation.docId)} onClose={() => setEditing(null)} />
            ) : (
              <AnnotationCard
                annotation={annotation}
                onOpen={() => void navigate(`/doc/${annotation.docId}?annotation=${annotation.id}`)}
                openLabel={`Open “${quoteOf(annotation).slice(0, 60)}” in ${titleOf(annotation.docId)}`}
                context={<p className="ac-doc">{titleOf(annotation.docId)}</p>}
                actions={
                  <>
                    <button type="button" className="ac-edit" onClick={() => setEditing(annotation.id)} aria-label={`Edit the note on “${quoteOf(annotation).slice(0, 60)}”`}>
                      Edit
                    </button>
                    <button type="button" onClick={() => deleteWithUndo(annotation).catch((error: Error) => setProblem(error.message))}>
                      Delete
                    </button>
                  </>
                }
              />
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

/**
 * One annotation edited where it is listed: colour, note, tags, Delete. Done
 * or Esc puts the card back, with the focus on its Edit button.
 */
function InlineEditor({ annotation, title, onClose }: { annotation: Annotation; title: string; onClose: () => void }) {
  const box = useRef<HTMLElement>(null);
  useEffect(() => {
    box.current?.querySelector<HTMLElement>('textarea')?.focus();
    const id = annotation.id;
    return () => {
      requestAnimationFrame(() => document.querySelector<HTMLElement>(`#annotation-item-${CSS.escape(id)} .ac-edit`)?.focus());
    };
  }, [annotation.id]);
  return (
    <section
      ref={box}
      className={`annotation-card nv-editor hl-edge-${annotation.color}`}
      aria-label={`Editing the note on “${quoteOf(annotation).slice(0, 60)}”`}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.stopPropagation();
        onClose();
      }}
    >
      <p className="ac-doc">{title}</p>
      <AnnotationForm annotation={annotation} onClose={onClose} closeLabel="Done" />
    </section>
  );
}

const count = (n: number): string => plural(n, 'note');
