/**
 * Watcher: reads the protocol's events and the pool view once per poll, keeps `network.blocks` (the
 * unproven blocks) up to date for the other bots, and logs one line per notable event: slashes,
 * evictions, exits, joins, R/C changes, proof batches, emergency mode and batching switching on or off.
 */
import { type Address, type Hash, zeroAddress } from 'viem'
import { EmergencyReason } from '../../../lib/pool-math/types'
import { bots } from '../config'
import { bold, event, green, red, yellow } from '../log'
import { gwei, type Network, tko } from '../network'

const reasonName: Record<number, string> = {
  [EmergencyReason.None]: 'none',
  [EmergencyReason.Congestion]: 'congestion',
  [EmergencyReason.ProverFailure]: 'prover failure',
}

type ProvenInTx = { ids: bigint[]; prover: Address; reward: bigint; emergency: boolean }

export function startWatcher(network: Network, fromBlock: bigint): void {
  const { publicClient } = network.clients
  let cursor = fromBlock - 1n
  // Batching follows the backlog and can flicker around the threshold: log a change once it held 3 polls.
  let batching = network.hasPool ? network.pool.batchSize > 1n : false
  let flips = 0

  network.scheduler.add({
    name: 'watcher',
    periodMs: () => bots.pollMs,
    initialDelayMs: 0,
    run: async () => {
      const head = await publicClient.getBlock({ blockTag: 'latest' })
      network.observeChainTime(Number(head.timestamp))
      if (head.number > cursor) {
        const logs = await publicClient.getContractEvents({
          ...network.protocol,
          fromBlock: cursor + 1n,
          toBlock: head.number,
          // Only logs that decode in full: their args are then typed per event, no casts needed.
          strict: true,
        })
        await handle(logs)
        cursor = head.number
      }
      const pool = await network.readPool()
      const nowBatching = pool.batchSize > 1n
      flips = nowBatching === batching ? 0 : flips + 1
      if (flips >= 3) {
        flips = 0
        batching = nowBatching
        event(
          'batching',
          nowBatching
            ? `${bold('on')}: up to ${pool.batchSize} blocks per proof (backlog ${pool.backlog}${pool.emergency ? ', emergency' : ''})`
            : `off (backlog ${pool.backlog})`,
        )
      }
    },
  })

  type Logs = Awaited<
    ReturnType<typeof publicClient.getContractEvents<typeof network.protocol.abi, undefined, true>>
  >

  async function handle(logs: Logs): Promise<void> {
    // New blocks: read their record (proposedAt, window) in one go.
    const proposed = logs.flatMap((l) => (l.eventName === 'BlockProposed' ? [l.args.blockId] : []))
    const records = await Promise.all(
      proposed.map((id) =>
        publicClient.readContract({ ...network.protocol, functionName: 'getBlock', args: [id] }),
      ),
    )
    for (const info of records) {
      network.stats.proposed += 1
      if (info.proven) continue
      const proposedAt = Number(info.proposedAt)
      const window = Number(info.proofWindow)
      network.blocks.set(info.blockId, {
        id: info.blockId,
        assigned: info.assignedProver === zeroAddress ? undefined : info.assignedProver,
        open: info.open,
        gasUsed: info.gasUsed,
        proposedAt,
        window,
        deadline: proposedAt + window,
        inFlight: false,
      })
      if (info.open) network.stats.open += 1
    }

    const provenByTx = new Map<Hash, ProvenInTx>()
    for (const log of logs) {
      switch (log.eventName) {
        case 'BlockProven': {
          const { blockId, prover, reward, late, batched } = log.args
          network.blocks.delete(blockId)
          network.stats.proven += 1
          if (late) network.stats.late += 1
          if (batched && log.transactionHash) {
            const entry = provenByTx.get(log.transactionHash) ?? {
              ids: [],
              prover,
              reward: 0n,
              emergency: network.hasPool && network.pool.emergency,
            }
            entry.ids.push(blockId)
            entry.reward += reward
            provenByTx.set(log.transactionHash, entry)
          }
          break
        }
        case 'Slashed': {
          const { prover, blockId, amount, remainingStake } = log.args
          network.stats.slashes += 1
          const by = logs.find(
            (l) =>
              l.eventName === 'BlockProven' &&
              l.transactionHash === log.transactionHash &&
              l.args.blockId === blockId,
          )
          const prover2 = by?.eventName === 'BlockProven' ? by.args.prover : undefined
          event(
            red('slash'),
            `${network.label(prover)} lost ${tko(amount)} for missing block #${blockId}` +
              `${prover2 ? `, proven late by ${network.label(prover2)} (1.5× reward)` : ''} · ${tko(remainingStake, 0)} left`,
          )
          break
        }
        case 'Evicted': {
          const { prover, by, amount, unlocksAt } = log.args
          network.stats.evictions += 1
          event(
            yellow('evict'),
            `${network.label(prover)} evicted by ${network.label(by)}: ${tko(amount, 0)} queued, unlocks in ${Math.max(0, Math.round(Number(unlocksAt) - network.now()))} s`,
          )
          break
        }
        case 'ExitRequested': {
          const { prover, amount, unlocksAt } = log.args
          network.stats.exits += 1
          event(
            'exit',
            `${network.label(prover)} requested an exit: ${tko(amount, 0)} unlocks in ${Math.max(0, Math.round(Number(unlocksAt) - network.now()))} s`,
          )
          break
        }
        case 'Withdrawn': {
          const { prover, amount } = log.args
          network.stats.withdrawals += 1
          event('withdraw', `${network.label(prover)} withdrew ${tko(amount, 0)}`)
          break
        }
        case 'Staked': {
          const { prover, amount, totalStake, rewardPerGas, capacity, slot } = log.args
          network.stats.joins += 1
          const topUp = totalStake !== amount
          event(
            'stake',
            topUp
              ? `${network.label(prover)} topped up ${tko(amount, 0)} (now ${tko(totalStake, 0)})`
              : `${network.label(prover)} joined slot ${slot} with ${tko(amount, 0)}, R ${gwei(rewardPerGas, 3)}, capacity ${capacity}`,
          )
          break
        }
        case 'RewardPerGasChanged': {
          const { prover, oldRewardPerGas, newRewardPerGas } = log.args
          network.stats.changes += 1
          event(
            'tune',
            `${network.label(prover)} R ${gwei(oldRewardPerGas, 3)} → ${gwei(newRewardPerGas, 3)}`,
          )
          break
        }
        case 'CapacityChanged': {
          const { prover, oldCapacity, newCapacity } = log.args
          network.stats.changes += 1
          event('tune', `${network.label(prover)} capacity ${oldCapacity} → ${newCapacity}`)
          break
        }
        case 'RewardsClaimed':
          network.stats.claims += 1
          break
        case 'FeePerGasChanged':
          network.stats.feeChanges += 1
          break
        case 'EmergencyModeChanged': {
          const { active, reason } = log.args
          const at = await network.clients.publicClient
            .readContract({
              ...network.lens,
              functionName: 'getPool',
              args: [network.addresses.protocol],
              blockNumber: log.blockNumber ?? undefined,
            })
            .catch(() => undefined)
          const where = at
            ? ` at backlog ${at.backlog} (open ${at.openBlocks}, batch size ${at.batchSize})`
            : ''
          if (active) {
            network.stats.emergencyOn += 1
            event(
              red('EMERGENCY'),
              `${bold('ON')} — ${reasonName[reason] ?? reason}${where}: new blocks are open`,
            )
          } else {
            network.stats.emergencyOff += 1
            event(green('emergency'), `${bold('OFF')}${where}: selection resumes`)
          }
          break
        }
        default:
          break
      }
    }
    for (const { ids, prover, reward, emergency } of provenByTx.values()) {
      network.stats.batches += 1
      const sorted = ids.sort((a, b) => (a < b ? -1 : 1))
      event(
        'batch',
        `${network.label(prover)} proved ${ids.length} blocks #${sorted.join(', #')} in one tx (+${tko(reward, 4)}${emergency ? ', emergency' : ''})`,
      )
    }
  }
}
