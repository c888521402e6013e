import { type Address, decodeFunctionResult, encodeFunctionData, type Hex, numberToHex } from 'viem'
import { type PoolConfig, poolConfigKeys } from '@/lib/pool-math/config'
import { EmergencyReason, type PoolView, StakerStatus } from '@/lib/pool-math/types'
import { poolLensAbi } from './abi'
import type { ReadClient } from './read-client'
import { emergencyReasons, type Pool, type ProverEntry, proverStatuses } from './types'

export type ReadPoolParameters = {
  lens: Address
  protocol: Address
  /** Read the pool as of this block (default: latest). */
  blockNumber?: bigint | undefined
}

type RawPool = Awaited<ReturnType<typeof readRawPool>>

async function readRawPool(client: ReadClient, { lens, protocol, blockNumber }: ReadPoolParameters) {
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

/** The whole pool in ONE `eth_call`: `ProverPoolLens.getPool(protocol)`. */
export async function readPool(client: ReadClient, parameters: ReadPoolParameters): Promise<Pool> {
  return normalizePool(await readRawPool(client, parameters))
}

/** The lens struct in the dashboard's types (enums as words, slot as a number). */
export function normalizePool(raw: RawPool): Pool {
  return {
    config: { ...raw.config },
    configVersion: raw.configVersion,
    pendingConfig:
      raw.pendingConfigAt === 0n
        ? null
        : { config: { ...raw.pendingConfig }, activatesAt: raw.pendingConfigAt },
    owner: raw.owner,
    token: raw.token,
    blockNumber: raw.chainBlockNumber,
    timestamp: raw.chainTimestamp,
    feePerGas: raw.feePerGas,
    avgProofDelayMs: raw.avgProofDelayMs,
    proofWindow: raw.proofWindow,
    backlog: raw.backlog,
    openBlocks: raw.openBlocks,
    nextBlockId: raw.nextBlockId,
    emergency: raw.emergency,
    emergencyReason: emergencyReasons[raw.emergencyReason] ?? 'none',
    batchSize: raw.batchSize,
    minStake: raw.minStake,
    minCapacity: raw.minCapacity,
    activeProvers: raw.activeProvers,
    totalStaked: raw.totalStaked,
    totalQueued: raw.totalQueued,
    treasury: raw.treasury,
    totalOwed: raw.totalOwed,
    exitsToday: raw.exitsToday,
    stakerCount: raw.stakerCount,
    provers: raw.provers.map(proverEntryOf),
  }
}

const statusCodes = {
  none: StakerStatus.None,
  active: StakerStatus.Active,
  exiting: StakerStatus.Exiting,
  evicted: StakerStatus.Evicted,
} as const

const reasonCodes = {
  none: EmergencyReason.None,
  congestion: EmergencyReason.Congestion,
  'prover-failure': EmergencyReason.ProverFailure,
} as const

/**
 * The inverse of `normalizePool`: the dashboard's `Pool` back in the lens's own shape (`PoolView` of
 * lib/pool-math), the input of `previewStake`, `previewChange` and `PoolModel.fromView`. No arithmetic;
 * pool.test.ts checks that the round trip gives back the lens result.
 */
/** One prover of the lens (`ProverView`, from `getPool` or a `getStakers` page) with its status as a word. */
export function proverEntryOf(p: RawPool['provers'][number]): ProverEntry {
  return {
    address: p.prover,
    status: proverStatuses[p.status] ?? 'none',
    slot: Number(p.slot),
    stake: p.stake,
    rewardPerGas: p.rewardPerGas,
    currentCapacity: p.currentCapacity,
    maxCapacity: p.maxCapacity,
    outstandingBlocks: p.outstandingBlocks,
    weight: p.weight,
    healthBps: p.healthBps,
    deposited: p.deposited,
    slashed: p.slashed,
    exitAmount: p.exitAmount,
    exitUnlocksAt: p.exitUnlocksAt,
    unclaimedRewards: p.unclaimedRewards,
    owedRewards: p.owedRewards,
    lastRewardChangeAt: p.lastRewardChangeAt,
    lastCapacityChangeAt: p.lastCapacityChangeAt,
  }
}

export function toPoolView(pool: Pool): PoolView {
  return {
    config: pool.config,
    configVersion: pool.configVersion,
    pendingConfig: pool.pendingConfig?.config ?? zeroConfig,
    pendingConfigAt: pool.pendingConfig?.activatesAt ?? 0n,
    owner: pool.owner,
    token: pool.token,
    chainBlockNumber: pool.blockNumber,
    chainTimestamp: pool.timestamp,
    feePerGas: pool.feePerGas,
    avgProofDelayMs: pool.avgProofDelayMs,
    proofWindow: pool.proofWindow,
    backlog: pool.backlog,
    openBlocks: pool.openBlocks,
    nextBlockId: pool.nextBlockId,
    emergency: pool.emergency,
    emergencyReason: reasonCodes[pool.emergencyReason],
    batchSize: pool.batchSize,
    minStake: pool.minStake,
    minCapacity: pool.minCapacity,
    activeProvers: pool.activeProvers,
    totalStaked: pool.totalStaked,
    totalQueued: pool.totalQueued,
    treasury: pool.treasury,
    totalOwed: pool.totalOwed,
    exitsToday: pool.exitsToday,
    stakerCount: pool.stakerCount,
    provers: pool.provers.map((p) => ({
      prover: p.address,
      status: statusCodes[p.status],
      slot: BigInt(p.slot),
      stake: p.stake,
      rewardPerGas: p.rewardPerGas,
      currentCapacity: p.currentCapacity,
      maxCapacity: p.maxCapacity,
      outstandingBlocks: p.outstandingBlocks,
      weight: p.weight,
      healthBps: p.healthBps,
      deposited: p.deposited,
      slashed: p.slashed,
      exitAmount: p.exitAmount,
      exitUnlocksAt: p.exitUnlocksAt,
      unclaimedRewards: p.unclaimedRewards,
      owedRewards: p.owedRewards,
      lastRewardChangeAt: p.lastRewardChangeAt,
      lastCapacityChangeAt: p.lastCapacityChangeAt,
    })),
  }
}

/** The lens's `pendingConfig` when nothing is scheduled: every field zero. */
const zeroConfig = Object.fromEntries(poolConfigKeys.map((key) => [key, 0n])) as PoolConfig
