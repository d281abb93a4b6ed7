import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createHashRouter, RouterProvider } from 'react-router';
import { Layout } from './app/Layout';
import { LibraryView } from './library/LibraryView';
import { ReaderView } from './reader/ReaderView';
import { NotFound } from './app/NotFound';
import './styles.css';

// Hash routes work the same from file:// (Electron) and http:// (web mode).
const router = createHashRouter([
  {
    path: '/',
    element: <Layout />,
    children: [
      { index: true, element: <LibraryView /> },
      { path: 'doc/:id', element: <ReaderView /> },
      { path: '*', element: <NotFound /> },
    ],
  },
]);

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <RouterProvider router={router} />
  </StrictMode>,
);
