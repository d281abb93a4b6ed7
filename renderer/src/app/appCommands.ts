import { useLocation, useNavigate } from 'react-router';
import type { ThemeSetting } from '../../../main/common/contract';
import { DEFAULT_SETTINGS, FONT_SIZES } from '../../../main/common/contract/values';
import { useCommands, type Command } from '../commands/registry';
import { useReaderSettings } from '../reader/settings';
import { useSettings } from '../theme/settings';

/** The dialogs the window itself opens. */
export type DialogName = 'palette' | 'shortcuts' | 'data' | 'about';

const THEMES: Array<{ id: ThemeSetting; title: string; keywords: string[] }> = [
  { id: 'light', title: 'Use the light theme', keywords: ['appearance', 'day', 'colour'] },
  { id: 'dark', title: 'Use the dark theme', keywords: ['appearance', 'night', 'colour', 'dark mode'] },
  { id: 'system', title: 'Follow the system theme', keywords: ['appearance', 'automatic', 'os', 'colour'] },
];

/** react-router numbers its history entries; 0 is where this window started. */
const canGoBack = () => ((window.history.state as { idx?: number } | null)?.idx ?? 0) > 0;

/** The commands of the window itself: dialogs, navigation, theme, sidebar and text size. */
export function useAppCommands(open: (dialog: DialogName) => void): void {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const { settings, update } = useSettings();
  const sidebar = settings.sidebar !== false;
  const [reader, updateReader] = useReaderSettings();
  const reading = pathname.startsWith('/doc/');
  const fontSize = reader.fontSize;

  useCommands(
    (): Command[] => [
      { id: 'palette.open', title: 'Show all commands', group: 'Help', keywords: ['command palette'], run: () => open('palette') },
      { id: 'help.shortcuts', title: 'Show keyboard shortcuts', group: 'Help', keywords: ['keys', 'help'], run: () => open('shortcuts') },
      { id: 'help.data', title: 'Show where my data is', group: 'Help', keywords: ['folder', 'files', 'backup', 'location'], run: () => open('data') },
      { id: 'help.about', title: 'About Dossier', group: 'Help', keywords: ['version'], run: () => open('about') },
      { id: 'go.library', title: 'Go to Library', group: 'Go', keywords: ['documents', 'home'], run: () => void navigate('/') },
      { id: 'go.notes', title: 'Go to Notes', group: 'Go', keywords: ['highlights', 'annotations'], run: () => void navigate('/notes') },
      { id: 'go.back', title: 'Go back', group: 'Go', enabled: canGoBack, run: () => void navigate(-1) },
      { id: 'go.forward', title: 'Go forward', group: 'Go', run: () => void navigate(1) },
      {
        id: 'view.sidebar',
        title: sidebar ? 'Hide the sidebar' : 'Show the sidebar',
        group: 'View',
        keywords: ['toggle', 'entities', 'tags', 'panel'],
        run: () => update({ sidebar: !sidebar }),
      },
      ...THEMES.map(({ id, title, keywords }) => ({ id: `theme.${id}`, title, group: 'View', keywords, run: () => update({ theme: id }) })),
      {
        id: 'text.larger',
        title: 'Make text larger',
        group: 'View',
        keywords: ['font size', 'zoom in', 'bigger'],
        enabled: () => reading && fontSize < FONT_SIZES.max,
        run: () => updateReader({ fontSize: fontSize + 1 }),
      },
      {
        id: 'text.smaller',
        title: 'Make text smaller',
        group: 'View',
        keywords: ['font size', 'zoom out'],
        enabled: () => reading && fontSize > FONT_SIZES.min,
        run: () => updateReader({ fontSize: fontSize - 1 }),
      },
      {
        id: 'text.reset',
        title: 'Reset text size',
        group: 'View',
        keywords: ['font size', 'actual size', 'default'],
        enabled: () => reading && fontSize !== DEFAULT_SETTINGS.reader.fontSize,
        run: () => updateReader({ fontSize: DEFAULT_SETTINGS.reader.fontSize }),
      },
    ],
    [open, navigate, update, updateReader, reading, fontSize, sidebar],
  );
}
