import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createHashRouter, RouterProvider } from 'react-router';
import { QueryClientProvider } from '@tanstack/react-query';
import { queryClient } from './api/cache';
import { Layout } from './app/Layout';
import { LibraryView } from './library/LibraryView';
import { TrashView } from './library/TrashView';
import { ReaderView } from './reader/ReaderView';
import { SplitView } from './split/SplitView';
import { NotFound } from './app/NotFound';
import { NotesView } from './annotations/NotesView';
import { EntitiesView } from './entities/EntitiesView';
import { EntityPage } from './entities/EntityPage';
import { SuggestionsView } from './entities/SuggestionsView';
import { TagsView } from './tags/TagsView';
import { SettingsProvider } from './theme/settings';
import { OpenPassage } from './io/OpenPassage';
import './styles.css';

// Hash routes work the same from file:// (Electron) and http:// (web mode).
const router = createHashRouter([
  {
    path: '/',
    element: <Layout />,
    children: [
      { index: true, element: <LibraryView /> },
      { path: 'doc/:id', element: <ReaderView /> },
      { path: 'split/:left/:right?', element: <SplitView /> },
      { path: 'open/:id', element: <OpenPassage /> },
      { path: 'notes', element: <NotesView /> },
      { path: 'entities', element: <EntitiesView /> },
      { path: 'entities/suggestions', element: <SuggestionsView /> },
      { path: 'entity/:id', element: <EntityPage /> },
      { path: 'tags', element: <TagsView /> },
      { path: 'trash', element: <TrashView /> },
      { path: '*', element: <NotFound /> },
    ],
  },
]);

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <SettingsProvider>
        <RouterProvider router={router} />
      </SettingsProvider>
    </QueryClientProvider>
  </StrictMode>,
);
