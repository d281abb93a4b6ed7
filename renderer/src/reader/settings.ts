import { useCallback, useState } from 'react';

/** How the reader lays out text; remembered across sessions. */
export interface ReaderSettings {
  fontSize: number;
  measure: 'narrow' | 'medium' | 'wide';
  lineHeight: number;
}

const KEY = 'dossier.reader';
const DEFAULTS: ReaderSettings = { fontSize: 18, measure: 'medium', lineHeight: 1.65 };
export const FONT_SIZES = { min: 14, max: 26 };
export const LINE_HEIGHTS = [1.45, 1.65, 1.85];
export const MEASURES: Record<ReaderSettings['measure'], string> = { narrow: '58ch', medium: '68ch', wide: '82ch' };

function load(): ReaderSettings {
  try {
    return { ...DEFAULTS, ...(JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<ReaderSettings>) };
  } catch {
    return DEFAULTS;
  }
}

/** The reader settings and a setter that saves them. */
export function useReaderSettings(): [ReaderSettings, (change: Partial<ReaderSettings>) => void] {
  const [settings, setSettings] = useState(load);
  const update = useCallback((change: Partial<ReaderSettings>) => {
    setSettings((current) => {
      const next = { ...current, ...change };
      localStorage.setItem(KEY, JSON.stringify(next));
      return next;
    });
  }, []);
  return [settings, update];
}
