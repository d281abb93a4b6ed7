import type { SearchResult } from '../../../main/common/contract';
import { formatDate } from '../app/format';
import { plainNoteSnippet } from '../annotations/snippet';
import { Highlighted } from './Highlighted';
import { wordsOf } from './queryText';

/** Something the results list offers, in the order the arrow keys go through them. */
export interface SearchOption {
  id: string;
  link: string;
}

/** Where each result leads: an entity to its page, a hit to its passage with the words highlighted. */
export function optionsOf(result: SearchResult | null): SearchOption[] {
  if (!result) return [];
  const words = encodeURIComponent(wordsOf(result.query, result.chips));
  return [
    ...result.entities.map((e) => ({ id: `entity-${e.id}`, link: `/entity/${e.id}` })),
    ...result.groups.flatMap((g) =>
      g.hits.map((h, i) => ({ id: `hit-${g.docId}-${i}`, link: `/doc/${g.docId}?q=${words}${h.blockIndex === null ? '' : `&block=${h.blockIndex}`}` })),
    ),
  ];
}

interface Props {
  result: SearchResult;
  listId: string;
  active: number;
  onHover: (index: number) => void;
  /** `beside`: Ctrl/Cmd was held, to open the result beside the document being read. */
  onChoose: (index: number, beside?: boolean) => void;
}

const KIND_LABEL = { passage: null, title: null, note: 'Note' } as const;

/**
 * The results: matching entities first, then documents, each with its best
 * passages; matched words marked. A listbox driven from the search box
 * (aria-activedescendant): the arrow keys never leave the box.
 */
export function SearchResults({ result, listId, active, onHover, onChoose }: Props) {
  let index = -1;
  const option = (content: React.ReactNode, label?: string) => {
    index += 1;
    const mine = index;
    return (
      <li
        key={mine}
        id={`${listId}-${mine}`}
        role="option"
        aria-selected={mine === active}
        aria-label={label}
        className="search-hit"
        onMouseDown={(e) => e.preventDefault()}
        onMouseEnter={() => onHover(mine)}
        onClick={(event) => onChoose(mine, event.ctrlKey || event.metaKey)}
      >
        {content}
      </li>
    );
  };
  return (
    <ul id={listId} role="listbox" aria-label="Search results" className="search-results">
      {result.entities.length > 0 && (
        <li role="presentation" className="search-group">
          <div className="search-group-title" role="presentation">
            <span className="search-doc-title">Entities</span>
          </div>
          <ul role="group" aria-label="Entities">
            {result.entities.map((e) =>
              option(
                <>
                  <span className="search-kind">{e.type}</span>
                  <Highlighted snippet={e.matched} />
                  {e.matched.text !== e.name && <span className="search-alias"> (alias of {e.name})</span>}
                </>,
                `${e.type}: ${e.matched.text}`,
              ),
            )}
          </ul>
        </li>
      )}
      {result.groups.map((group) => (
        <li key={group.docId} role="presentation" className="search-group">
          <div className="search-group-title" role="presentation">
            <span className="search-doc-title">
              <Highlighted snippet={{ text: group.title, highlights: group.titleHighlights }} />
            </span>
            <span className="search-doc-date">{formatDate(group.date)}</span>
          </div>
          <ul role="group" aria-label={group.title}>
            {group.hits.map((hit) =>
              option(
                <>
                  {KIND_LABEL[hit.kind] && <span className="search-kind">{KIND_LABEL[hit.kind]}</span>}
                  <Highlighted snippet={hit.kind === 'note' ? plainNoteSnippet(hit.snippet) : hit.snippet} />
                </>,
              ),
            )}
          </ul>
        </li>
      ))}
    </ul>
  );
}
