import { useId, useState } from 'react';

interface Props {
  aliases: readonly string[];
  onChange: (aliases: string[]) => void;
  /** Disables the controls while a change is being saved. */
  busy?: boolean;
}

/** Aliases as removable chips, and a field to add one ("GSMA" = "Groupe Speciale Mobile Association"). */
export function AliasEditor({ aliases, onChange, busy = false }: Props) {
  const inputId = useId();
  const [draft, setDraft] = useState('');
  const add = () => {
    const alias = draft.replace(/\s+/g, ' ').trim();
    if (!alias) return;
    onChange([...aliases, alias]);
    setDraft('');
  };
  return (
    <div className="aliases">
      <label className="ent-field-label" htmlFor={inputId}>
        Aliases
      </label>
      {aliases.length > 0 && (
        <ul className="ent-chips" aria-label="Aliases">
          {aliases.map((alias) => (
            <li key={alias} className="ent-chip">
              <span>{alias}</span>
              <button type="button" className="ent-chip-remove" aria-label={`Remove alias ${alias}`} disabled={busy} onClick={() => onChange(aliases.filter((a) => a !== alias))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="alias-add">
        <input
          id={inputId}
          value={draft}
          placeholder="Another name for it, e.g. a long form"
          disabled={busy}
          spellCheck={false}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={(event) => {
            if (event.key !== 'Enter') return;
            event.preventDefault();
            add();
          }}
        />
        <button type="button" className="ent-btn" disabled={busy || !draft.trim()} onClick={add}>
          Add alias
        </button>
      </div>
    </div>
  );
}
