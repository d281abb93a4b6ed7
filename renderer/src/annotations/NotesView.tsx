import { useId, useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import type { Annotation, AnnotationFilter, AnnotationSort, HighlightColor } from '../../../main/common/contract';
import { HIGHLIGHT_COLORS } from '../../../main/common/contract/values';
import { queries } from '../api/queries';
import { AnnotationCard } from './AnnotationCard';
import { colorName, deleteWithUndo, quoteOf } from './model';
import { FilterChips } from '../sidebar/FilterChips';
import { useFilteredIds } from '../sidebar/useFilteredIds';
import './annotations.css';
import { plural } from '../app/plural';

const SORTS: Record<AnnotationSort, string> = { position: 'Document and position', newest: 'Newest first', oldest: 'Oldest first' };

/** Lower case without accents, for matching what was typed. */
const fold = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Whether every word of the query is in the annotation's note, quote, tags or document title. */
function matches(annotation: Annotation, title: string, words: string[]): boolean {
  const haystack = fold([annotation.note, quoteOf(annotation), annotation.tags.join(' '), title].join('\n'));
  return words.every((word) => haystack.includes(word));
}

/**
 * Every annotation of the library, filtered by document, tag and colour
 * (kept in the address, so a filtered list can be linked to), sorted by
 * position or date, and narrowed by the words typed.
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
  const navigate = useNavigate();
  const ids = { doc: useId(), tag: useId(), entity: useId(), colour: useId(), sort: useId(), search: useId() };

  const titles = useMemo(() => new Map(docs.data?.map((d) => [d.id, d.title])), [docs.data]);
  const titleOf = (docId: string) => titles.get(docId) ?? 'A removed document';
  const words = fold(query).split(/\s+/).filter(Boolean);
  const all = list.data ?? [];
  // The sidebar's entities and tags narrow the list too.
  const narrowed = useFilteredIds('annotations');
  const shown = (words.length > 0 ? all.filter((a) => matches(a, titleOf(a.docId), words)) : all).filter((a) => narrowed.keeps(a.id));
  const filtered = Boolean(filter.docId || filter.tag || filter.color || words.length > 0 || narrowed.active);

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
          <input id={ids.search} type="search" value={query} placeholder="Words in notes, quotes, tags" onChange={(e) => setQuery(e.target.value)} />
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
      {list.isSuccess && shown.length === 0 && (
        <div className="nv-empty">
          {filtered ? (
            <>
              <p>No annotation matches {words.length > 0 ? `“${query.trim()}” with ` : ''}these filters.</p>
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
            <AnnotationCard
              annotation={annotation}
              onOpen={() => void navigate(`/doc/${annotation.docId}?annotation=${annotation.id}`)}
              openLabel={`Open “${quoteOf(annotation).slice(0, 60)}” in ${titleOf(annotation.docId)}`}
              context={<p className="ac-doc">{titleOf(annotation.docId)}</p>}
              actions={
                <button type="button" onClick={() => deleteWithUndo(annotation).catch((error: Error) => setProblem(error.message))}>
                  Delete
                </button>
              }
            />
          </li>
        ))}
      </ol>
    </section>
  );
}

const count = (n: number): string => plural(n, 'annotation');
