/** Newest blocks the stake page keeps besides every unproven one (demand estimate, your assigned blocks). */
export const STAKE_PAGE_BLOCKS = 50
