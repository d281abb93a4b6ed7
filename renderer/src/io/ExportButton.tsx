import { commands } from '../commands/registry';
import { currentPlatform, forPlatform, formatShortcut, toAriaKeyShortcut } from '../commands/shortcuts';
import { KEYMAP } from '../commands/keymap';
import './io.css';

/** "Export notes…" on a view, showing its shortcut; opens the export dialog for what the view shows. */
export function ExportButton() {
  const platform = currentPlatform();
  const [shortcut] = KEYMAP['notes.export'] ?? [];
  const notation = shortcut === undefined ? null : forPlatform(shortcut, platform);
  return (
    <button
      type="button"
      className="io-button"
      onClick={() => commands.run('notes.export')}
      aria-keyshortcuts={notation ? toAriaKeyShortcut(notation, platform) : undefined}
      title={notation ? `Export notes (${formatShortcut(notation, platform)})` : undefined}
    >
      Export notes…
    </button>
  );
}
