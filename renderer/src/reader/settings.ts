import { useCallback } from 'react';
import type { ReaderSettings } from '../../../main/common/contract';
import { useSettings } from '../theme/settings';

export type { ReaderSettings };

export const LINE_HEIGHTS = [1.45, 1.65, 1.85];
export const MEASURES: Record<ReaderSettings['measure'], string> = { narrow: '58ch', medium: '68ch', wide: '82ch' };
export const FONTS: Record<ReaderSettings['font'], string> = { serif: 'var(--reading-font)', sans: 'var(--ui-font)' };

/** The reader settings and a setter; they are app settings, so the core remembers them across sessions. */
export function useReaderSettings(): [ReaderSettings, (change: Partial<ReaderSettings>) => void] {
  const { settings, update } = useSettings();
  const updateReader = useCallback((change: Partial<ReaderSettings>) => update({ reader: change }), [update]);
  return [settings.reader, updateReader];
}
