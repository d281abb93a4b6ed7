import { Link } from 'react-router';

/** Shown for an address Dossier does not know, e.g. a stale deep link. */
export function NotFound() {
  return (
    <section className="empty-state" aria-labelledby="not-found-title">
      <h1 id="not-found-title">Nothing here</h1>
      <p>This link does not lead to anything in your library.</p>
      <Link to="/">Back to the library</Link>
    </section>
  );
}
