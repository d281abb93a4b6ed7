import { Link } from 'react-router';
import './tags.css';

/** A document's tags as small links to the library filtered by each; nothing when it has none. */
export function DocumentTagList({ tags }: { tags: readonly string[] }) {
  if (tags.length === 0) return null;
  return (
    <ul className="ent-chips doc-tag-list" aria-label="Tags">
      {tags.map((tag) => (
        <li key={tag} className="ent-chip ent-tag">
          <Link to={`/?tag=${encodeURIComponent(tag)}`}>
            <span className="tag-hash" aria-hidden="true">
              #
            </span>
            {tag}
          </Link>
        </li>
      ))}
    </ul>
  );
}
