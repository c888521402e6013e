import {
  type Abi,
  BaseError,
  ContractFunctionRevertedError,
  decodeErrorResult,
  type Hex,
  isHex,
  MethodNotFoundRpcError,
  MethodNotSupportedRpcError,
  UnsupportedProviderMethodError,
  UserRejectedRequestError,
} from 'viem'
import { blockProtocolAbi } from '@/contracts-abi/BlockProtocol'
import { taikoTokenAbi } from '@/contracts-abi/TaikoToken'
import { type DescribeContext, describeContractError } from './error-messages'

/**
 * Why a wallet action did not go through, in the words the page shows. Custom errors are decoded from
 * the ABIs of the core (BlockProtocol, which includes ProverPool) and of the token, and put in words by
 * lib/wallet/error-messages.ts, so a revert reads "Your weight 1.2e21 is below the lowest active
 * weight 3.4e21: …" rather than a selector.
 */
export type TxErrorDescription =
  /** The user declined in the wallet (EIP-1193 4001): a calm note, not an error. */
  | { kind: 'rejected'; message: string }
  /** The wallet does not implement the method (e.g. typed-data signing): the caller may fall back. */
  | { kind: 'unsupported'; message: string }
  /** The contract reverted with a custom error (decoded). */
  | { kind: 'reverted'; errorName: string; args: readonly unknown[]; message: string }
  /** Anything else (network, nonce, out of gas…): viem's short message. */
  | { kind: 'failed'; message: string }

/** Every custom error the stake page can meet: the core's and the token's (a permit or a transfer). */
export const walletErrorAbi: Abi = [
  ...blockProtocolAbi.filter((item) => item.type === 'error'),
  ...taikoTokenAbi.filter((item) => item.type === 'error'),
]

function code(error: unknown): number | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'number') {
    return error.code
  }
  return undefined
}

/** Walks an error and its causes (viem `BaseError.walk`, or plain `cause` chains of provider errors). */
function find(error: unknown, test: (e: unknown) => boolean): unknown {
  if (error instanceof BaseError) return error.walk(test) ?? undefined
  let current: unknown = error
  for (let depth = 0; current && depth < 10; depth += 1) {
    if (test(current)) return current
    current = (current as { cause?: unknown }).cause
  }
  return undefined
}

/** Whether the user declined in the wallet (UserRejectedRequestError, EIP-1193 code 4001). */
export function isUserRejection(error: unknown): boolean {
  return find(error, (e) => e instanceof UserRejectedRequestError || code(e) === 4001) !== undefined
}

/** Whether the wallet does not support the method (4200, -32601, -32004). */
export function isUnsupportedMethod(error: unknown): boolean {
  return (
    find(
      error,
      (e) =>
        e instanceof UnsupportedProviderMethodError ||
        e instanceof MethodNotFoundRpcError ||
        e instanceof MethodNotSupportedRpcError ||
        code(e) === 4200 ||
        code(e) === -32601 ||
        code(e) === -32004,
    ) !== undefined
  )
}

/** The custom error inside a failed call or transaction, decoded from the ABIs, if there is one. */
export function findRevert(error: unknown): { errorName: string; args: readonly unknown[] } | null {
  const reverted = find(error, (e) => e instanceof ContractFunctionRevertedError) as
    | ContractFunctionRevertedError
    | undefined
  if (reverted?.data && reverted.data.errorName !== 'Error' && reverted.data.errorName !== 'Panic') {
    return { errorName: reverted.data.errorName, args: reverted.data.args ?? [] }
  }
  const raw =
    reverted?.raw ??
    (
      find(error, (e) => {
        const data = (e as { data?: unknown } | null)?.data
        return isHex(data) && data.length >= 10
      }) as { data?: Hex } | undefined
    )?.data ??
    undefined
  if (!raw) return null
  try {
    const decoded = decodeErrorResult({ abi: walletErrorAbi, data: raw })
    return { errorName: decoded.errorName, args: decoded.args ?? [] }
  } catch {
    return null
  }
}

/** What to tell the user about an error of a wallet action. */
export function describeTxError(error: unknown, context: DescribeContext = {}): TxErrorDescription {
  if (isUserRejection(error)) return { kind: 'rejected', message: 'Signature rejected: nothing was sent.' }
  const revert = findRevert(error)
  if (revert) {
    return {
      kind: 'reverted',
      ...revert,
      message: describeContractError(revert.errorName, revert.args, context),
    }
  }
  if (isUnsupportedMethod(error)) {
    return { kind: 'unsupported', message: 'The wallet does not support this request.' }
  }
  if (error instanceof BaseError) return { kind: 'failed', message: error.shortMessage }
  return { kind: 'failed', message: error instanceof Error ? error.message : String(error) }
}
