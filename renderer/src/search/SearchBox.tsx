import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useLocation, useMatch, useNavigate } from 'react-router';
import { shortcutLabel } from '../commands/keymap';
import { useCommands } from '../commands/registry';
import { FilterBar } from './FilterBar';
import { withFilter, withoutChip } from './queryText';
import { optionsOf, SearchResults } from './SearchResults';
import { useSearch } from './useSearch';
import { besideLink } from '../split/routes';
import './search.css';
import { plural } from '../app/plural';

/** Documents listed per keystroke: what fits the panel; the rest is a refinement away. */
const RESULTS = 10;

/** Enter pressed before the results of the query typed had arrived: its top result opens when they do. */
interface WaitingEnter {
  query: string;
  beside: boolean;
}

/**
 * The header search, also reached with Ctrl/⌘+K from anywhere: results as
 * you type (entities, then documents with their best passages and notes),
 * filters as chips, arrows to move, Enter to open, Esc to close.
 */
export function SearchBox() {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const [waiting, setWaiting] = useState<WaitingEnter | null>(null);
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const reading = useMatch('/doc/:id');
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const { result, current, error } = useSearch(query, RESULTS);
  const options = useMemo(() => optionsOf(result), [result]);

  useCommands(
    () => [
      {
        id: 'search.focus',
        title: 'Search the library',
        group: 'Go',
        keywords: ['find', 'look up'],
        run: () => {
          setOpen(true);
          input.current?.focus();
          input.current?.select();
        },
      },
    ],
    [],
  );

  // The option the arrows moved to stays in view as the panel scrolls.
  useEffect(() => {
    document.getElementById(`${listId}-${active}`)?.scrollIntoView({ block: 'nearest' });
  }, [listId, active]);

  const change = (next: string) => {
    setQuery(next);
    setActive(0);
    setOpen(true);
    setWaiting(null);
  };

  const choose = useCallback(
    (index: number, beside = false) => {
      const option = options[index];
      if (!option) return;
      setOpen(false);
      input.current?.blur();
      void navigate((beside && besideLink(pathname, option.link)) || option.link);
    },
    [options, navigate, pathname],
  );

  // Only the answer to exactly the text Enter was pressed on opens: typing on, Esc or leaving the box forgets the Enter.
  useEffect(() => {
    if (!waiting || waiting.query !== query || !(current || error)) return;
    setWaiting(null);
    if (current) choose(0, waiting.beside);
  }, [waiting, query, current, error, choose]);

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (options.length === 0 ? 0 : (i + step + options.length) % options.length));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const beside = event.ctrlKey || event.metaKey;
      if (current) choose(active, beside);
      else if (query.trim()) setWaiting({ query, beside });
    } else if (event.key === 'Escape') {
      // The first Esc closes the results, the next one clears the box.
      event.preventDefault();
      setWaiting(null);
      if (open && query) setOpen(false);
      else change('');
    }
  };

  const showPanel = open && query.trim() !== '' && (result !== null || error !== null);
  const empty = result !== null && result.groups.length === 0 && result.entities.length === 0;
  return (
    <div
      ref={box}
      className="search"
      role="search"
      onBlur={(e) => {
        if (box.current?.contains(e.relatedTarget)) return;
        setOpen(false);
        setWaiting(null);
      }}
    >
      <input
        ref={input}
        type="search"
        aria-label="Search"
        placeholder="Search the library"
        value={query}
        autoComplete="off"
        spellCheck={false}
        aria-controls={showPanel && options.length > 0 ? listId : undefined}
        aria-activedescendant={showPanel && options.length > 0 ? `${listId}-${active}` : undefined}
        aria-describedby={`${listId}-hint`}
        onChange={(e) => change(e.target.value)}
        onFocus={() => setOpen(true)}
        onKeyDown={onKeyDown}
      />
      <kbd id={`${listId}-hint`} className="search-shortcut">
        {shortcutLabel('search.focus')}
      </kbd>
      {showPanel && (
        <div className="search-panel" data-search-query={result?.query}>
          <FilterBar
            chips={result?.chips ?? []}
            docId={reading?.params.id ?? null}
            onAdd={(token) => {
              change(withFilter(query, token));
              input.current?.focus();
            }}
            onRemove={(chip) => {
              change(withoutChip(query, chip));
              input.current?.focus();
            }}
          />
          {error && (
            <p className="search-empty" role="alert">
              {error}
            </p>
          )}
          {result?.problems.map((problem) => (
            <p key={problem} className="search-problem" role="alert">
              {problem}
            </p>
          ))}
          {result?.indexing && (
            <p className="search-status" role="status">
              Indexing the library: {result.indexing.done.toLocaleString()} of {result.indexing.total.toLocaleString()} documents. Results are incomplete until it is done.
            </p>
          )}
          {empty && result.problems.length === 0 && <p className="search-empty">No passage matches “{query.trim()}”. Check the spelling, or try fewer words.</p>}
          {result && !empty && <SearchResults result={result} listId={listId} active={active} onHover={setActive} onChoose={choose} />}
          {result && !empty && (
            <p className="search-footer">
              <span>
                {plural(result.total, 'document')}
                {result.approximate && ', best matches first'}
                {result.total > result.groups.length && ` · showing ${result.groups.length}`}
              </span>
              <span aria-hidden="true">↑↓ move · Enter open · Esc close</span>
            </p>
          )}
        </div>
      )}
    </div>
  );
}
