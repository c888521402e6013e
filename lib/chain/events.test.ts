import { encodeAbiParameters, encodeEventTopics, type Hex, type Log, zeroAddress } from 'viem'
import { describe, expect, it } from 'vitest'
import { poolEventsAbi } from './abi'
import { decodePoolLogs } from './events'

function log(topics: Hex[], data: Hex, logIndex = 0): Log {
  return {
    address: '0x0000000000000000000000000000000000000001',
    blockHash: `0x${'11'.repeat(32)}`,
    blockNumber: 7n,
    data,
    logIndex,
    removed: false,
    topics: topics as [Hex, ...Hex[]],
    transactionHash: `0x${'22'.repeat(32)}`,
    transactionIndex: 0,
  }
}

describe('decodePoolLogs', () => {
  it('turns an open proposal and an emergency change into the dashboard words', () => {
    const proposedTopics = encodeEventTopics({
      abi: poolEventsAbi,
      eventName: 'BlockProposed',
      args: {
        blockId: 3n,
        proposer: '0x00000000000000000000000000000000000000c0',
        assignedProver: zeroAddress,
      },
    })
    const proposedData = encodeAbiParameters(
      [
        { type: 'uint256' },
        { type: 'uint256' },
        { type: 'uint256' },
        { type: 'uint256' },
        { type: 'bytes32' },
      ],
      [1_000n, 10n, 10n, 99n, `0x${'44'.repeat(32)}`],
    )
    const emergencyTopics = encodeEventTopics({ abi: poolEventsAbi, eventName: 'EmergencyModeChanged' })
    const emergencyData = encodeAbiParameters([{ type: 'bool' }, { type: 'uint8' }], [true, 2])
    const [proposed, emergency] = decodePoolLogs([
      log(proposedTopics as Hex[], proposedData, 0),
      log(emergencyTopics as Hex[], emergencyData, 1),
    ])
    expect(proposed).toMatchObject({
      type: 'BlockProposed',
      blockId: 3n,
      assignedProver: null,
      gasUsed: 1_000n,
      proofDeadline: 99n,
      blockNumber: 7n,
      logIndex: 0,
    })
    expect(emergency).toMatchObject({ type: 'EmergencyModeChanged', active: true, reason: 'prover-failure' })
  })

  it('skips logs of other events', () => {
    expect(decodePoolLogs([log([`0x${'33'.repeat(32)}`], '0x')])).toEqual([])
  })
})
