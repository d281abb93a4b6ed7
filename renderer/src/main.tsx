import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createHashRouter, RouterProvider } from 'react-router';
import { QueryClientProvider } from '@tanstack/react-query';
import { queryClient } from './api/cache';
import { Layout } from './app/Layout';
import { LibraryView } from './library/LibraryView';
import { NotFound } from './app/NotFound';
import { SettingsProvider } from './theme/settings';
import './styles.css';

/*
 * The library is drawn from the first file; every other view comes in a
 * file of its own, fetched when it is first opened (the reader's once the
 * library is on screen, as it is the one opened next).
 */
const reader = () => import('./reader/ReaderView');
const view = <M,>(load: () => Promise<M>, pick: (module: M) => () => React.ReactNode) => async () => ({ Component: pick(await load()) });

// Hash routes work the same from file:// (Electron) and http:// (web mode).
const router = createHashRouter([
  {
    path: '/',
    element: <Layout />,
    children: [
      { index: true, element: <LibraryView /> },
      { path: 'doc/:id', lazy: view(reader, (m) => m.ReaderView) },
      { path: 'split/:left/:right?', lazy: view(() => import('./split/SplitView'), (m) => m.SplitView) },
      { path: 'open/:id', lazy: view(() => import('./io/OpenPassage'), (m) => m.OpenPassage) },
      { path: 'notes', lazy: view(() => import('./annotations/NotesView'), (m) => m.NotesView) },
      { path: 'entities', lazy: view(() => import('./entities/EntitiesView'), (m) => m.EntitiesView) },
      { path: 'entities/suggestions', lazy: view(() => import('./entities/SuggestionsView'), (m) => m.SuggestionsView) },
      { path: 'entity/:id', lazy: view(() => import('./entities/EntityPage'), (m) => m.EntityPage) },
      { path: 'tags', lazy: view(() => import('./tags/TagsView'), (m) => m.TagsView) },
      { path: 'trash', lazy: view(() => import('./library/TrashView'), (m) => m.TrashView) },
      { path: '*', element: <NotFound /> },
    ],
  },
]);

// Fetched while the person looks at the library, so that opening a document waits for nothing but its blocks.
requestIdleCallback(() => void reader(), { timeout: 3000 });

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <SettingsProvider>
        <RouterProvider router={router} />
      </SettingsProvider>
    </QueryClientProvider>
  </StrictMode>,
);
