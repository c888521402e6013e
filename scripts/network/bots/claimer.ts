/**
 * Claimer: now and then a few demo provers (and the racer) with enough unclaimed rewards claim them.
 */
import { bots } from '../config'
import type { Network } from '../network'
import { Random } from '../random'

export function startClaimer(network: Network): void {
  const random = new Random(0xc1a1)

  network.scheduler.add({
    name: 'claims',
    periodMs: () => bots.claims.everyMs,
    run: async () => {
      if (!network.hasPool) return
      // Every demo staker, active or not; owed rewards are paid at a claim as far as the treasury allows.
      const ready = network.stakers.filter(
        (row) =>
          row.unclaimedRewards + row.owedRewards >= bots.claims.minRewards && network.demoProver(row.prover),
      )
      const picks = new Set<(typeof ready)[number]>()
      while (picks.size < Math.min(bots.claims.perRound, ready.length)) {
        const row = random.pick(ready)
        if (row) picks.add(row)
      }
      const claims = [...picks].flatMap((row) => {
        const prover = network.demoProver(row.prover)
        return prover ? [prover.actor] : []
      })
      // The racer is not a staker, so the lens does not list it: ask the core.
      const racer = await network.clients.publicClient.readContract({
        ...network.protocol,
        functionName: 'getStaker',
        args: [network.racer.address],
      })
      if (racer.rewards >= bots.claims.minRewards) claims.push(network.racer)
      await Promise.all(
        claims.map(async (actor) => {
          const result = await actor.send({ ...network.protocol, functionName: 'claimRewards', args: [] })
          const benign = ['BlockProtocolNothingToClaim', 'BlockProtocolOwedUnfunded']
          if (!result.ok && !benign.includes(result.errorName ?? '')) {
            network.scheduler.report(`${actor.label} claimRewards`, new Error(result.error))
          }
        }),
      )
    },
  })
}
