import type { z } from 'zod';
import type { Method } from './method';
import { documentsContract } from './documents';
import { searchContract } from './search';
import { annotationsContract } from './annotations';
import { settingsContract } from './settings';
import { ioContract } from './io';
import { entitiesContract } from './entities';
import { tagsContract } from './tags';
import { readingContract } from './reading';
import { libraryContract } from './library';

export * from './documents';
export * from './search';
export * from './annotations';
export * from './settings';
export * from './io';
export * from './entities';
export * from './tags';
export * from './reading';
export * from './library';
export * from './channels';
export * from './names';
export type { Method } from './method';

/**
 * The API between the renderer and the core, declared once. The IPC
 * handlers, the web transport and the renderer client are derived from this
 * object; the preload from METHOD_NAMES (names.ts), held equal to its keys.
 */
export const contract = {
  ...documentsContract,
  ...libraryContract,
  ...searchContract,
  ...annotationsContract,
  ...settingsContract,
  ...ioContract,
  ...entitiesContract,
  ...tagsContract,
  ...readingContract,
};

export type Contract = typeof contract;
export type MethodName = keyof Contract;

type ArgsOf<M> = M extends Method<infer A, unknown> ? z.input<A> : never;
type ResultOf<M> = M extends Method<z.ZodTuple, infer R> ? R : never;

/** The API as the renderer calls it. */
export type Api = { [K in MethodName]: (...args: ArgsOf<Contract[K]>) => Promise<ResultOf<Contract[K]>> };

/** The API as the core implements it (arguments already validated). */
export type ApiImpl = { [K in MethodName]: (...args: z.output<Contract[K]['args']>) => Promise<ResultOf<Contract[K]>> | ResultOf<Contract[K]> };
