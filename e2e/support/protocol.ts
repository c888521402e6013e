/**
 * Drives the deployed protocol from the test, with the local network's dev keys (lib/network/accounts):
 * propose blocks as the proposer, prove them as their assigned prover, mint TKO, read the lens. Every
 * write waits for its receipt and fails the test with the decoded contract error if it reverts.
 */
import {
  type Abi,
  type Address,
  type ContractFunctionArgs,
  type ContractFunctionName,
  getAddress,
  type Hex,
  keccak256,
  maxUint256,
  parseEventLogs,
  type TransactionReceipt,
  toHex,
  zeroAddress,
} from 'viem'
import { BlockProtocol } from '@/contracts-abi/BlockProtocol'
import { ProverPoolLens } from '@/contracts-abi/ProverPoolLens'
import { TaikoToken } from '@/contracts-abi/TaikoToken'
import {
  DEPLOYER_INDEX,
  type DevAccount,
  devAccount,
  FIRST_DEMO_PROVER_INDEX,
  PROPOSER_INDEX,
  RACER_INDEX,
} from '@/lib/network/accounts'
import { proposalFee } from '@/lib/pool-math/proposalFee'
import type { E2EChain } from './chain'

/** The contract addresses the helpers use (from the deployments file). */
export type ProtocolAddresses = { token: Address; protocol: Address; lens: Address }

/** Demo provers the population may use (mnemonic indexes 10…49). */
const DEMO_PROVER_SLOTS = 40

/** What a proposal produced (from its `BlockProposed` event). */
export type ProposedBlock = {
  blockId: bigint
  /** `null` for an open block. */
  assignedProver: Address | null
  gasUsed: bigint
  feePerGas: bigint
  rewardPerGas: bigint
  proofDeadline: bigint
  receipt: TransactionReceipt
}

export type ProposeBlockParameters = {
  /** Default 1,000,000. */
  gasUsed?: bigint
  /** Private key of the proposer. Default: the proposer dev account (index 1), funded by the population. */
  from?: Hex
}

export type ProveBlockParameters = {
  /** Private key of the prover. Default: the block's assigned prover, or the racer (index 9) for an open block. */
  from?: Hex
  /** Default `0x01` (the development verifier accepts any non-empty proof). */
  proof?: Hex
}

type WriteMutability = 'nonpayable' | 'payable'

export type ProtocolHelpers = ReturnType<typeof createProtocolHelpers>

export function createProtocolHelpers(chain: E2EChain, addresses: ProtocolAddresses) {
  const { publicClient } = chain
  const protocol = { address: addresses.protocol, abi: BlockProtocol.abi } as const
  const token = { address: addresses.token, abi: TaikoToken.abi } as const

  let keysByAddress: Map<Address, DevAccount> | undefined
  /** The dev account (deployer, proposer, free, racer, demo provers) with this address, if any. */
  const devAccountOf = (address: Address): DevAccount | undefined => {
    if (!keysByAddress) {
      keysByAddress = new Map()
      for (let index = 0; index < FIRST_DEMO_PROVER_INDEX + DEMO_PROVER_SLOTS; index += 1) {
        const account = devAccount(index)
        keysByAddress.set(account.address, account)
      }
    }
    return keysByAddress.get(getAddress(address))
  }

  /** Simulates (so a revert fails with the decoded error), sends, and waits for a successful receipt. */
  async function write<
    const abi extends Abi,
    functionName extends ContractFunctionName<abi, WriteMutability>,
  >(
    privateKey: Hex,
    call: {
      address: Address
      abi: abi
      functionName: functionName
      args: ContractFunctionArgs<abi, WriteMutability, functionName>
    },
  ): Promise<TransactionReceipt> {
    const wallet = chain.walletClient(privateKey)
    const { request } = await publicClient.simulateContract({ ...call, account: wallet.account } as never)
    const hash = await wallet.writeContract(request as never)
    const receipt = await publicClient.waitForTransactionReceipt({ hash })
    if (receipt.status !== 'success') throw new Error(`${call.functionName} reverted on chain (tx ${hash})`)
    return receipt
  }

  const readProtocol = <T>(functionName: string, args: readonly unknown[] = []) =>
    publicClient.readContract({ ...protocol, functionName, args } as never) as Promise<T>

  let proposals = 0
  const helpers = {
    addresses,
    deployer: devAccount(DEPLOYER_INDEX),
    proposer: devAccount(PROPOSER_INDEX),
    racer: devAccount(RACER_INDEX),
    devAccountOf,

    /** The whole pool as the dashboard reads it (`ProverPoolLens.getPool`). */
    getPool() {
      return publicClient.readContract({
        address: addresses.lens,
        abi: ProverPoolLens.abi,
        functionName: 'getPool',
        args: [addresses.protocol],
      })
    },

    /**
     * Every staker ever seen (any status), from the lens's paginated `getStakers` (getPool lists only
     * the active ones): the leaderboard's rows.
     */
    async getStakers() {
      const [rows] = await publicClient.readContract({
        address: addresses.lens,
        abi: ProverPoolLens.abi,
        functionName: 'getStakers',
        args: [addresses.protocol, 0n, 1_000n],
      })
      return rows
    },

    getBlock(blockId: bigint) {
      return publicClient.readContract({ ...protocol, functionName: 'getBlock', args: [blockId] })
    },

    feePerGas: () => readProtocol<bigint>('feePerGas'),
    nextBlockId: () => readProtocol<bigint>('nextBlockId'),

    balanceOf(owner: Address) {
      return publicClient.readContract({ ...token, functionName: 'balanceOf', args: [owner] })
    },

    /** Mints TKO (the deployer owns the token). */
    async mintTko(to: Address, amount: bigint): Promise<void> {
      await write(helpers.deployer.privateKey, { ...token, functionName: 'mint', args: [to, amount] })
    },

    /** Approves the core to pull `amount` (default: unlimited) of `owner`'s TKO. */
    async approveTko(ownerKey: Hex, amount: bigint = maxUint256): Promise<void> {
      await write(ownerKey, { ...token, functionName: 'approve', args: [addresses.protocol, amount] })
    },

    /**
     * Proposes one block, paying `F * gasUsed` (mints and approves the fee first if needed). Returns the
     * block id and who was assigned (null: open block).
     */
    async proposeBlock({ gasUsed = 1_000_000n, from }: ProposeBlockParameters = {}): Promise<ProposedBlock> {
      const key = from ?? helpers.proposer.privateKey
      const address = chain.walletClient(key).account.address
      const fee = proposalFee({ feePerGas: await helpers.feePerGas(), gasUsed })
      const [balance, allowance] = await Promise.all([
        helpers.balanceOf(address),
        publicClient.readContract({
          ...token,
          functionName: 'allowance',
          args: [address, addresses.protocol],
        }),
      ])
      if (balance < fee) await helpers.mintTko(address, fee - balance)
      if (allowance < fee) await helpers.approveTko(key)
      const commitment = keccak256(toHex(`e2e block ${++proposals}`))
      const receipt = await write(key, {
        ...protocol,
        functionName: 'proposeBlock',
        args: [Number(gasUsed), commitment],
      })
      const [event] = parseEventLogs({
        abi: BlockProtocol.abi,
        eventName: 'BlockProposed',
        logs: receipt.logs,
      })
      if (!event) throw new Error('proposeBlock: no BlockProposed event in the receipt')
      const args = event.args as {
        blockId: bigint
        assignedProver: Address
        gasUsed: bigint | number
        feePerGas: bigint
        rewardPerGas: bigint
        proofDeadline: bigint
      }
      return {
        blockId: args.blockId,
        assignedProver: args.assignedProver === zeroAddress ? null : args.assignedProver,
        gasUsed: BigInt(args.gasUsed),
        feePerGas: args.feePerGas,
        rewardPerGas: args.rewardPerGas,
        proofDeadline: args.proofDeadline,
        receipt,
      }
    },

    /** Proposes `count` blocks one after another. */
    async proposeBlocks(count: number, parameters: ProposeBlockParameters = {}): Promise<ProposedBlock[]> {
      const blocks: ProposedBlock[] = []
      for (let i = 0; i < count; i += 1) blocks.push(await helpers.proposeBlock(parameters))
      return blocks
    },

    /**
     * Proves one block: by default as its assigned prover (a demo prover key), or as the racer for an
     * open block. Pass `from` to prove as someone else (e.g. after the window, to cause a slash).
     */
    async proveBlock(blockId: bigint, { from, proof = '0x01' }: ProveBlockParameters = {}) {
      return helpers.proveBlocks([blockId], { from, proof })
    },

    /** Proves a batch (`proveBlocks`); the default prover is that of the first block. */
    async proveBlocks(blockIds: readonly bigint[], { from, proof = '0x01' }: ProveBlockParameters = {}) {
      const first = blockIds[0]
      if (first === undefined) throw new Error('proveBlocks: no block ids')
      let key = from
      if (!key) {
        const block = (await helpers.getBlock(first)) as { assignedProver: Address }
        if (block.assignedProver === zeroAddress) key = helpers.racer.privateKey
        else {
          const assigned = devAccountOf(block.assignedProver)
          if (!assigned) {
            throw new Error(
              `Block ${first} is assigned to ${block.assignedProver}, which is not a dev account.`,
            )
          }
          key = assigned.privateKey
        }
      }
      const receipt = await write(key, {
        ...protocol,
        functionName: 'proveBlocks',
        args: [[...blockIds], proof],
      })
      const events = parseEventLogs({ abi: BlockProtocol.abi, eventName: 'BlockProven', logs: receipt.logs })
      return { receipt, events: events.map((e) => e.args) }
    },
  }
  return helpers
}
