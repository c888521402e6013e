import { type Address, decodeFunctionResult, encodeFunctionData, type Hex, numberToHex } from 'viem'
import type { PoolView } from '@/lib/pool-math/types'
import { poolLensAbi } from './abi'
import type { ReadClient } from './read-client'

export type ReadPoolParameters = {
  lens: Address
  protocol: Address
  /** Read the pool as of this block (default: latest). */
  blockNumber?: bigint | undefined
}

/**
 * The whole pool in ONE `eth_call`: `ProverPoolLens.getPool(protocol)`, returned as viem decodes it
 * (`PoolView`, the one shape of the pool every consumer reads).
 */
export async function readPool(
  client: ReadClient,
  { lens, protocol, blockNumber }: ReadPoolParameters,
): Promise<PoolView> {
  // A plain `eth_call` (not viem's readContract): exactly one request, and none of `call`'s
  // multicall/CCIP/deployless machinery in the page's JavaScript.
  const data: Hex = await client.request({
    method: 'eth_call',
    params: [
      { to: lens, data: encodeFunctionData({ abi: poolLensAbi, functionName: 'getPool', args: [protocol] }) },
      blockNumber === undefined ? 'latest' : numberToHex(blockNumber),
    ],
  })
  return decodeFunctionResult({ abi: poolLensAbi, functionName: 'getPool', data })
}
