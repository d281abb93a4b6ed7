import { useEffect, useId, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import type { SearchResult } from '../../../main/common/contract';
import { api } from '../api/client';
import { formatDate } from '../app/format';
import { Highlighted } from './Highlighted';

interface Option {
  docId: string;
  block: number;
}

const readerLink = (option: Option, query: string) => `/doc/${option.docId}?q=${encodeURIComponent(query)}&block=${option.block}`;

/** The header search: results as you type, arrows to move, Enter to open, Esc to close. */
export function SearchBox() {
  const [query, setQuery] = useState('');
  const [result, setResult] = useState<SearchResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const navigate = useNavigate();
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);
  const options: Option[] = result?.groups.flatMap((g) => g.hits.map((h) => ({ docId: g.docId, block: h.blockIndex }))) ?? [];

  useEffect(() => {
    if (!query.trim()) {
      setResult(null);
      return;
    }
    let current = true;
    api.search({ q: query }).then(
      (answer) => {
        if (!current) return;
        setResult(answer);
        setError(null);
        setActive(0);
      },
      (failure: Error) => current && setError(failure.message),
    );
    return () => {
      current = false;
    };
  }, [query]);

  const choose = (option: Option | undefined) => {
    if (!option) return;
    setOpen(false);
    input.current?.blur();
    void navigate(readerLink(option, query));
  };

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (options.length === 0 ? 0 : (i + step + options.length) % options.length));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      choose(options[active]);
    } else if (event.key === 'Escape') {
      setOpen(false);
    }
  };

  let optionIndex = -1;
  const showPanel = open && query.trim() !== '' && (result !== null || error !== null);
  return (
    <div className="search" role="search">
      <input
        ref={input}
        type="search"
        aria-label="Search"
        placeholder="Search the library"
        value={query}
        autoComplete="off"
        spellCheck={false}
        aria-controls={listId}
        aria-expanded={showPanel}
        aria-activedescendant={showPanel && options.length > 0 ? `${listId}-${active}` : undefined}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKeyDown}
      />
      {showPanel && (
        <div className="search-panel">
          {error && <p className="search-empty" role="alert">{error}</p>}
          {result && result.groups.length === 0 && (
            <p className="search-empty">No passage matches “{query}”. Check the spelling, or try fewer words.</p>
          )}
          {result && result.groups.length > 0 && (
            <ul id={listId} role="listbox" aria-label="Search results" className="search-results">
              {result.groups.map((group) => (
                <li key={group.docId} role="presentation" className="search-group">
                  <div className="search-group-title" role="presentation">
                    <span className="search-doc-title">{group.title}</span>
                    <span className="search-doc-date">{formatDate(group.date)}</span>
                  </div>
                  <ul role="group" aria-label={group.title}>
                    {group.hits.map((hit) => {
                      optionIndex += 1;
                      const index = optionIndex;
                      return (
                        <li
                          key={hit.blockIndex}
                          id={`${listId}-${index}`}
                          role="option"
                          aria-selected={index === active}
                          className="search-hit"
                          onMouseDown={(e) => e.preventDefault()}
                          onMouseEnter={() => setActive(index)}
                          onClick={() => choose({ docId: group.docId, block: hit.blockIndex })}
                        >
                          <Highlighted snippet={hit.snippet} />
                        </li>
                      );
                    })}
                  </ul>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
