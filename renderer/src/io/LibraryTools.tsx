import { commands } from '../commands/registry';
import { ExportButton } from './ExportButton';
import './io.css';

/** The library's own actions: bring documents in, take notes out, keep a backup. */
export function LibraryTools() {
  return (
    <div className="io-tools" role="group" aria-label="Import and export">
      <button type="button" className="io-button primary" onClick={() => commands.run('file.import')}>
        Import documents…
      </button>
      <ExportButton />
      <button type="button" className="io-button" onClick={() => commands.run('library.backup')}>
        Back up
      </button>
      <button type="button" className="io-button" onClick={() => commands.run('library.restore')}>
        Restore…
      </button>
    </div>
  );
}
