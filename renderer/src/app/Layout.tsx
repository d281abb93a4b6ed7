import { useRef } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { queries } from '../api/queries';
import { SearchBox } from '../search/SearchBox';
import { HeaderTools, SkipLink, WindowLayer } from './Shell';
import { IoLayer } from '../io/IoLayer';
import { UndoLayer } from './UndoLayer';
import { Sidebar } from '../sidebar/Sidebar';
import { OpenBesideClicks } from '../split/OpenBeside';
import { DocumentsLayer } from '../library/DocumentsLayer';
import { useStartNotice } from './session';

/** The filter of the library or the Notes view (`?entity=…&tag=…`), carried from one to the other. */
function useCarriedFilter(): string {
  const { pathname, search } = useLocation();
  if (pathname !== '/' && pathname !== '/notes') return '';
  const params = new URLSearchParams(search);
  const kept = new URLSearchParams([...params.getAll('entity').map((id) => ['entity', id]), ...params.getAll('tag').map((tag) => ['tag', tag])]);
  return kept.size > 0 ? `?${kept.toString()}` : '';
}

/** The window: header with navigation and search, notices from the core, and the current view. */
export function Layout() {
  const status = useQuery(queries.status());
  const notices = status.data?.notices ?? [];
  const main = useRef<HTMLElement>(null);
  const [startNotice, dismissStartNotice] = useStartNotice();
  const filter = useCarriedFilter();
  return (
    <div className="app">
      <SkipLink />
      <header className="app-header">
        <NavLink to="/" className="brand" aria-label="Dossier, go to the library">
          Dossier
        </NavLink>
        <nav aria-label="Main" className="main-nav">
          <NavLink to={`/${filter}`} end>
            Library
          </NavLink>
          <NavLink to={`/notes${filter}`}>Notes</NavLink>
          <NavLink to="/entities">Entities</NavLink>
          <NavLink to="/tags">Tags</NavLink>
        </nav>
        <SearchBox />
        <HeaderTools />
      </header>
      {notices.length > 0 && (
        <div className="notices" role="status">
          {notices.map((notice) => (
            <p key={notice.message} className={`notice notice-${notice.level}`}>
              {notice.message}
            </p>
          ))}
        </div>
      )}
      {startNotice && (
        <div className="notices" role="status">
          <p className="notice notice-info notice-dismissable">
            {startNotice}
            <button type="button" onClick={dismissStartNotice}>
              Dismiss
            </button>
          </p>
        </div>
      )}
      {status.isError && (
        <p className="notice notice-error" role="alert">
          {status.error.message}
        </p>
      )}
      <div className="app-body">
        <Sidebar />
        <main id="main" ref={main} tabIndex={-1} className="app-main">
          <Outlet />
        </main>
      </div>
      <WindowLayer main={main} />
      <IoLayer />
      <UndoLayer />
      <OpenBesideClicks />
      <DocumentsLayer />
    </div>
  );
}
