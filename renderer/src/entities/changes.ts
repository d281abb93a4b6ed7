import { createSignal } from '../sidebar/signal';

/** Entities or entity types changed (created, renamed, merged, deleted): views that show them reload. */
export const entityChanges = createSignal();
