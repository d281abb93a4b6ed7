import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { useLocation } from 'react-router';
import { CommandPalette } from '../commands/CommandPalette';
import { commands, useCommandFailure } from '../commands/registry';
import { ShortcutsSheet } from '../commands/ShortcutsSheet';
import { currentPlatform, forPlatform, formatShortcut, toAriaKeyShortcut } from '../commands/shortcuts';
import { KEYMAP } from '../commands/keymap';
import { useGlobalShortcuts } from '../commands/useShortcuts';
import { ThemeSelect } from '../theme/ThemeSelect';
import { useSettings } from '../theme/settings';
import { AboutDialog, DataDialog } from './AboutDialogs';
import { useAppCommands, type DialogName } from './appCommands';
import { useSession } from './session';
import './shell.css';

/** The first stop of the Tab key: straight to the view, past the header. */
export function SkipLink() {
  return (
    <a
      className="skip-link"
      href="#main"
      // A hash link would be read as a route: move focus instead.
      onClick={(event) => {
        event.preventDefault();
        document.getElementById('main')?.focus();
      }}
    >
      Skip to content
    </a>
  );
}

/** The header's right end: every command, reachable without the keyboard, and the theme. */
export function HeaderTools() {
  const platform = currentPlatform();
  const [shortcut] = KEYMAP['palette.open'] ?? [];
  const notation = shortcut === undefined ? null : forPlatform(shortcut, platform);
  return (
    <div className="header-tools">
      <button
        type="button"
        className="commands-button"
        onClick={() => commands.run('palette.open')}
        aria-keyshortcuts={notation ? toAriaKeyShortcut(notation, platform) : undefined}
      >
        Commands {notation && <kbd aria-hidden="true">{formatShortcut(notation, platform)}</kbd>}
      </button>
      <ThemeSelect />
    </div>
  );
}

const DIALOGS: Record<DialogName, (props: { onClose: () => void }) => React.ReactNode> = {
  palette: CommandPalette,
  shortcuts: ShortcutsSheet,
  data: DataDialog,
  about: AboutDialog,
};

/** The route the address shows: ahead of the view on screen while a navigation is still being drawn. */
const addressRoute = (): string => window.location.hash.slice(1).split('?')[0] || '/';

/** Moves focus to the new view after navigation, unless the view put it somewhere itself. */
function useFocusOnNavigate(main: RefObject<HTMLElement | null>): void {
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const element = main.current;
    const focused = document.activeElement;
    if (element && (!focused || focused === document.body || !element.contains(focused))) element.focus({ preventScroll: true });
  }, [pathname, main]);
}

/**
 * Everything of the window that is not a view: the app's commands and
 * shortcuts, the native menu's commands, the dialogs they open, the
 * restored session and what went wrong with a command.
 */
export function WindowLayer({ main }: { main: RefObject<HTMLElement | null> }) {
  const [dialog, setDialog] = useState<{ name: DialogName; route: string } | null>(null);
  const close = useCallback(() => setDialog(null), []);
  const open = useCallback((name: DialogName) => setDialog({ name, route: addressRoute() }), []);
  const { pathname } = useLocation();
  useAppCommands(open);
  useGlobalShortcuts();
  useSession();
  useFocusOnNavigate(main);
  // Going elsewhere closes the dialog, but the view still being drawn when it was opened (a shortcut pressed right after a click) does not.
  useEffect(() => setDialog((shown) => (shown && shown.route !== pathname ? null : shown)), [pathname]);

  const failure = useCommandFailure();
  const { saveError } = useSettings();
  const Open = dialog ? DIALOGS[dialog.name] : null;
  return (
    <>
      {Open && <Open onClose={close} />}
      {(failure || saveError) && (
        <div className="window-alert" role="alert">
          <p>{failure ? `${failure.title.replace(/…$/, '')} did not work: ${failure.message}` : saveError}</p>
          {failure && (
            <button type="button" onClick={() => commands.dismissFailure()}>
              Dismiss
            </button>
          )}
        </div>
      )}
    </>
  );
}
