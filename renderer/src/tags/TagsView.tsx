import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import type { TagInfo } from '../../../main/common/contract';
import { queries } from '../api/queries';
import { plural } from '../app/plural';
import { deleteTag, renameTag } from './actions';
import { describeCount, tagTree, type TagNode } from './tree';
import './tags.css';

/** Every tag as a tree, each with what carries it; renamed, merged (rename onto an existing tag) and deleted here, each with Undo. */
export function TagsView() {
  const tags = useQuery(queries.tags());
  const all = tags.data ?? [];
  return (
    <section className="tags-view" aria-labelledby="tags-title">
      <div className="view-header">
        <h1 id="tags-title">Tags</h1>
        <p className="view-meta">{tags.isSuccess ? `${plural(all.filter((t) => t.used).length, 'tag')} in use` : ''}</p>
      </div>
      <p className="ent-intro">
        Tags label documents and notes; a <code>/</code> makes levels (<code>operators/china</code> sits under <code>operators</code>). Renaming a tag onto one that exists merges the two.
      </p>
      {tags.isError && (
        <p role="alert" className="notice notice-error">
          {tags.error.message}
        </p>
      )}
      {tags.isSuccess && all.length === 0 && <p className="ent-empty">No tags yet. Add one under a document’s title, or to a note.</p>}
      <TagRows nodes={tagTree(all)} all={all} />
    </section>
  );
}

function TagRows({ nodes, all }: { nodes: TagNode[]; all: TagInfo[] }) {
  if (nodes.length === 0) return null;
  return (
    <ul className="tag-rows">
      {nodes.map((node) => (
        <li key={node.tag}>
          <TagRow node={node} all={all} />
          <TagRows nodes={node.children} all={all} />
        </li>
      ))}
    </ul>
  );
}

type Mode = 'view' | 'rename' | 'delete';

function TagRow({ node, all }: { node: TagNode; all: TagInfo[] }) {
  const [mode, setMode] = useState<Mode>('view');
  const [problem, setProblem] = useState<string | null>(null);

  const run = async (change: () => Promise<void>) => {
    setProblem(null);
    try {
      await change();
      setMode('view');
    } catch (error) {
      setProblem((error as Error).message);
    }
  };

  return (
    <div className="tag-row" style={{ marginLeft: `${node.depth * 20}px` }}>
      {mode === 'rename' ? (
        <RenameForm node={node} all={all} onCancel={() => setMode('view')} onRename={(to, merging) => void run(() => renameTag(node.tag, to, merging))} />
      ) : (
        <>
          <Link className="tag-name" to={`/?tag=${encodeURIComponent(node.tag)}`} title="Show what carries it in the library">
            <span className="tag-hash" aria-hidden="true">
              #
            </span>
            {node.tag}
          </Link>
          <span className="tag-count">{describeCount(node)}</span>
          {mode === 'delete' ? (
            <span className="tag-confirm" role="group" aria-label={`Delete ${node.tag}`}>
              <span>Remove it from {describeCount(node)}? They stay.</span>
              <button type="button" className="ent-btn ent-btn-danger" onClick={() => void run(() => deleteTag(node.tag))}>
                Delete tag
              </button>
              <button type="button" className="ent-btn" onClick={() => setMode('view')}>
                Cancel
              </button>
            </span>
          ) : (
            <span className="tag-actions">
              <button type="button" className="ent-btn" aria-label={`Rename ${node.tag}`} onClick={() => setMode('rename')}>
                Rename…
              </button>
              <button type="button" className="ent-btn ent-btn-quiet" aria-label={`Delete ${node.tag}`} onClick={() => setMode('delete')}>
                Delete…
              </button>
            </span>
          )}
        </>
      )}
      {problem && (
        <p className="ent-problem" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}

function RenameForm({ node, all, onCancel, onRename }: { node: TagNode; all: TagInfo[]; onCancel: () => void; onRename: (to: string, merging: boolean) => void }) {
  const listId = useId();
  const [to, setTo] = useState(node.tag);
  const target = to.trim();
  const merging = target !== node.tag && all.some((t) => t.tag === target);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (target && target !== node.tag) onRename(target, merging);
  };
  return (
    <form className="tag-rename" onSubmit={submit}>
      <input aria-label={`New name for ${node.tag}`} value={to} list={listId} autoFocus spellCheck={false} onChange={(event) => setTo(event.target.value)} onKeyDown={(event) => event.key === 'Escape' && onCancel()} />
      <datalist id={listId}>
        {all
          .filter((t) => t.tag !== node.tag)
          .map((t) => (
            <option key={t.tag} value={t.tag} />
          ))}
      </datalist>
      <button type="submit" className="ent-btn ent-btn-primary" disabled={!target || target === node.tag}>
        {merging ? `Merge into ${target}` : 'Rename'}
      </button>
      <button type="button" className="ent-btn" onClick={onCancel}>
        Cancel
      </button>
    </form>
  );
}
