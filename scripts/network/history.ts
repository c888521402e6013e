/**
 * A long history on demand (`npm start -- --history N`): N L2 blocks proposed and proven before the
 * bots start, many per anvil block, so a mature pool is there in seconds to minutes. Automine is off
 * while it runs; each round sends a batch of proposals (one anvil block), reads who was assigned, and
 * sends their proofs (the next anvil block). Every prover sends its own proofs (anvil impersonates the
 * demo accounts); open blocks are proven by the racer; now and then a block is left to miss its window
 * and is proven late by the racer, which slashes its prover. Varied gas per block.
 */
import {
  type Address,
  encodeFunctionData,
  type Hex,
  keccak256,
  maxUint256,
  numberToHex,
  parseEventLogs,
  toHex,
} from 'viem'
import { BlockProtocol, TaikoToken } from '../../contracts-abi'
import { DEPLOYER_INDEX, devAccount, PROPOSER_INDEX, RACER_INDEX } from '../../lib/network/accounts'

export type GenerateHistoryParameters = {
  rpcUrl: string
  addresses: { token: Address; protocol: Address }
  /** L2 blocks to propose and prove. */
  blocks: number
  /** Proposals per anvil block (kept under the congestion backlog so no emergency starts). */
  perRound?: number
  /** One block in this many misses its window (proven late by the racer, its prover slashed). */
  lateEvery?: number
  minGasPerBlock: bigint
  /** Seconds between interval-mined blocks to restore afterwards (npm start's anvil mines every second). */
  restoreIntervalMining?: number
  onProgress?: (done: number, total: number, blocksPerSecond: number) => void
}

type RpcCall = { method: string; params: unknown[] }

async function rpc(url: string, calls: RpcCall[]): Promise<unknown[]> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(calls.map((c, id) => ({ jsonrpc: '2.0', id, ...c }))),
  })
  const answers = (await response.json()) as { id: number; result?: unknown; error?: { message: string } }[]
  const byId = new Map(answers.map((a) => [a.id, a]))
  return calls.map((c, id) => {
    const a = byId.get(id)
    if (!a || a.error) throw new Error(`${c.method}: ${a?.error?.message ?? 'no answer'}`)
    return a.result
  })
}

const tx = (from: Address, to: Address, data: Hex, gas: bigint, nonce: bigint): RpcCall => ({
  method: 'eth_sendTransaction',
  params: [{ from, to, data, gas: numberToHex(gas), nonce: numberToHex(nonce) }],
})

/** Proposes and proves `blocks` L2 blocks; returns how long it took (ms). */
export async function generateHistory(p: GenerateHistoryParameters): Promise<{ ms: number; late: number }> {
  const { rpcUrl, addresses } = p
  const perRound = p.perRound ?? 24
  const lateEvery = p.lateEvery ?? 400
  const proposer = devAccount(PROPOSER_INDEX).address
  const racer = devAccount(RACER_INDEX).address
  const deployer = devAccount(DEPLOYER_INDEX).address
  // Explicit nonces: anvil may handle a batch's requests concurrently, and only this loop sends meanwhile.
  const nonces = new Map<string, bigint>()
  const loadNonces = async (senders: readonly Address[]) => {
    const missing = [...new Set(senders.map((a) => a.toLowerCase()))].filter((a) => !nonces.has(a))
    if (missing.length === 0) return
    const counts = (await rpc(
      rpcUrl,
      missing.map((a) => ({ method: 'eth_getTransactionCount', params: [a, 'pending'] })),
    )) as Hex[]
    missing.forEach((a, i) => {
      nonces.set(a, BigInt(counts[i]!))
    })
  }
  const call = (data: Hex, gas: bigint, from: Address, to: Address = addresses.protocol) => {
    const key = from.toLowerCase()
    const nonce = nonces.get(key)
    if (nonce === undefined) throw new Error(`no nonce loaded for ${from}`)
    nonces.set(key, nonce + 1n)
    return tx(from, to, data, gas, nonce)
  }
  await loadNonces([proposer, racer, deployer])

  // Enough TKO for every proposal fee, and the allowance; then batch mode.
  await rpc(rpcUrl, [
    { method: 'anvil_autoImpersonateAccount', params: [true] },
    call(
      encodeFunctionData({ abi: TaikoToken.abi, functionName: 'mint', args: [proposer, 10n ** 30n] }),
      200_000n,
      deployer,
      addresses.token,
    ),
    call(
      encodeFunctionData({
        abi: TaikoToken.abi,
        functionName: 'approve',
        args: [addresses.protocol, maxUint256],
      }),
      200_000n,
      proposer,
      addresses.token,
    ),
  ])
  // Only this loop mines meanwhile: no automine, no interval mining (a round is one block of proposals).
  await rpc(rpcUrl, [
    { method: 'evm_setAutomine', params: [false] },
    { method: 'evm_setIntervalMining', params: [0] },
  ])

  const started = Date.now()
  let done = 0
  let late = 0
  let seed = 7
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31
    return seed / 2 ** 31
  }
  /** Blocks left to miss their window: proven late by the racer once the deadline has passed. */
  const pendingLate: { blockId: bigint; deadline: bigint }[] = []
  // With interval mining on (npm start's anvil mines every second) a round's transactions may land in
  // more than one block: read the proposals from every block since the last round.
  let [fromBlock] = (await rpc(rpcUrl, [{ method: 'eth_blockNumber', params: [] }])) as [Hex]
  try {
    while (done < p.blocks) {
      const n = Math.min(perRound, p.blocks - done)
      const proposals: RpcCall[] = []
      for (let i = 0; i < n; i++) {
        const gas = p.minGasPerBlock + BigInt(Math.floor(random() * 4_000_000))
        const commitment = keccak256(toHex(`history ${done + i}`))
        proposals.push(
          call(
            encodeFunctionData({
              abi: BlockProtocol.abi,
              functionName: 'proposeBlock',
              args: [Number(gas), commitment],
            }),
            600_000n,
            proposer,
          ),
        )
      }
      await rpc(rpcUrl, [...proposals, { method: 'evm_mine', params: [] }])
      const [head] = (await rpc(rpcUrl, [{ method: 'eth_getBlockByNumber', params: ['latest', false] }])) as [
        { number: Hex; timestamp: Hex },
      ]
      const [logs] = (await rpc(rpcUrl, [
        {
          method: 'eth_getLogs',
          params: [
            {
              address: addresses.protocol,
              fromBlock: numberToHex(BigInt(fromBlock) + 1n),
              toBlock: head.number,
            },
          ],
        },
      ])) as [Parameters<typeof parseEventLogs>[0]['logs']]
      const proposed = parseEventLogs({ abi: BlockProtocol.abi, logs, eventName: 'BlockProposed' })
      if (proposed.length !== n) throw new Error(`${n - proposed.length} of ${n} proposals reverted`)
      const now = BigInt(head.timestamp)
      await loadNonces(proposed.map((log) => log.args.assignedProver))
      const proofs: RpcCall[] = []
      for (const log of proposed) {
        const { blockId, assignedProver, proofDeadline } = log.args
        const open = assignedProver === '0x0000000000000000000000000000000000000000'
        if (!open && Number(blockId) % lateEvery === 0) {
          pendingLate.push({ blockId, deadline: proofDeadline })
          continue
        }
        proofs.push(
          call(
            encodeFunctionData({
              abi: BlockProtocol.abi,
              functionName: 'proveBlock',
              args: [blockId, '0x01'],
            }),
            500_000n,
            open ? racer : assignedProver,
          ),
        )
      }
      // Missed windows: proven late by the racer (the assigned prover is slashed).
      while (pendingLate.length > 0 && pendingLate[0]!.deadline < now) {
        const { blockId } = pendingLate.shift()!
        proofs.push(
          call(
            encodeFunctionData({
              abi: BlockProtocol.abi,
              functionName: 'proveBlock',
              args: [blockId, '0x01'],
            }),
            500_000n,
            racer,
          ),
        )
        late++
      }
      await rpc(rpcUrl, [...proofs, { method: 'evm_mine', params: [] }])
      ;[fromBlock] = (await rpc(rpcUrl, [{ method: 'eth_blockNumber', params: [] }])) as [Hex]
      done += n
      p.onProgress?.(done, p.blocks, (done * 1000) / Math.max(1, Date.now() - started))
    }
    // The last late ones: move time past their windows and prove them.
    if (pendingLate.length > 0) {
      const last = pendingLate.at(-1)!.deadline
      await rpc(rpcUrl, [{ method: 'evm_setNextBlockTimestamp', params: [numberToHex(last + 1n)] }])
      await rpc(rpcUrl, [
        ...pendingLate.map((b) =>
          call(
            encodeFunctionData({
              abi: BlockProtocol.abi,
              functionName: 'proveBlock',
              args: [b.blockId, '0x01'],
            }),
            500_000n,
            racer,
          ),
        ),
        { method: 'evm_mine', params: [] },
      ])
      late += pendingLate.length
    }
  } finally {
    await rpc(rpcUrl, [
      { method: 'evm_setAutomine', params: [true] },
      ...(p.restoreIntervalMining
        ? [{ method: 'evm_setIntervalMining', params: [p.restoreIntervalMining] }]
        : []),
      { method: 'anvil_autoImpersonateAccount', params: [false] },
    ])
  }
  return { ms: Date.now() - started, late }
}
