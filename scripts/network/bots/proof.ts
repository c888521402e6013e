/**
 * Sending a proof for one or more blocks (shared by the provers and the racer): `proveBlock` for one,
 * `proveBlocks` for a batch. Blocks are marked in flight meanwhile; a failed proof leaves them for the
 * next tick, unless the chain says they are already proven.
 */
import type { Hex } from 'viem'
import type { Actor } from '../chain'
import type { Network, TrackedBlock } from '../network'

/** The blocks are proven already (another prover or racer came first): forget them. */
const GONE = new Set(['BlockProtocolAlreadyProven', 'BlockProtocolUnknownBlock'])
/** Other proofs landed first and shrank the batch size: the next tick sends a smaller batch. */
const RETRY_QUIETLY = new Set(['BlockProtocolBatchTooLarge'])

export async function sendProof(
  network: Network,
  actor: Actor,
  blocks: TrackedBlock[],
  proof: Hex,
): Promise<void> {
  if (blocks.length === 0) return
  for (const b of blocks) b.inFlight = true
  const ids = blocks.map((b) => b.id)
  const first = ids[0] as bigint
  const result =
    ids.length === 1
      ? await actor.send({ ...network.protocol, functionName: 'proveBlock', args: [first, proof] })
      : await actor.send({ ...network.protocol, functionName: 'proveBlocks', args: [ids, proof] })
  for (const b of blocks) b.inFlight = false
  if (result.ok) {
    // The watcher removes them when it sees BlockProven; until then, do not send them again.
    for (const b of blocks) b.inFlight = true
    return
  }
  if (result.errorName && GONE.has(result.errorName)) {
    for (const b of blocks) network.blocks.delete(b.id)
    return
  }
  if (result.errorName && RETRY_QUIETLY.has(result.errorName)) return
  network.scheduler.report(`${actor.label} proving #${ids.join(', #')}`, new Error(result.error))
}
