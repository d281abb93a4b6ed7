/*
 * What the sandboxed preload needs of the contract, without zod: the name of
 * every API method and of every IPC channel. What crosses each is declared
 * with its schema in the contract (index.ts for the methods, channels.ts for
 * the side channels); tests/unit/common/contract/names.test.ts holds the two
 * equal, so the preload stays a few KB.
 */

/** Every API method, by name: the keys of the contract. */
export const METHOD_NAMES = [
  // documents
  'getStatus',
  'listDocuments',
  'openDocument',
  'getBlocks',
  'blockAt',
  'editDocument',
  'countNotes',
  'deleteDocuments',
  'listTrash',
  'restoreDocuments',
  'purgeDocuments',
  // library
  'listDocumentPage',
  'listDocumentIds',
  // search
  'search',
  'findInDocument',
  // annotations
  'createAnnotation',
  'getAnnotation',
  'listAnnotations',
  'updateAnnotation',
  'deleteAnnotation',
  'restoreAnnotation',
  'reattachAnnotation',
  // settings
  'getSettings',
  'updateSettings',
  // io
  'beginUpload',
  'sendUploadChunk',
  'cancelUpload',
  'importUpload',
  'exportNotes',
  'createBackup',
  'restoreBackup',
  // entities
  'listEntityTypes',
  'createEntityType',
  'updateEntityType',
  'listEntities',
  'createEntity',
  'updateEntity',
  'mergeEntities',
  'deleteEntity',
  'undoEntityChange',
  'previewEntityChange',
  'getEntity',
  'getDocumentMentions',
  'listSuggestions',
  'listRejectedSuggestions',
  'acceptSuggestions',
  'rejectSuggestions',
  'restoreSuggestions',
  'exportEntities',
  'documentsWith',
  'annotationsWith',
  // tags
  'listTags',
  'listDocumentTags',
  'getDocumentTags',
  'setDocumentTags',
  'renameTag',
  'deleteTag',
  'restoreTags',
  // reading
  'relatedPassages',
  'compareDocuments',
] as const;

/** The channel every API call travels on: `invoke(CALL_CHANNEL, methodName, args)`, answered with an Envelope. */
export const CALL_CHANNEL = 'dossier:call';

/**
 * The channels besides the API calls: each one's name, and which way it
 * goes (`to-window`: the main process sends, the page listens; `to-main`: the
 * page asks the main process and waits for its reply).
 */
export const SIDE_CHANNELS = {
  /** A command chosen in the native menu, by its id. */
  menuCommand: { channel: 'dossier:command', direction: 'to-window' },
  /** Exported notes or a backup, for the desktop app to save with the system's dialog. */
  saveFiles: { channel: 'dossier:save-files', direction: 'to-main' },
} as const;

/** What a command id looks like ("go.library", "theme.dark"); the menu's channel carries nothing else. */
export const COMMAND_ID = /^[a-z][a-z0-9-]*(\.[a-z0-9-]+)+$/;
