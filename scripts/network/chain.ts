/**
 * The bots' connection to the chain: one public client, one test client (anvil cheats), and an
 * `Actor` per account that sends its transactions one at a time (so nonces never collide), estimates
 * gas with a margin, and turns reverts into one readable line instead of an exception.
 */
import {
  type Abi,
  type Account,
  type Address,
  BaseError,
  type Chain,
  type ContractFunctionArgs,
  type ContractFunctionName,
  ContractFunctionRevertedError,
  createPublicClient,
  createTestClient,
  createWalletClient,
  type Hash,
  http,
  type PublicClient,
  type TestClient,
  type Transport,
  type WalletClient,
} from 'viem'
import { chainFor } from '../../lib/chain/chains'

export const LOCAL_CHAIN_ID = 31_337

export type Clients = {
  chain: Chain
  rpcUrl: string
  publicClient: PublicClient<Transport, Chain>
  testClient: TestClient<'anvil', Transport, Chain>
}

export function createClients(rpcUrl: string, chainId = LOCAL_CHAIN_ID): Clients {
  const chain = chainFor(chainId, rpcUrl)
  const transport = http(rpcUrl, { batch: false, retryCount: 2, retryDelay: 250, timeout: 15_000 })
  return {
    chain,
    rpcUrl,
    publicClient: createPublicClient({ chain, transport, pollingInterval: 200, cacheTime: 0 }),
    testClient: createTestClient({ chain, transport, mode: 'anvil', pollingInterval: 200 }),
  }
}

type WriteMutability = 'nonpayable' | 'payable'

export type ContractWrite<
  abi extends Abi = Abi,
  functionName extends ContractFunctionName<abi, WriteMutability> = ContractFunctionName<
    abi,
    WriteMutability
  >,
> = {
  address: Address
  abi: abi
  functionName: functionName
  args: ContractFunctionArgs<abi, WriteMutability, functionName>
}

/** How a transaction went: mined, or why not (a decoded contract error where there is one). */
export type SendResult =
  | { ok: true; hash: Hash; blockNumber: bigint }
  | { ok: false; error: string; errorName?: string; errorArgs?: readonly unknown[] }

/** One account of the network, sending its transactions strictly one after another. */
export class Actor {
  readonly label: string
  readonly account: Account
  readonly #clients: Clients
  readonly #wallet: WalletClient<Transport, Chain, Account>
  #queue: Promise<unknown> = Promise.resolve()
  #pending = 0

  constructor(label: string, account: Account, clients: Clients) {
    this.label = label
    this.account = account
    this.#clients = clients
    this.#wallet = createWalletClient({
      account,
      chain: clients.chain,
      transport: http(clients.rpcUrl, { batch: false, retryCount: 2, timeout: 15_000 }),
      pollingInterval: 200,
    })
  }

  get address(): Address {
    return this.account.address
  }

  /** Transactions queued or in flight. */
  get busy(): boolean {
    return this.#pending > 0
  }

  /** Queues a contract write; never throws (the result says what went wrong). */
  send<const abi extends Abi, functionName extends ContractFunctionName<abi, WriteMutability>>(
    call: ContractWrite<abi, functionName>,
  ): Promise<SendResult> {
    this.#pending += 1
    const run = this.#queue.then(() => this.#send(call as unknown as ContractWrite))
    this.#queue = run.catch(() => undefined)
    return run.finally(() => {
      this.#pending -= 1
    })
  }

  async #send(call: ContractWrite): Promise<SendResult> {
    const { publicClient } = this.#clients
    try {
      const estimate = await publicClient.estimateContractGas({ ...call, account: this.account } as never)
      const hash = await this.#wallet.writeContract({
        ...call,
        gas: (estimate * 5n) / 4n + 30_000n,
      } as never)
      const receipt = await publicClient.waitForTransactionReceipt({ hash, timeout: 60_000 })
      if (receipt.status !== 'success') {
        // The state moved between the estimate and the block (another bot's transaction came
        // first). Estimating again usually names the reason; the caller retries later either way.
        const again = await publicClient
          .estimateContractGas({ ...call, account: this.account } as never)
          .then(() => undefined)
          .catch((error: unknown) => failure(error))
        return again?.errorName
          ? { ...again, error: `${again.error}: reverted on chain, another transaction came first` }
          : { ok: false, error: `${call.functionName} reverted on chain: another transaction came first` }
      }
      return { ok: true, hash, blockNumber: receipt.blockNumber }
    } catch (error) {
      return failure(error)
    }
  }
}

/** Turns a viem error into a `SendResult` with the decoded custom error, if any. */
export function failure(error: unknown): SendResult & { ok: false } {
  if (error instanceof BaseError) {
    const reverted = error.walk((e) => e instanceof ContractFunctionRevertedError)
    if (reverted instanceof ContractFunctionRevertedError) {
      const errorName = reverted.data?.errorName ?? reverted.reason ?? 'revert'
      const errorArgs = reverted.data?.args ?? []
      return {
        ok: false,
        errorName,
        errorArgs,
        error: `${errorName}(${errorArgs.map((a) => String(a)).join(', ')})`,
      }
    }
    return { ok: false, error: error.shortMessage.split('\n')[0] ?? error.shortMessage }
  }
  return { ok: false, error: error instanceof Error ? error.message : String(error) }
}
