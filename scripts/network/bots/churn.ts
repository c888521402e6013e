/**
 * Churn: keeps the population's life cycle turning. Exits and evictions that have unlocked are
 * withdrawn; a withdrawn prover joins again (with enough stake to beat the lowest active weight, so the
 * list stays full and someone is evicted); and, when no demo prover is exiting, one active prover now
 * and then requests an exit (within the daily exit limit).
 */
import { getAddress, maxUint256 } from 'viem'
import { BPS, STAKE_UNIT } from '../../../lib/pool-math/constants'
import { minCapacity } from '../../../lib/pool-math/minCapacity'
import { minStake } from '../../../lib/pool-math/minStake'
import { rewardPerGasRange } from '../../../lib/pool-math/rewardPerGasRange'
import { standingWeight } from '../../../lib/pool-math/standingWeight'
import { StakerStatus } from '../../../lib/pool-math/types'
import { weight } from '../../../lib/pool-math/weight'
import { bots, profiles } from '../config'
import type { DemoProver, Network } from '../network'
import { Random } from '../random'

export function startChurn(network: Network): void {
  const random = new Random(0xc4a2)
  let lastExitAt = Date.now()

  network.scheduler.add({
    name: 'churn',
    periodMs: () => bots.churn.everyMs,
    run: async () => {
      if (!network.hasPool) return
      const pool = network.pool
      const now = network.now()
      const listed = new Set(
        network.stakers
          .filter((row) => row.status !== StakerStatus.None)
          .map((row) => getAddress(row.prover)),
      )

      // 1. Withdraw every unlocked exit or eviction.
      for (const row of network.stakers) {
        const prover = network.demoProver(row.prover)
        if (!prover || row.exitAmount === 0n || Number(row.exitUnlocksAt) > now) continue
        const result = await prover.actor.send({ ...network.protocol, functionName: 'withdraw', args: [] })
        if (!result.ok) network.scheduler.report(`${prover.label} withdraw`, new Error(result.error))
      }

      // 2. One withdrawn prover joins again.
      const away = network.provers.filter((p) => !listed.has(getAddress(p.actor.address)))
      const comeback = random.pick(away)
      if (comeback) await rejoin(network, comeback, random)

      // 3. Now and then a voluntary exit, so the dashboard usually shows one.
      const exiting = network.stakers.some(
        (row) => row.status === StakerStatus.Exiting && network.demoProver(row.prover),
      )
      if (
        !exiting &&
        Date.now() - lastExitAt >= bots.churn.exitEveryMs &&
        pool.exitsToday < network.config.maxExitsPerDay &&
        !pool.emergency
      ) {
        const row = random.pick(
          pool.provers.filter((r) => r.status === StakerStatus.Active && network.demoProver(r.prover)),
        )
        const prover = network.demoProver(row?.prover)
        if (prover) {
          lastExitAt = Date.now()
          const result = await prover.actor.send({
            ...network.protocol,
            functionName: 'requestExit',
            args: [],
          })
          if (!result.ok) network.scheduler.report(`${prover.label} requestExit`, new Error(result.error))
        }
      }
    },
  })
}

/** Stakes `prover` again with R and capacity from its profile and a stake that beats the lowest weight. */
async function rejoin(network: Network, prover: DemoProver, random: Random): Promise<void> {
  const { publicClient } = network.clients
  const pool = network.pool
  const { config } = network
  const profile = profiles[prover.profile]
  const range = rewardPerGasRange({ feePerGas: pool.feePerGas }, config)
  const bps = BigInt(random.int(profile.rewardBps[0], profile.rewardBps[1]))
  let rewardPerGas = ((pool.feePerGas * bps) / BPS / 1_000_000n) * 1_000_000n
  if (rewardPerGas < range.min) rewardPerGas = range.min
  if (rewardPerGas > range.max) rewardPerGas = range.max
  const capFloor = minCapacity({ backlog: pool.backlog }, config)
  let capacity = BigInt(random.int(profile.capacity[0], profile.capacity[1]))
  if (capacity < capFloor) capacity = capFloor

  const balance = await publicClient.readContract({
    ...network.token,
    functionName: 'balanceOf',
    args: [prover.actor.address],
  })
  let stake = (balance / STAKE_UNIT) * STAKE_UNIT
  const floor = minStake({ backlog: pool.backlog }, config)
  if (stake < floor) stake = floor
  const full = pool.activeProvers >= config.maxActiveProvers
  if (full) {
    // Eviction compares standing weights (at maximum capacity, eligibility ignored: SPEC Revision 2.3).
    const standing = pool.provers.map((row) =>
      standingWeight(
        {
          stake: row.stake,
          rewardPerGas: row.rewardPerGas,
          maxCapacity: row.maxCapacity,
          feePerGas: pool.feePerGas,
        },
        config,
      ),
    )
    let lowest = standing[0] ?? 0n
    for (const w of standing) if (w < lowest) lowest = w
    const mine = (s: bigint) =>
      weight({ stake: s, rewardPerGas, capacity, feePerGas: pool.feePerGas }, config)
    while (mine(stake) <= lowest) stake += 100n * STAKE_UNIT
  }
  if (stake > balance) {
    const paid = await network.bank.send({
      ...network.token,
      functionName: 'transfer',
      args: [prover.actor.address, stake - balance],
    })
    if (!paid.ok) throw new Error(`bank transfer to ${prover.label}: ${paid.error}`)
  }
  const approved = await prover.actor.send({
    ...network.token,
    functionName: 'approve',
    args: [network.addresses.protocol, maxUint256],
  })
  if (!approved.ok) throw new Error(`${prover.label} approve: ${approved.error}`)
  const result = await prover.actor.send({
    ...network.protocol,
    functionName: 'stake',
    args: [stake, rewardPerGas, capacity],
  })
  if (!result.ok) throw new Error(`${prover.label} stake: ${result.error}`)
}
