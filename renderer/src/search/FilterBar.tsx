import { useQuery } from '@tanstack/react-query';
import type { EntityType, QueryChip, TagInfo } from '../../../main/common/contract';
import { queries } from '../api/queries';
import { useEntityTypes } from '../entities/useEntityData';
import { chipLabel, filterToken } from './queryText';

interface Props {
  chips: readonly QueryChip[];
  /** The document open in the reader, to offer "in this document". */
  docId: string | null;
  onAdd: (token: string) => void;
  onRemove: (chip: QueryChip) => void;
}

interface Choice {
  label: string;
  token: string;
}

/** The filters a person can pick instead of typing them. */
function choices(types: EntityType[], tags: TagInfo[], docId: string | null): Array<{ group: string; items: Choice[] }> {
  const year = new Date().getFullYear();
  return [
    {
      group: 'Show only',
      items: [
        { label: 'Notes', token: 'is:note' },
        { label: 'Passages', token: 'is:passage' },
        { label: 'Entities', token: 'is:entity' },
        ...(docId ? [{ label: 'This document', token: filterToken('in', docId) }] : []),
      ],
    },
    {
      group: 'Dated',
      items: [
        { label: `This year (${year})`, token: `after:${year}` },
        { label: `Last year (${year - 1})`, token: `after:${year - 1} before:${year}` },
        { label: `Before ${year - 1}`, token: `before:${year - 1}` },
      ],
    },
    { group: 'Mentions an entity of type', items: types.map((t) => ({ label: t.name, token: filterToken('type', t.name.toLowerCase()) })) },
    { group: 'Tagged', items: tags.filter((t) => t.used).map((t) => ({ label: t.tag, token: filterToken('tag', t.tag) })) },
  ].filter((g) => g.items.length > 0);
}

/**
 * The filters of the query as chips, each removable, and a menu to add one.
 * A chip stands for text in the box (tag:…, after:…); removing it removes
 * that text, adding one types it in front.
 */
export function FilterBar({ chips, docId, onAdd, onRemove }: Props) {
  // Offering filters is a convenience: while these lists are not known (or cannot be read), the menu simply has fewer entries.
  const types = useEntityTypes();
  const tags = useQuery(queries.tags()).data ?? [];
  const groups = choices(types, tags, docId);
  return (
    <div className="search-filters" role="group" aria-label="Filters">
      {chips.map((chip) => {
        const { key, value } = chipLabel(chip);
        return (
          <span key={`${chip.from}-${chip.key}`} className={`search-chip${chip.valid ? '' : ' search-chip-invalid'}`}>
            <span className="search-chip-key">{key}:</span> {value}
            <button type="button" className="search-chip-remove" aria-label={`Remove the filter ${key}: ${value}`} onClick={() => onRemove(chip)}>
              ×
            </button>
          </span>
        );
      })}
      <select
        className="search-add-filter"
        aria-label="Add a filter"
        value=""
        onChange={(e) => {
          if (e.target.value) onAdd(e.target.value);
        }}
      >
        <option value="">{chips.length > 0 ? '+ Filter' : 'Filter…'}</option>
        {groups.map((g) => (
          <optgroup key={g.group} label={g.group}>
            {g.items.map((item) => (
              <option key={item.token} value={item.token}>
                {item.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}
