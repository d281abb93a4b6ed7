import type { TagChange } from '../../../main/common/contract';
import { pushUndo } from '../app/undo';
import * as changes from './changes';
import { describeCount } from './tree';

/*
 * Renaming, merging and deleting tags, each offered for Undo: the core says
 * which documents and annotations it changed, and Undo gives them their
 * tags back.
 */

function undoable(message: string, change: TagChange): void {
  pushUndo({
    message: `${message}: ${describeCount(change)} changed`,
    undo: async () => {
      await changes.restoreTags(change.edits);
    },
  });
}

export async function renameTag(from: string, to: string, merging: boolean): Promise<void> {
  undoable(merging ? `Merged ${from} into ${to}` : `Renamed ${from} to ${to}`, await changes.renameTag(from, to));
}

export async function deleteTag(tag: string): Promise<void> {
  undoable(`Deleted ${tag}`, await changes.deleteTag(tag));
}
