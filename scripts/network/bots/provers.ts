/**
 * Demo provers: each proves the blocks assigned to it after a delay drawn from its profile (a fraction
 * of the block's proof window, scaled by the scenario). A flaky prover sometimes misses a block: it
 * never sends the proof, the racer proves it after the window and the prover is slashed. When
 * `currentBatchSize()` allows, a prover sends its due blocks together with `proveBlocks`.
 */
import type { Hex } from 'viem'
import { bots, profiles } from '../config'
import type { DemoProver, Network, TrackedBlock } from '../network'
import { Random } from '../random'
import { sendProof } from './proof'

/** A proof is not sent later than this many seconds before the deadline (it would land late). */
const DEADLINE_MARGIN_SECONDS = 1

export function startProvers(network: Network): void {
  const random = new Random(0x9f00f)
  const planned = new Set<bigint>()

  const plan = (block: TrackedBlock, prover: DemoProver) => {
    planned.add(block.id)
    const profile = profiles[prover.profile]
    if (random.chance(profile.missRate)) return // offline for this one: will be proven late by someone else
    const fraction = random.between(profile.delayOfWindow[0], profile.delayOfWindow[1])
    block.proveAt = block.proposedAt + block.window * fraction * network.conditions.proverDelayFactor
  }

  network.scheduler.add({
    name: 'provers',
    periodMs: () => bots.provers.tickMs,
    initialDelayMs: 0,
    run: async () => {
      if (!network.hasPool) return
      const now = network.now()
      const due = new Map<DemoProver, TrackedBlock[]>()
      for (const block of network.blocks.values()) {
        const prover = network.demoProver(block.assigned)
        if (!prover || block.inFlight) continue
        if (!planned.has(block.id)) plan(block, prover)
        if (block.proveAt === undefined || block.proveAt > now) continue
        if (now > block.deadline - DEADLINE_MARGIN_SECONDS) continue // too late now: left to the racer
        const list = due.get(prover) ?? []
        list.push(block)
        due.set(prover, list)
      }
      for (const id of planned) if (!network.blocks.has(id)) planned.delete(id)
      for (const [prover, blocks] of due) {
        if (prover.actor.busy) continue
        blocks.sort((a, b) => (a.id < b.id ? -1 : 1))
        void sendProof(network, prover.actor, blocks.slice(0, network.batchLimit()), proofBytes(prover))
      }
    },
  })
}

function proofBytes(prover: DemoProver): Hex {
  return `0x${(prover.n + 1).toString(16).padStart(2, '0')}`
}
