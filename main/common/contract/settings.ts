import { z } from 'zod';
import { method } from './method';
import { DEFAULT_SETTINGS, FONT_SIZES } from './values';

export { DEFAULT_SETTINGS, FONT_SIZES };

/** Light, dark, or whatever the operating system is set to. */
export const ThemeSetting = z.enum(['light', 'dark', 'system']);
export type ThemeSetting = z.infer<typeof ThemeSetting>;

/** Reading typography; bounds keep a hand-edited settings file from breaking the reader. */
export const ReaderSettings = z.strictObject({
  font: z.enum(['serif', 'sans']),
  fontSize: z.number().int().min(FONT_SIZES.min).max(FONT_SIZES.max),
  measure: z.enum(['narrow', 'medium', 'wide']),
  lineHeight: z.number().min(1.2).max(2.2),
});
export type ReaderSettings = z.infer<typeof ReaderSettings>;

/** The preferences a person sets once and expects to find again, in the desktop app and the browser alike. */
export interface AppSettings {
  theme: ThemeSetting;
  reader: ReaderSettings;
  /** Whether the entity and tag sidebar is shown beside the views. */
  sidebar: boolean;
}

/** A change to some settings; the reader's fields can be changed one at a time. */
export const SettingsPatch = z.strictObject({
  theme: ThemeSetting.optional(),
  reader: ReaderSettings.partial().optional(),
  sidebar: z.boolean().optional(),
});
export type SettingsPatch = z.infer<typeof SettingsPatch>;

export const settingsContract = {
  getSettings: method<AppSettings>()(z.tuple([])),
  /** Applies a patch and returns the settings as saved. */
  updateSettings: method<AppSettings>()(z.tuple([SettingsPatch])),
};
