/** Rows of the "Recent blocks" table. */
export const RECENT_BLOCKS = 20
