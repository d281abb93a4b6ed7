import { useId, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { tagProblem } from '../../../main/common/contract/values';
import { queries } from '../api/queries';

interface Props {
  /** Tags already on the item: not offered again. */
  current: readonly string[];
  onAdd: (tag: string) => void;
  label?: string;
  busy?: boolean;
}

/**
 * A field that adds a tag: the tags in use are offered as you type
 * (`operators/china` for "chi"); a new one is made by typing it, with `/`
 * between levels. Enter adds; a tag that cannot be one is refused here,
 * saying why, before anything is sent.
 */
export function TagInput({ current, onAdd, label = 'Add a tag', busy = false }: Props) {
  const listId = useId();
  const refusalId = useId();
  const [draft, setDraft] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  const known = useQuery(queries.tags());
  const offered = known.data?.filter((t) => t.used && !current.includes(t.tag)) ?? [];
  const add = () => {
    const tag = draft.trim();
    if (!tag) return;
    const problem = tagProblem(tag);
    setRefusal(problem);
    if (problem) return;
    onAdd(tag);
    setDraft('');
  };
  return (
    <>
      <span className="tag-input">
        <input
          aria-label={label}
          placeholder="Add a tag…"
          list={listId}
          value={draft}
          disabled={busy}
          spellCheck={false}
          autoComplete="off"
          aria-invalid={refusal !== null}
          aria-describedby={refusal ? refusalId : undefined}
          onChange={(event) => {
            setDraft(event.target.value);
            setRefusal(null);
          }}
          onKeyDown={(event) => {
            if (event.key !== 'Enter') return;
            event.preventDefault();
            add();
          }}
        />
        <datalist id={listId}>
          {offered.map((t) => (
            <option key={t.tag} value={t.tag} />
          ))}
        </datalist>
      </span>
      {refusal && (
        <p id={refusalId} className="ent-problem" role="alert">
          {refusal}
        </p>
      )}
    </>
  );
}
