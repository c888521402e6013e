/**
 * Racer (dev account 9, joined by the fast demo provers for open blocks): proves open blocks shortly
 * after they appear and assigned blocks whose window has passed, earning the open/late reward
 * (`openRewardBps`, 1.5×). Late proofs are what slashes the assigned prover. Batches with
 * `proveBlocks` whenever `currentBatchSize()` > 1. Idle while the scenario turns racing off.
 */
import type { Actor } from '../chain'
import { bots } from '../config'
import type { Network, TrackedBlock } from '../network'
import { Random } from '../random'
import { sendProof } from './proof'

export function startRacer(network: Network): void {
  const random = new Random(0x2ace)
  const [openMin, openMax] = bots.racer.openDelayOfWindow
  const [lateMin, lateMax] = bots.racer.lateAfterDeadlineSeconds
  const fast = network.proversWithProfile('fast')
  /** Open blocks are shared among these by block id, so two racers never send the same block. */
  const racers: Actor[] = [network.racer, ...fast.map((p) => p.actor)]
  const lateAt = new Map<bigint, number>()

  network.scheduler.add({
    name: 'racer',
    periodMs: () => bots.racer.tickMs,
    run: async () => {
      if (!network.conditions.racing || !network.hasPool) return
      const now = network.now()
      const due = new Map<Actor, TrackedBlock[]>()
      const add = (actor: Actor, block: TrackedBlock) => {
        const list = due.get(actor) ?? []
        list.push(block)
        due.set(actor, list)
      }
      for (const block of network.blocks.values()) {
        if (block.inFlight) continue
        if (block.open) {
          if (block.raceAt === undefined) {
            block.racer = (racers[Number(block.id % BigInt(racers.length))] ?? network.racer).address
            block.raceAt = block.proposedAt + block.window * random.between(openMin, openMax)
          }
          if (block.raceAt > now) continue
          add(racers.find((r) => r.address === block.racer) ?? network.racer, block)
          continue
        }
        let at = lateAt.get(block.id)
        if (at === undefined) {
          at = block.deadline + random.between(lateMin, lateMax)
          lateAt.set(block.id, at)
        }
        if (at <= now) add(network.racer, block)
      }
      for (const id of lateAt.keys()) if (!network.blocks.has(id)) lateAt.delete(id)
      for (const [actor, blocks] of due) {
        if (actor.busy) continue
        blocks.sort((a, b) => (a.id < b.id ? -1 : 1))
        void sendProof(network, actor, blocks.slice(0, network.batchLimit()), '0x01')
      }
    },
  })
}
