/**
 * The one error shape that crosses every boundary (IPC, web transport).
 * `code` lets the renderer decide how to show it; `message` is plain words
 * for the person using Dossier, never prefixed with the module that raised it.
 */
export type ErrorCode =
  | 'invalid_argument'
  | 'not_found'
  | 'conflict'
  | 'unauthorized'
  | 'io'
  | 'internal';

export interface ApiErrorShape {
  code: ErrorCode;
  message: string;
}

/** A failure the user can act on; thrown by the core, serialised by the transports. */
export class DossierError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DossierError';
  }
}

/** What every call returns over a transport: thrown errors do not survive IPC intact. */
export type Envelope<T = unknown> = { ok: true; value: T } | { ok: false; error: ApiErrorShape };
