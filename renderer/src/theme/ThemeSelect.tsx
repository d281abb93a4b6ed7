import type { ThemeSetting } from '../../../main/common/contract';
import { useSettings } from './settings';

/** The theme chooser in the window's header: light, dark, or as the system is set. */
export function ThemeSelect() {
  const { settings, update } = useSettings();
  return (
    <label className="theme-select">
      <span className="visually-hidden">Theme</span>
      <select value={settings.theme} onChange={(event) => update({ theme: event.target.value as ThemeSetting })}>
        <option value="system">System theme</option>
        <option value="light">Light theme</option>
        <option value="dark">Dark theme</option>
      </select>
    </label>
  );
}
