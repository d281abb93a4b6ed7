import { z } from 'zod';
import type { AppSettings, SettingsPatch } from '../../common/contract';
import { DEFAULT_SETTINGS, HighlightColor, ReaderSettings, ThemeSetting } from '../../common/contract';
import type { CoreEmitter } from '../events';
import type { FileSpec, Store, StoreFile, Versioned } from '../store/store';

interface SettingsData extends Versioned, AppSettings {}


const SETTINGS: FileSpec<SettingsData> = {
  name: 'settings.json',
  schema: 1,
  // Each setting is checked on its own (see sanitize): one bad value never costs the others.
  shape: z.looseObject({ schema: z.number() }).transform((data): SettingsData => ({ schema: data.schema, ...sanitize(data as Partial<Record<keyof AppSettings, unknown>>) })),
  defaults: () => ({ schema: 1, ...structuredClone(DEFAULT_SETTINGS) }),
};

/**
 * Keeps every valid value of a settings file and falls back to the default
 * for each one that is missing or out of range, so that a hand-edited or
 * older file never stops the app or loses the other preferences.
 */
export function sanitize(data: Partial<Record<keyof AppSettings, unknown>>): AppSettings {
  const theme = ThemeSetting.safeParse(data.theme);
  const highlightColor = HighlightColor.safeParse(data.highlightColor);
  const stored = typeof data.reader === 'object' && data.reader !== null ? (data.reader as Record<string, unknown>) : {};
  const reader = Object.fromEntries(
    Object.entries(DEFAULT_SETTINGS.reader).map(([key, fallback]) => {
      const field = ReaderSettings.shape[key as keyof ReaderSettings].safeParse(stored[key]);
      return [key, field.success ? field.data : fallback];
    }),
  ) as ReaderSettings;
  return {
    theme: theme.success ? theme.data : DEFAULT_SETTINGS.theme,
    reader,
    sidebar: typeof data.sidebar === 'boolean' ? data.sidebar : DEFAULT_SETTINGS.sidebar,
    mentions: typeof data.mentions === 'boolean' ? data.mentions : DEFAULT_SETTINGS.mentions,
    highlightColor: highlightColor.success ? highlightColor.data : DEFAULT_SETTINGS.highlightColor,
  };
}

/** App preferences (theme, reading typography, sidebar, highlight colour) in settings.json; `settingsChanged` tells the shell. */
export class Settings {
  private constructor(
    private readonly file: StoreFile<SettingsData>,
    private readonly events: CoreEmitter,
  ) {}

  static async open(store: Store, events: CoreEmitter): Promise<Settings> {
    return new Settings(await store.file(SETTINGS), events);
  }

  get(): AppSettings {
    return sanitize(this.file.data);
  }

  async update(patch: SettingsPatch): Promise<AppSettings> {
    // An IPC patch may carry explicit undefineds, which must not erase a setting.
    const changes = Object.fromEntries(Object.entries(patch.reader ?? {}).filter(([, value]) => value !== undefined));
    const next = await this.file.update((data) => {
      const settings = sanitize(data);
      const merged: AppSettings = {
        theme: patch.theme ?? settings.theme,
        reader: { ...settings.reader, ...changes },
        sidebar: patch.sidebar ?? settings.sidebar,
        mentions: patch.mentions ?? settings.mentions,
        highlightColor: patch.highlightColor ?? settings.highlightColor,
      };
      Object.assign(data, { schema: SETTINGS.schema, ...merged });
      return merged;
    });
    this.events.emit('settingsChanged', next);
    return next;
  }
}
