/**
 * Proposer (dev account 1): proposes a block at the scenario's pace with a varied `gasUsed`, paying
 * `F * gasUsed` from an allowance approved once. When the open-block cap is reached it says so once
 * and waits for proofs.
 */
import { maxUint256 } from 'viem'
import { bots } from '../config'
import { event } from '../log'
import type { Network } from '../network'
import { Random } from '../random'

export function startProposer(network: Network): void {
  const random = new Random(0xb10c)
  const [minGas, maxGas] = bots.proposer.gasUsed
  let approved = false
  let capped = false

  network.scheduler.add({
    name: 'proposer',
    periodMs: () => network.conditions.proposerIntervalMs,
    run: async () => {
      if (!approved) {
        const approval = await network.proposer.send({
          ...network.token,
          functionName: 'approve',
          args: [network.addresses.protocol, maxUint256],
        })
        if (!approval.ok) throw new Error(`approve: ${approval.error}`)
        approved = true
      }
      const gasUsed = random.int(minGas, maxGas)
      const result = await network.proposer.send({
        ...network.protocol,
        functionName: 'proposeBlock',
        args: [gasUsed],
      })
      if (result.ok) {
        if (capped) event('proposer', 'open blocks below the cap again: proposing')
        capped = false
        return
      }
      if (result.errorName === 'BlockProtocolTooManyOpenBlocks') {
        if (!capped) {
          const [open, max] = result.errorArgs ?? []
          event('proposer', `open-block cap reached (${open}/${max}): waiting for proofs before proposing`)
        }
        capped = true
        return
      }
      throw new Error(`proposeBlock: ${result.error}`)
    },
  })
}
