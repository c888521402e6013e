import type { Hex } from 'viem'
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest'
import { assertTokenConservation } from './conservation'
import { deployPool, type Pool, type PoolOptions } from './pool'
import { expectRevert } from './revert'

export type PoolFixture = Pool & {
  /** `expectRevert` that also mines and decodes a transaction hash (every `write.*` returns one). */
  expectRevert: (
    action: Promise<unknown> | (() => Promise<unknown>),
    errorName: string,
    args?: readonly unknown[],
  ) => ReturnType<typeof expectRevert>
}

/**
 * Registers the hooks of one test file and returns the pool (a proxy, usable once `beforeAll` ran):
 * - `beforeAll`: a private anvil, the contracts deployed with `testConfig` (+ `options`), accounts funded;
 * - `beforeEach`: `evm_snapshot`; `afterEach`: `assertTokenConservation()`, then `evm_revert`, so
 *   every test starts from the freshly deployed state and every test's end state is checked;
 * - `afterAll`: stops the node.
 */
export function setupPool(options: PoolOptions = {}): PoolFixture {
  let pool: Pool | undefined
  let snapshotId: Hex | undefined
  beforeAll(async () => {
    pool = await deployPool(options)
  })
  afterAll(async () => {
    await pool?.stop()
  })
  beforeEach(async () => {
    snapshotId = await pool!.snapshot()
  })
  afterEach(async () => {
    if (!pool || !snapshotId) return
    try {
      await assertTokenConservation(pool)
    } finally {
      await pool.revert(snapshotId)
    }
  })
  return new Proxy({} as PoolFixture, {
    get(_, key) {
      if (!pool) throw new Error('the pool is deployed in beforeAll: use it inside a test or hook')
      if (key === 'expectRevert') {
        return (
          action: Promise<unknown> | (() => Promise<unknown>),
          errorName: string,
          args?: readonly unknown[],
        ) => expectRevert(action, errorName, args, pool!.send)
      }
      return pool[key as keyof Pool]
    },
  })
}
