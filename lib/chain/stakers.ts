import { type Address, decodeFunctionResult, encodeFunctionData, type Hex, numberToHex } from 'viem'
import type { ProverView } from '@/lib/pool-math/types'
import { poolLensAbi } from './abi'
import type { ReadClient } from './read-client'

/** Stakers per `getStakers` call, and the most read in all (the fallback stays bounded). */
export const STAKERS_PAGE = 200
export const MAX_LENS_STAKERS = 1_000

/**
 * Every staker ever seen, from the lens's paginated `getStakers(core, offset, limit)`: the leaderboard's
 * fallback for exiting and evicted stakers while the indexer is down. At most `MAX_LENS_STAKERS`.
 */
export async function readLensStakers(
  client: ReadClient,
  { lens, protocol, blockNumber }: { lens: Address; protocol: Address; blockNumber: bigint },
): Promise<ProverView[]> {
  const out: ProverView[] = []
  for (let offset = 0n; offset < BigInt(MAX_LENS_STAKERS); offset += BigInt(STAKERS_PAGE)) {
    const data: Hex = await client.request({
      method: 'eth_call',
      params: [
        {
          to: lens,
          data: encodeFunctionData({
            abi: poolLensAbi,
            functionName: 'getStakers',
            args: [protocol, offset, BigInt(STAKERS_PAGE)],
          }),
        },
        numberToHex(blockNumber),
      ],
    })
    const [rows, total] = decodeFunctionResult({ abi: poolLensAbi, functionName: 'getStakers', data })
    out.push(...rows)
    if (offset + BigInt(STAKERS_PAGE) >= total) break
  }
  return out
}
