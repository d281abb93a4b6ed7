import { NavLink, Outlet } from 'react-router';
import { api } from '../api/client';
import { useApi } from '../api/useApi';
import { SearchBox } from '../search/SearchBox';

/** The window: header with navigation and search, notices from the core, and the current view. */
export function Layout() {
  const [status] = useApi(() => api.getStatus(), []);
  const notices = status.state === 'ready' ? status.value.notices : [];
  return (
    <div className="app">
      <header className="app-header">
        <NavLink to="/" className="brand" aria-label="Dossier, go to the library">
          Dossier
        </NavLink>
        <nav aria-label="Main" className="main-nav">
          <NavLink to="/" end>
            Library
          </NavLink>
        </nav>
        <SearchBox />
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
      {status.state === 'error' && (
        <p className="notice notice-error" role="alert">
          {status.error.message}
        </p>
      )}
      <main className="app-main">
        <Outlet />
      </main>
    </div>
  );
}
