/**
 * The ABIs the dashboard reads with, straight from the generated files. Importing the `…Abi` consts
 * (not the `{ abi, bytecode }` objects) keeps the bytecode out of the browser bundle.
 */

/** Every event of the core; `decodePoolLogs` keeps the ones the dashboard folds. */
export { blockProtocolAbi as poolEventsAbi } from '@/contracts-abi/BlockProtocol'
/** `ProverPoolLens.getPool(core)`: the whole pool in one call. */
export { proverPoolLensAbi as poolLensAbi } from '@/contracts-abi/ProverPoolLens'
