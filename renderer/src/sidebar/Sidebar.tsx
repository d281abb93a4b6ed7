import { useState } from 'react';
import { Link, NavLink, useNavigate } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import type { EntitySummary, EntityType } from '../../../main/common/contract';
import { queries } from '../api/queries';
import { useCommands } from '../commands/registry';
import { TypeStyles } from '../entities/TypeStyles';
import { useEntityTypes } from '../entities/useEntityData';
import { describeCount, tagTree, type TagNode } from '../tags/tree';
import { useFilter, type FilterState } from './filter';
import './sidebar.css';

/** Entities shown per type before "Show all". */
const SHOWN = 8;

/**
 * The navigation sidebar: entity types, each opening onto its entities with
 * their mention counts, and the tag tree with its counts. Choosing entities
 * and tags filters the library and the Notes view to what carries them all.
 */
export function Sidebar() {
  const types = useEntityTypes();
  const entities = useQuery(queries.entities());
  const tags = useQuery(queries.tags());
  const filter = useFilter();
  const navigate = useNavigate();

  useCommands(
    () => [
      { id: 'go.entities', title: 'Go to Entities', group: 'Go', keywords: ['people', 'organisations', 'places'], run: () => void navigate('/entities') },
      { id: 'go.suggestions', title: 'Review suggested entities', group: 'Go', keywords: ['ner', 'tag', 'names'], run: () => void navigate('/entities/suggestions') },
      { id: 'go.tags', title: 'Go to Tags', group: 'Go', keywords: ['labels', 'rename', 'merge'], run: () => void navigate('/tags') },
      { id: 'filter.clear', title: 'Clear the entity and tag filter', group: 'View', enabled: () => filter.active, run: filter.clear },
    ],
    [navigate, filter.active, filter.clear],
  );

  const all = entities.data ?? [];
  return (
    <aside className="sidebar" aria-label="Browse by entity and tag">
      <TypeStyles types={types} />
      <div className="sidebar-section" role="group" aria-labelledby="sidebar-entities">
        <div className="sidebar-heading">
          <h2 id="sidebar-entities">Entities</h2>
          <NavLink to="/entities" end className="sidebar-more">
            All
          </NavLink>
        </div>
        <ul className="sidebar-list">
          {types.map((type) => (
            <TypeGroup key={type.id} type={type} entities={all.filter((e) => e.type === type.id)} filter={filter} />
          ))}
        </ul>
        <NavLink to="/entities/suggestions" className="sidebar-link">
          Suggested entities
        </NavLink>
      </div>
      <div className="sidebar-section" role="group" aria-labelledby="sidebar-tags">
        <div className="sidebar-heading">
          <h2 id="sidebar-tags">Tags</h2>
          <NavLink to="/tags" className="sidebar-more">
            Manage
          </NavLink>
        </div>
        {tags.data?.length === 0 && <p className="sidebar-empty">Tag a document or a note and its tags appear here.</p>}
        {tags.data && <TagList nodes={tagTree(tags.data)} filter={filter} />}
      </div>
    </aside>
  );
}

function TypeGroup({ type, entities, filter }: { type: EntityType; entities: EntitySummary[]; filter: FilterState }) {
  const chosen = entities.some((e) => filter.has('entity', e.id));
  const [open, setOpen] = useState(chosen);
  const [everything, setEverything] = useState(false);
  const ranked = [...entities].sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name));
  const shown = everything ? ranked : ranked.slice(0, SHOWN);
  const listId = `sidebar-type-${type.id}`;
  return (
    <li className={`entity-type-${type.id}`}>
      <button type="button" className="sidebar-row type-row" aria-expanded={open || chosen} aria-controls={listId} onClick={() => setOpen(!(open || chosen))}>
        <span className="disclosure" aria-hidden="true" />
        <span className="type-dot" aria-hidden="true" />
        <span className="row-label">{type.name}</span>
        <Count value={entities.length} unit={entities.length === 1 ? 'entity' : 'entities'} />
      </button>
      {(open || chosen) && (
        <ul id={listId} className="sidebar-sublist">
          {entities.length === 0 && <li className="sidebar-empty">None yet</li>}
          {shown.map((entity) => (
            <li key={entity.id} className="entity-item">
              <button type="button" className="sidebar-row" aria-pressed={filter.has('entity', entity.id)} title={`Show what mentions ${entity.name}`} onClick={() => filter.toggle('entity', entity.id)}>
                <span className="row-label">{entity.name}</span>
                <Count value={entity.mentions} unit={entity.mentions === 1 ? 'mention' : 'mentions'} />
              </button>
              <Link to={`/entity/${entity.id}`} className="row-open" aria-label={`Open ${entity.name}`} title={`Open ${entity.name}`}>
                ›
              </Link>
            </li>
          ))}
          {ranked.length > SHOWN && (
            <li>
              <button type="button" className="ent-link-button sidebar-all" onClick={() => setEverything(!everything)}>
                {everything ? 'Show fewer' : `Show all ${ranked.length}`}
              </button>
            </li>
          )}
        </ul>
      )}
    </li>
  );
}

function TagList({ nodes, filter }: { nodes: TagNode[]; filter: FilterState }) {
  if (nodes.length === 0) return null;
  return (
    <ul className="sidebar-list tag-tree">
      {nodes.map((node) => (
        <li key={node.tag}>
          <button
            type="button"
            className="sidebar-row"
            style={{ paddingLeft: `${8 + node.depth * 14}px` }}
            aria-pressed={filter.has('tag', node.tag)}
            title={`Show what is tagged ${node.tag}`}
            onClick={() => filter.toggle('tag', node.tag)}
          >
            <span className="tag-hash" aria-hidden="true">
              #
            </span>
            <span className="row-label">{node.label}</span>
            <Count value={node.documents + node.annotations} unit={`(${describeCount(node)})`} />
          </button>
          <TagList nodes={node.children} filter={filter} />
        </li>
      ))}
    </ul>
  );
}

/** A count at the end of a row; screen readers hear what it counts. */
function Count({ value, unit }: { value: number; unit: string }) {
  return (
    <span className="row-count">
      {value}
      <span className="visually-hidden"> {unit}</span>
    </span>
  );
}
