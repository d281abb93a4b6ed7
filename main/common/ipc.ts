/** The one IPC channel every API call travels on: `invoke(IPC_CHANNEL, methodName, args)`. */
export const IPC_CHANNEL = 'dossier:call';

/** The one channel the native menu sends commands on: `send(COMMAND_CHANNEL, commandId)` to the window. */
export const COMMAND_CHANNEL = 'dossier:command';

/** What a command id looks like ("go.library", "theme.dark"); anything else on the channel is dropped. */
export const COMMAND_ID = /^[a-z][a-z0-9-]*(\.[a-z0-9-]+)+$/;

/** Exported notes or a backup the window asks the desktop app to save: `invoke(SAVE_FILES_CHANNEL, exportResult)`. */
export const SAVE_FILES_CHANNEL = 'dossier:save-files';
