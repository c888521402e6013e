/**
 * Contract test harness.
 *
 * Per test file:
 *   const pool = setupPool({ config?, treasuryFunding?, initialFeePerGas?, initialAvgProofDelayMs? })
 * starts a private anvil on a free port in 8600–8699 (lock file + bind probe, so parallel vitest
 * workers and concurrent runs never share a node), deploys with `scripts/lib/deploy-core` and
 * `testConfig` (demoConfig with small numbers, see pool.ts), mints 1,000,000 TKO to anvil's 10 dev
 * accounts and approves the protocol. Each test runs between `evm_snapshot` and `evm_revert`, and
 * `assertTokenConservation(pool)` runs after every test. `deployPool(options)` does the same without
 * hooks (call `pool.stop()` yourself).
 *
 * The pool:
 *   accounts                   owner (deployer, account 0), alice … heidi (1–8), proposer (9)
 *   token / protocol / lens / verifier   viem `getContract` handles; `write.*` needs `{ account }`
 *   send(write)                waits for the receipt; a revert throws viem's ContractFunctionExecutionError
 *                              with the decoded custom error (every tx is sent with a fixed gas limit, so
 *                              a reverting tx is mined at the intended timestamp and decoded from its trace)
 *   expectRevert(action, 'ErrorName', args?)   asserts the custom error (BaseError.walk →
 *                              ContractFunctionRevertedError.data.errorName/args); `action` may be a
 *                              `write.*` promise (a hash: it is mined and decoded) or any promise
 *   stake(prover, { amount, rewardPerGas, capacity }?)   defaults DEFAULT_STAKE / initial F / DEFAULT_CAPACITY
 *   proposeBlock({ proposer, gasUsed, commitment }?) → { blockId, receipt, proposed (event args), block (getBlock) }
 *                              (a fresh non-zero commitment per block unless given)
 *   proposeBlocks(n) → ids;   prove(prover, id | ids, proof?) → { receipt, proven (BlockProven args[]) }
 *   updateConfig(partial)      owner scheduleConfig over the current config, wait the delay, applyConfig
 *   events(receipt, 'Name')    decoded BlockProtocol events of one name
 *   newAccount()               an 11th, 12th … account: impersonated, ETH, TKO, approval, permit key
 *   signer(address)            the local account (for EIP-712 permits)
 *   mint(to, amount)
 *   latestTimestamp(), setNextTimestamp(ts), increaseTime(s), mine(n), snapshot(), revert(id)
 *
 *   rewardHolders              every account a test can send from (passed to the conservation check)
 *
 * For other tests (differential, model-based): `assertTokenConservation({ publicClient, addresses,
 * rewardHolders? })` and `readTokenAccounts(...)` need only a public client and the token/protocol
 * addresses; pass a `Pool` as is. `rewardHolders` matters because anyone may prove an open or late
 * block and earn a reward without ever staking, and the staker list cannot enumerate such accounts.
 * `expected.ts` has the doc's formulas, independent of lib/pool-math, for expected values.
 * `claimPort()` (ports.ts) hands out a free port in 8600–8699 to anyone starting their own node.
 */
export {
  assertTokenConservation,
  type ConservationTarget,
  readTokenAccounts,
  type TokenAccounts,
} from './conservation'
export * as expected from './expected'
export { type PoolFixture, setupPool } from './fixture'
export {
  ACCOUNT_FUNDING,
  DEFAULT_CAPACITY,
  DEFAULT_GAS_USED,
  DEFAULT_PROOF,
  DEFAULT_STAKE,
  deployPool,
  errorsAbi,
  type Pool,
  type PoolOptions,
  TEST_INITIAL_AVG_PROOF_DELAY_MS,
  TEST_INITIAL_FEE_PER_GAS,
  TEST_TREASURY_FUNDING,
  testConfig,
} from './pool'
export { claimPort, PORT_RANGE, type PortClaim } from './ports'
export { expectRevert } from './revert'
