/**
 * The ABIs the dashboard reads with, straight from the generated files. Importing the `…Abi` consts
 * (not the `{ abi, bytecode }` objects) keeps the bytecode out of the browser bundle.
 */

/** The core: `getStaker(address)` reads one staker's position (any status; the lens lists active ones). */
export { blockProtocolAbi as coreAbi } from '@/contracts-abi/BlockProtocol'
/** `ProverPoolLens.getPool(core)`: the whole pool in one call. */
export { proverPoolLensAbi as poolLensAbi } from '@/contracts-abi/ProverPoolLens'
