import {
  AbiDecodingZeroDataError,
  BaseError,
  ContractFunctionZeroDataError,
  HttpRequestError,
  TimeoutError,
} from 'viem'

export type ChainErrorKind = 'unreachable' | 'no-contract' | 'call-failed'

export type ChainErrorDescription = { kind: ChainErrorKind; message: string }

/**
 * Turns a viem error into what the page tells the reader: what failed, in words. Never a stack trace,
 * never the RPC URL (viem's messages carry it, and a provider's URL carries its API key): the server
 * logs the details (lib/chain/server.ts).
 */
export function describeChainError(error: unknown): ChainErrorDescription {
  if (error instanceof BaseError) {
    if (
      error.walk((e) => e instanceof ContractFunctionZeroDataError || e instanceof AbiDecodingZeroDataError)
    ) {
      return {
        kind: 'no-contract',
        message:
          'The chain node answers, but there is no pool contract at the deployed address. The chain was probably restarted without deploying again (run npm start or npm run deploy).',
      }
    }
    if (error.walk((e) => e instanceof HttpRequestError || e instanceof TimeoutError)) {
      return {
        kind: 'unreachable',
        message:
          'The chain node did not answer. Check that it is running (npm start starts a local one) and that the server’s RPC_URL points at it.',
      }
    }
    return {
      kind: 'call-failed',
      message: 'The chain node answered with an error. The server log has the details.',
    }
  }
  return {
    kind: 'unreachable',
    message: 'The chain node could not be asked. The server log has the details.',
  }
}
