import { BaseError, ContractFunctionRevertedError, type DecodeErrorResultReturnType, type Hash } from 'viem'
import { expect } from 'vitest'

type Sendable = Promise<unknown> | (() => Promise<unknown>)
type Waiter = (hash: Hash) => Promise<unknown>

const isHash = (value: unknown): value is Hash =>
  typeof value === 'string' && /^0x[0-9a-fA-F]{64}$/.test(value)

/**
 * Awaits `action` and asserts it reverted with the custom error `errorName` (and, if given, exactly
 * `args`, compared with `toEqual`, so asymmetric matchers such as `expect.any(BigInt)` work).
 *
 * The error is found the viem way: `BaseError.walk` to the `ContractFunctionRevertedError` and its
 * ABI-decoded `data`. If `action` resolves to a transaction hash, `wait` (the pool's `send`) mines and
 * decodes it. Returns the decoded error for further checks.
 */
export async function expectRevert(
  action: Sendable,
  errorName: string,
  args?: readonly unknown[],
  wait?: Waiter,
): Promise<DecodeErrorResultReturnType> {
  let caught: unknown
  try {
    const value = await (typeof action === 'function' ? action() : action)
    if (isHash(value) && wait) await wait(value)
  } catch (error) {
    caught = error
  }
  if (caught === undefined) throw new Error(`expected a revert with ${errorName}, but the call succeeded`)
  if (!(caught instanceof BaseError)) throw caught
  const reverted = caught.walk((e) => e instanceof ContractFunctionRevertedError)
  if (!(reverted instanceof ContractFunctionRevertedError) || !reverted.data) {
    throw new Error(`expected a revert with ${errorName}, got: ${caught.shortMessage}`, { cause: caught })
  }
  expect(reverted.data.errorName, `custom error (${caught.shortMessage})`).toBe(errorName)
  if (args !== undefined) expect(reverted.data.args ?? [], `arguments of ${errorName}`).toEqual(args)
  return reverted.data
}
