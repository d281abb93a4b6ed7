import { z } from 'zod';
import { method } from './method';
import { HighlightColor } from './annotations';
import { DEFAULT_SETTINGS, FONT_SIZES } from './values';

export { DEFAULT_SETTINGS, FONT_SIZES };

/** Light, dark, or whatever the operating system is set to. */
export const ThemeSetting = z.enum(['light', 'dark', 'system'], { error: 'The theme is light, dark or system' });
export type ThemeSetting = z.infer<typeof ThemeSetting>;

/** Reading typography; bounds keep a hand-edited settings file from breaking the reader. */
export const ReaderSettings = z.strictObject({
  font: z.enum(['serif', 'sans'], { error: 'The reading font is serif or sans' }),
  fontSize: z
    .number({ error: `The reading size is a number of pixels from ${FONT_SIZES.min} to ${FONT_SIZES.max}` })
    .int(`The reading size is a whole number of pixels from ${FONT_SIZES.min} to ${FONT_SIZES.max}`)
    .min(FONT_SIZES.min, `The reading size is at least ${FONT_SIZES.min} pixels`)
    .max(FONT_SIZES.max, `The reading size is at most ${FONT_SIZES.max} pixels`),
  measure: z.enum(['narrow', 'medium', 'wide'], { error: 'The line width is narrow, medium or wide' }),
  lineHeight: z.number({ error: 'The line height is a number from 1.2 to 2.2' }).min(1.2, 'The line height is at least 1.2').max(2.2, 'The line height is at most 2.2'),
});
export type ReaderSettings = z.infer<typeof ReaderSettings>;

/** The preferences a person sets once and expects to find again, in the desktop app and the browser alike. */
export interface AppSettings {
  theme: ThemeSetting;
  reader: ReaderSettings;
  /** Whether the entity and tag sidebar is shown beside the views. */
  sidebar: boolean;
  /** Whether entity mentions are underlined in the reader (and a click on one shows its card). */
  mentions: boolean;
  /** The colour of the last highlight made: what the next one (key H) uses. */
  highlightColor: HighlightColor;
}

/** A change to some settings; the reader's fields can be changed one at a time. */
export const SettingsPatch = z.strictObject({
  theme: ThemeSetting.optional(),
  reader: ReaderSettings.partial().optional(),
  sidebar: z.boolean().optional(),
  mentions: z.boolean().optional(),
  highlightColor: HighlightColor.optional(),
});
export type SettingsPatch = z.infer<typeof SettingsPatch>;

export const settingsContract = {
  getSettings: method<AppSettings>()(z.tuple([])),
  /** Applies a patch and returns the settings as saved. */
  updateSettings: method<AppSettings>()(z.tuple([SettingsPatch])),
};
