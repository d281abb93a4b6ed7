import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { queries } from '../api/queries';
import { setDocumentTags } from './changes';
import { TagInput } from './TagInput';
import './tags.css';

/** A document's tags under its title: each a link to the library filtered by it, removable, and a field to add one. */
export function DocumentTags({ docId }: { docId: string }) {
  const tags = useQuery(queries.tagsOf(docId));
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const current = tags.data ?? [];

  const save = async (next: string[]) => {
    setBusy(true);
    setProblem(null);
    try {
      await setDocumentTags(docId, next);
    } catch (error) {
      setProblem((error as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="document-tags">
      {current.length > 0 && (
        <ul className="ent-chips" aria-label="Document tags">
          {current.map((tag) => (
            <li key={tag} className="ent-chip ent-tag">
              <Link to={`/?tag=${encodeURIComponent(tag)}`} title={`Show the documents tagged ${tag}`}>
                {tag}
              </Link>
              <button type="button" className="ent-chip-remove" aria-label={`Remove tag ${tag}`} disabled={busy} onClick={() => void save(current.filter((t) => t !== tag))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <TagInput current={current} busy={busy} label="Tag this document" onAdd={(tag) => void save([...current, tag])} />
      {problem && (
        <p className="ent-problem" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
