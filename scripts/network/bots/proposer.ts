/**
 * Proposer (dev account 1): proposes a block at the scenario's pace with a varied `gasUsed` (at least the
 * config's `minGasPerBlock`) and a block commitment, paying `F * gasUsed` from an allowance approved once.
 * When the open-block cap is reached it says so once and waits for proofs.
 */
import { encodePacked, keccak256, maxUint256 } from 'viem'
import { bots } from '../config'
import { event } from '../log'
import type { Network } from '../network'
import { Random } from '../random'

export function startProposer(network: Network): void {
  const random = new Random(0xb10c)
  const [minGas, maxGas] = bots.proposer.gasUsed
  let approved = false
  let capped = false
  let proposed = 0n

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
      const gasUsed = Math.max(random.int(minGas, maxGas), Number(network.deployment.config.minGasPerBlock))
      // Stands in for the rollup block's data commitment: what a real verifier would check the proof against.
      const commitment = keccak256(
        encodePacked(['address', 'uint256', 'uint32'], [network.proposer.address, proposed++, gasUsed]),
      )
      const result = await network.proposer.send({
        ...network.protocol,
        functionName: 'proposeBlock',
        args: [gasUsed, commitment],
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
