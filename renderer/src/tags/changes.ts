import { createSignal } from '../sidebar/signal';

/** Tags changed (a document tagged, a tag renamed, merged or deleted): views that show them reload. */
export const tagChanges = createSignal();
