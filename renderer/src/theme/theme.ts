import { useLayoutEffect } from 'react';
import type { ThemeSetting } from '../../../main/common/contract';

export type Theme = 'light' | 'dark';

const DARK_QUERY = '(prefers-color-scheme: dark)';

/** The theme to draw: the setting, or the system's when it says "system". */
export const resolveTheme = (setting: ThemeSetting, systemIsDark: boolean): Theme =>
  setting === 'system' ? (systemIsDark ? 'dark' : 'light') : setting;

/**
 * Draws the window in the set theme, live: `data-theme` on <html> swaps the
 * colour variables of styles.css. With "system" it follows the OS as it
 * changes (in Electron the media query follows nativeTheme).
 */
export function useTheme(setting: ThemeSetting): void {
  // A layout effect, so that the first paint is already in the right colours.
  useLayoutEffect(() => {
    const media = window.matchMedia(DARK_QUERY);
    const apply = () => {
      document.documentElement.dataset['theme'] = resolveTheme(setting, media.matches);
    };
    apply();
    if (setting !== 'system') return;
    media.addEventListener('change', apply);
    return () => media.removeEventListener('change', apply);
  }, [setting]);
}
