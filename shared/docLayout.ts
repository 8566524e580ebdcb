/**
 * Names of the top-level shared types in a board's Y.Doc. The server reads boards through these
 * names without tldraw, so they are part of the storage format: never rename them.
 */
export const RECORDS_MAP = 'records'
export const BOARD_META_MAP = 'meta'
/** Key in BOARD_META_MAP holding the serialized tldraw schema the records were written with. */
export const SCHEMA_KEY = 'tldrawSchema'
