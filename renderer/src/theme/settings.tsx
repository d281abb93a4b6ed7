import { createContext, useCallback, useContext, useEffect, useLayoutEffect, useMemo, useState, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { AppSettings, SettingsPatch } from '../../../main/common/contract';
import { api } from '../api/client';
import { queryClient } from '../api/cache';
import { queries } from '../api/queries';
import { useTheme } from './theme';

interface SettingsState {
  settings: AppSettings;
  /** Applies a change at once and saves it in the background. */
  update: (patch: SettingsPatch) => void;
  /** Why the last change could not be saved, until the next one succeeds. */
  saveError: string | null;
}

const SettingsContext = createContext<SettingsState | null>(null);

/** The settings last in use, so the window opens in the right theme before the core answers. */
const CACHE = 'dossier.settings';

function cached(): AppSettings | undefined {
  try {
    const value = JSON.parse(localStorage.getItem(CACHE) ?? 'null') as Partial<AppSettings> | null;
    return typeof value?.theme === 'string' && typeof value.reader === 'object' ? (value as AppSettings) : undefined;
  } catch {
    return undefined;
  }
}

const merge = (settings: AppSettings, patch: SettingsPatch): AppSettings => ({
  theme: patch.theme ?? settings.theme,
  reader: { ...settings.reader, ...patch.reader },
  sidebar: patch.sidebar ?? settings.sidebar,
  mentions: patch.mentions ?? settings.mentions,
  highlightColor: patch.highlightColor ?? settings.highlightColor,
});

/**
 * Changes not yet acknowledged by the core, merged: kept in the page's storage
 * so that a change made just before a reload (or a crash of the window) is
 * saved when the window opens again, before the settings are read.
 */
const PENDING = 'dossier.settings.pending';

function pending(): SettingsPatch | null {
  try {
    return JSON.parse(localStorage.getItem(PENDING) ?? 'null') as SettingsPatch | null;
  } catch {
    return null;
  }
}

const mergePatch = (a: SettingsPatch | null, b: SettingsPatch): SettingsPatch => ({ ...a, ...b, reader: { ...a?.reader, ...b.reader } });

let unacknowledged = 0;

/** Saves `patch`; forgets the pending changes once every save sent so far is acknowledged. */
function save(patch: SettingsPatch): Promise<AppSettings> {
  unacknowledged++;
  return api
    .updateSettings(patch)
    .finally(() => unacknowledged--)
    .then((saved) => {
      if (unacknowledged === 0) localStorage.removeItem(PENDING);
      return saved;
    });
}

/** Saves one change after another, so that two quick changes reach the core in the order they were made; the first saves what an earlier window left pending. */
let queue: Promise<unknown> = Promise.resolve(pending()).then((left) => left && save(left)).catch(() => undefined);

/**
 * The app settings (theme, reading typography, sidebar), kept by the core in
 * settings.json so that both the desktop app and the browser mode remember
 * them. Renders its children once the settings are known.
 */
export function SettingsProvider({ children }: { children: ReactNode }) {
  // Until the core answers, the cached copy; it is asked at once all the same.
  const loaded = useQuery({ ...queries.settings(), queryFn: () => queue.then(() => api.getSettings()), initialData: cached, initialDataUpdatedAt: 0 });
  const settings = loaded.data;
  const [saveError, setSaveError] = useState<string | null>(null);

  useEffect(() => {
    if (settings) localStorage.setItem(CACHE, JSON.stringify(settings));
  }, [settings]);

  const update = useCallback((patch: SettingsPatch) => {
    const key = queries.settings().queryKey;
    // Applied at once: an answer to an earlier read must not bring the old value back.
    void queryClient.cancelQueries({ queryKey: key });
    queryClient.setQueryData(key, (current) => current && merge(current, patch));
    localStorage.setItem(PENDING, JSON.stringify(mergePatch(pending(), patch)));
    queue = queue.then(() =>
      save(patch).then(
        () => setSaveError(null),
        (error: Error) => setSaveError(`Your setting is in use but was not saved: ${error.message}`),
      ),
    );
  }, []);

  const value = useMemo(() => (settings ? { settings, update, saveError } : null), [settings, update, saveError]);
  if (!value) {
    return loaded.isError ? (
      <p role="alert" className="notice notice-error">Dossier could not load its settings: {loaded.error.message}</p>
    ) : null;
  }
  return (
    <SettingsContext.Provider value={value}>
      <WindowSettings />
      {children}
    </SettingsContext.Provider>
  );
}

/** Applies the settings that style the whole window: the theme, and whether the sidebar shows (`data-sidebar` on <html>). */
function WindowSettings() {
  const { theme, sidebar } = useSettings().settings;
  useTheme(theme);
  useLayoutEffect(() => {
    document.documentElement.dataset['sidebar'] = sidebar === false ? 'hidden' : 'shown';
  }, [sidebar]);
  return null;
}

/** The app settings and a setter; only inside SettingsProvider. */
export function useSettings(): SettingsState {
  const state = useContext(SettingsContext);
  if (!state) throw new Error('useSettings: outside SettingsProvider');
  return state;
}
