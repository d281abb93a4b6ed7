/** The one IPC channel every API call travels on: `invoke(IPC_CHANNEL, methodName, args)`. */
export const IPC_CHANNEL = 'dossier:call';
