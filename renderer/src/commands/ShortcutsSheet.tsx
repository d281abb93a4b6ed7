import { useId } from 'react';
import { readingKeys } from '../annotations/keyboard';
import { Dialog } from './Dialog';
import { sortCommands, useCommandList } from './registry';
import { currentPlatform, forPlatform, formatShortcut } from './shortcuts';

/** "?": every command that has a shortcut, by group, with its keys for this platform, and the keys of the reading text. */
export function ShortcutsSheet({ onClose }: { onClose: () => void }) {
  const titleId = useId();
  const platform = currentPlatform();
  const withKeys = sortCommands(useCommandList().filter((c) => c.shortcuts.length > 0));
  const groups = [...new Set(withKeys.map((c) => c.group))];
  return (
    <Dialog labelledBy={titleId} onClose={onClose} className="shortcuts-sheet">
      <div className="dialog-header">
        <h2 id={titleId}>Keyboard shortcuts</h2>
        <button type="button" className="dialog-close" onClick={onClose}>
          Close
        </button>
      </div>
      <div className="shortcuts-groups">
        {groups.map((group) => (
          <table key={group} className="shortcuts-table">
            <caption>{group}</caption>
            <tbody>
              {withKeys
                .filter((c) => c.group === group)
                .map((command) => (
                  <tr key={command.id}>
                    <th scope="row">{command.title}</th>
                    <td>
                      {command.shortcuts.map((shortcut, i) => (
                        <span key={i}>
                          {i > 0 && <span className="shortcut-or"> or </span>}
                          <kbd>{formatShortcut(forPlatform(shortcut, platform), platform)}</kbd>
                        </span>
                      ))}
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        ))}
        <table className="shortcuts-table">
          <caption>In the document’s text (Tab or F6 to reach it)</caption>
          <tbody>
            {readingKeys(platform).map((row) => (
              <tr key={row.does}>
                <th scope="row">{row.does}</th>
                <td>
                  {row.keys.map((key, i) => (
                    <span key={key}>
                      {i > 0 && <span className="shortcut-or"> / </span>}
                      <kbd>{key}</kbd>
                    </span>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="dialog-footnote">
        Every command, with or without a shortcut, is in the command palette. In lists, ↑ and ↓ move, Enter chooses and Esc closes.
      </p>
    </Dialog>
  );
}
