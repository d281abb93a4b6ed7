import { useQuery } from '@tanstack/react-query';
import { queries } from '../api/queries';
import { useFilter } from './filter';
import './sidebar.css';

/** The current filter as removable chips above a filtered list; nothing when no filter is set. */
export function FilterChips() {
  const filter = useFilter();
  const entities = useQuery(queries.entities());
  if (!filter.active) return null;
  const byId = new Map(entities.data?.map((e) => [e.id, e]));
  return (
    <div className="filter-chips" role="group" aria-label="Current filter">
      <span className="filter-label">Filtered by</span>
      <ul className="ent-chips">
        {filter.entities.map((id) => {
          const entity = byId.get(id);
          const name = entity?.name ?? (entities.isSuccess ? 'a deleted entity' : '…');
          return (
            <li key={`e:${id}`} className={`ent-chip filter-chip ${entity ? `entity-type-${entity.type}` : ''}`}>
              <span className="type-dot" aria-hidden="true" />
              <span>{name}</span>
              <button type="button" className="ent-chip-remove" aria-label={`Remove filter ${name}`} onClick={() => filter.remove('entity', id)}>
                ×
              </button>
            </li>
          );
        })}
        {filter.tags.map((tag) => (
          <li key={`t:${tag}`} className="ent-chip filter-chip ent-tag">
            <span>
              <span className="tag-hash" aria-hidden="true">
                #
              </span>
              {tag}
            </span>
            <button type="button" className="ent-chip-remove" aria-label={`Remove filter ${tag}`} onClick={() => filter.remove('tag', tag)}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="ent-link-button" onClick={filter.clear}>
        Clear filter
      </button>
    </div>
  );
}
