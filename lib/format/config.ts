import type { PoolConfigKey } from '@/lib/pool-math/config-keys'
import { formatInteger } from './decimal'
import { formatBps } from './percent'
import { formatDuration } from './time'
import { formatTko } from './units'

type Kind = 'bps' | 'seconds' | 'tko' | 'count' | 'gas'

/** Every `Config` field in words, with the unit it is read in. */
const fields: Record<PoolConfigKey, [label: string, kind: Kind]> = {
  maxActiveProvers: ['Active list size', 'count'],
  rewardFloorBps: ["R' floor (share of F)", 'bps'],
  rewardCapBps: ["R' cap (share of F)", 'bps'],
  rewardRangeMinBps: ['Lowest R allowed (share of F)', 'bps'],
  rewardRangeMaxBps: ['Highest R allowed (share of F)', 'bps'],
  openRewardBps: ['Open and late proof reward', 'bps'],
  feeSmoothing: ['Fee smoothing (proofs)', 'count'],
  delaySmoothing: ['Delay smoothing (proofs)', 'count'],
  proofWindowMultiplier: ['Window (× average delay)', 'count'],
  minProofWindow: ['Shortest proof window', 'seconds'],
  maxProofWindow: ['Longest proof window', 'seconds'],
  slashBps: ['Slash (share of stake)', 'bps'],
  minSlashRewardMultiple: ['Least slash (× base reward)', 'count'],
  rewardChangeCooldown: ['R and C change cooldown', 'seconds'],
  exitDelay: ['Exit delay', 'seconds'],
  maxExitsPerDay: ['Exits per day', 'count'],
  maxOpenBlocks: ['Open blocks at most', 'count'],
  baseMinStake: ['Base minimum stake', 'tko'],
  baseMinCapacity: ['Base minimum capacity', 'count'],
  targetBacklog: ['Target backlog', 'count'],
  perfBonusFastBps: ['Fast proof bonus', 'bps'],
  perfBonusBps: ['On-time proof bonus', 'bps'],
  stabilizationBonusBps: ['Stabilization bonus', 'bps'],
  congestionBacklog: ['Congestion backlog', 'count'],
  minAvailableProvers: ['Available provers at least', 'count'],
  batchingBacklog: ['Batching from backlog', 'count'],
  batchDivisor: ['Batch divisor', 'count'],
  maxBatchSize: ['Largest batch', 'count'],
  minGasPerBlock: ['Least gas per block', 'gas'],
  configDelay: ['Config change delay', 'seconds'],
}

/** A `Config` field's name in words: 'slashBps' → 'Slash (share of stake)'. */
export function configFieldLabel(field: PoolConfigKey): string {
  return fields[field][0]
}

/** A `Config` value in its unit: 100n bps → '1 %', 604_800 s → '7 d', baseMinStake in TKO, counts grouped. */
export function formatConfigValue(field: PoolConfigKey, value: bigint): string {
  switch (fields[field][1]) {
    case 'bps':
      return formatBps(value)
    case 'seconds':
      return formatDuration(value)
    case 'tko':
      return formatTko(value, { maxFractionDigits: 4 })
    case 'gas':
      return `${formatInteger(value)} gas`
    case 'count':
      return formatInteger(value)
  }
}
