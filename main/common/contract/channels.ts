import { z } from 'zod';
import type { Envelope } from '../errors';
import type { MethodName } from './index';
import { COMMAND_ID, SIDE_CHANNELS } from './names';

/*
 * The IPC side channels, declared like the methods: the name and direction
 * (names.ts, which the preload bundles without zod) with the schema of what
 * crosses, and the bridges the preload builds from them for the page.
 */

/** A name for one file in a folder the person chose: no path, nothing a file system refuses. */
// eslint-disable-next-line no-control-regex -- control characters are what this refuses
const FileName = z.string().min(1).max(200).regex(/^(?!\.{1,2}$)[^\\/:*?"<>|\u0000-\u001F]+$/);

/** Files to save: one, or (the whole library as Markdown) several, into a new folder called `name`. */
const SaveRequest = z.object({
  name: FileName,
  files: z.array(z.object({ name: FileName, mime: z.string().max(100), content: z.string() })).min(1).max(100_000),
});

/** Whether the person saved the files (false: they cancelled the dialog), and where. */
export interface SaveReply {
  saved: boolean;
  where: string;
}

/** One side channel: its name, its direction, the schema of what crosses and, as a phantom type, the reply. */
interface SideChannel<P extends z.ZodType = z.ZodType, R = unknown> {
  readonly channel: string;
  readonly direction: 'to-window' | 'to-main';
  readonly payload: P;
  readonly reply?: R;
}

const sideChannel =
  <R>() =>
  <P extends z.ZodType>(declared: { channel: string; direction: 'to-window' | 'to-main' }, payload: P): SideChannel<P, R> => ({ ...declared, payload });

export const sideChannels = {
  menuCommand: sideChannel<void>()(SIDE_CHANNELS.menuCommand, z.string().regex(COMMAND_ID)),
  saveFiles: sideChannel<SaveReply>()(SIDE_CHANNELS.saveFiles, SaveRequest),
} satisfies { [K in keyof typeof SIDE_CHANNELS]: SideChannel };

export type SideChannels = typeof sideChannels;
/** What is sent on a side channel, as the sender writes it. */
export type PayloadOf<K extends keyof SideChannels> = z.input<SideChannels[K]['payload']>;
/** The reply of a `to-main` side channel. */
export type ReplyOf<K extends keyof SideChannels> = SideChannels[K] extends SideChannel<z.ZodType, infer R> ? R : never;

/** What the Electron preload gives the page: one bridge per channel, nothing else. */
export interface Bridges {
  /** One function per API method, answering with the call's envelope. */
  dossier: Record<MethodName, (...args: unknown[]) => Promise<Envelope>>;
  dossierMenu: { onCommand(callback: (id: PayloadOf<'menuCommand'>) => void): () => void };
  dossierFiles: { save(files: PayloadOf<'saveFiles'>): Promise<ReplyOf<'saveFiles'>> };
}
