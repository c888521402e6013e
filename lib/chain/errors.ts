import {
  AbiDecodingZeroDataError,
  BaseError,
  ContractFunctionZeroDataError,
  HttpRequestError,
  TimeoutError,
} from 'viem'

export type ChainErrorKind = 'unreachable' | 'no-contract' | 'call-failed'

export type ChainErrorDescription = { kind: ChainErrorKind; message: string }

/** Turns a viem error into what the page tells the reader (never a stack trace). */
export function describeChainError(error: unknown, rpcUrl: string): ChainErrorDescription {
  if (error instanceof BaseError) {
    if (
      error.walk((e) => e instanceof ContractFunctionZeroDataError || e instanceof AbiDecodingZeroDataError)
    ) {
      return {
        kind: 'no-contract',
        message: `The node at ${rpcUrl} answers, but there is no pool contract at the deployed address. The chain was probably restarted without deploying again (run npm start or npm run deploy).`,
      }
    }
    if (error.walk((e) => e instanceof HttpRequestError || e instanceof TimeoutError)) {
      return {
        kind: 'unreachable',
        message: `The node at ${rpcUrl} does not answer. Check that it is running (npm start starts a local one) and that RPC_URL points at it.`,
      }
    }
    return { kind: 'call-failed', message: error.shortMessage }
  }
  return { kind: 'unreachable', message: error instanceof Error ? error.message : String(error) }
}
