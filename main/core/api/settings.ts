import type { ApiImpl } from '../../common/contract';
import type { CoreContext } from '../context';

/** App preferences: theme, reading typography, sidebar, highlight colour. */
export function settingsApi({ settings }: CoreContext): Pick<ApiImpl, 'getSettings' | 'updateSettings'> {
  return {
    getSettings: () => settings.get(),
    updateSettings: (patch) => settings.update(patch),
  };
}
