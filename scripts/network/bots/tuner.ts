/**
 * Tuner: now and then one active demo prover changes its R (within the range around the current F)
 * or its capacity (at least the current minimum), only when that change's cooldown has passed.
 */
import { BPS } from '../../../lib/pool-math/constants'
import { minCapacity } from '../../../lib/pool-math/minCapacity'
import { rewardPerGasRange } from '../../../lib/pool-math/rewardPerGasRange'
import { StakerStatus } from '../../../lib/pool-math/types'
import { bots, profiles } from '../config'
import type { Network } from '../network'
import { Random } from '../random'

export function startTuner(network: Network): void {
  const random = new Random(0x7a4e)
  const cooldown = Number(network.config.rewardChangeCooldown)

  network.scheduler.add({
    name: 'tuner',
    periodMs: () => bots.tuner.everyMs,
    run: async () => {
      if (!network.hasPool) return
      const pool = network.pool
      const now = network.now()
      const ready = (last: bigint) => last === 0n || Number(last) + cooldown <= now
      const candidates = pool.provers.filter(
        (row) =>
          row.status === StakerStatus.Active &&
          network.demoProver(row.prover) &&
          (ready(row.lastRewardChangeAt) || ready(row.lastCapacityChangeAt)),
      )
      const row = random.pick(candidates)
      const prover = network.demoProver(row?.prover)
      if (!row || !prover) return
      const profile = profiles[prover.profile]
      const changeR =
        ready(row.lastRewardChangeAt) && (!ready(row.lastCapacityChangeAt) || random.chance(0.6))
      if (changeR) {
        const range = rewardPerGasRange({ feePerGas: pool.feePerGas }, network.config)
        const bps = BigInt(random.int(profile.rewardBps[0], profile.rewardBps[1]))
        let next = ((pool.feePerGas * bps) / BPS / 1_000_000n) * 1_000_000n
        if (next < range.min) next = range.min
        if (next > range.max) next = range.max
        if (next === row.rewardPerGas) return
        const result = await prover.actor.send({
          ...network.protocol,
          functionName: 'changeRewardPerGas',
          args: [next],
        })
        if (!result.ok) throw new Error(`${prover.label} changeRewardPerGas: ${result.error}`)
        return
      }
      const floor = minCapacity({ backlog: pool.backlog }, network.config)
      let next = BigInt(random.int(profile.capacity[0], profile.capacity[1]))
      if (next < floor) next = floor
      if (next === row.maxCapacity) next += 1n
      const result = await prover.actor.send({
        ...network.protocol,
        functionName: 'changeCapacity',
        args: [next],
      })
      if (!result.ok) throw new Error(`${prover.label} changeCapacity: ${result.error}`)
    },
  })
}
