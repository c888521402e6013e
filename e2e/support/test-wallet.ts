/**
 * The test wallet: an EIP-1193 provider in the page (test-wallet-inject.ts) whose every request is
 * answered here, in Node, by the test. The private key never enters the page. Wallet requests
 * (accounts, chain, signing, sending) are handled by a viem account; every other method is forwarded
 * to anvil unchanged, errors included, so the app sees exactly what a real wallet on that node shows.
 *
 * ```ts
 * const wallet = await TestWallet.install(page, { startChainId: 1 })
 * wallet.rejectNext('eth_sendTransaction')
 * ```
 */
import type { BrowserContext, Page } from '@playwright/test'
import { type Address, type Hex, hexToBigInt, isHex, keccak256, type PrivateKeyAccount, toHex } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { devAccount, FREE_DEV_INDEXES } from '@/lib/network/accounts'
import { E2E_CHAIN_ID, E2E_RPC_URL } from './env'
import {
  type InjectTestWalletConfig,
  injectTestWallet,
  type TestWalletInfo,
  type TestWalletResponse,
} from './test-wallet-inject'

/**
 * Methods a test can make the "user" reject with `rejectNext` (EIP-1193 error 4001).
 * `eth_requestAccounts` and `wallet_requestPermissions` are the same connect prompt: either rejects
 * the next connection, whichever method the app uses.
 */
export type RejectableMethod =
  | 'eth_requestAccounts'
  | 'wallet_requestPermissions'
  | 'wallet_switchEthereumChain'
  | 'eth_sendTransaction'
  | 'eth_signTypedData_v4'
  | 'personal_sign'

export type TestWalletOptions = {
  /** Private key the wallet signs with. Default: the first free dev account (mnemonic index 2). */
  account?: Hex
  /** Chain the wallet is on at first. Default: anvil's 31337. Use 1 to start on the "wrong network". */
  startChainId?: number
  /** Whether `wallet_switchEthereumChain` succeeds (false: the user always declines). Default true. */
  allowChainSwitch?: boolean
  /** Chains the wallet knows besides anvil's (switching to others fails with 4902). Default [1]. */
  knownChainIds?: number[]
  /** Already connected to the site: `eth_accounts` returns the account without a prompt. Default false. */
  authorized?: boolean
  /** Node the wallet signs for and forwards reads to. Default: the e2e anvil. */
  rpcUrl?: string
  /** Also set `window.ethereum` (it is always announced through EIP-6963). Default true. */
  setWindowEthereum?: boolean
  /** EIP-6963 info overrides (name, rdns, …). */
  info?: Partial<TestWalletInfo>
}

/** One request the page made, as the wallet saw it (for assertions). */
export type TestWalletRequest = { method: string; params: unknown }

type ProviderError = { code: number; message: string; data?: unknown }
type RpcTransaction = {
  from?: Address
  to?: Address | null
  data?: Hex
  input?: Hex
  value?: Hex
  gas?: Hex
  gasPrice?: Hex
  maxFeePerGas?: Hex
  maxPriorityFeePerGas?: Hex
  nonce?: Hex
  chainId?: Hex
}

/** EIP-1193 / EIP-1474 error codes the wallet answers with. */
export const walletErrorCodes = {
  userRejected: 4001,
  unauthorized: 4100,
  unsupportedMethod: 4200,
  chainDisconnected: 4901,
  unrecognizedChain: 4902,
  invalidParams: -32602,
  internal: -32603,
} as const

const ICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="8" fill="#0f766e"/><path d="M9 11h14v3H9zm0 7h14v3H9z" fill="#fff"/></svg>'

/** Default EIP-6963 info: what the RainbowKit modal lists under "Installed". */
export const testWalletInfo: Omit<TestWalletInfo, 'uuid'> = {
  name: 'Test Wallet',
  icon: `data:image/svg+xml;base64,${Buffer.from(ICON_SVG).toString('base64')}`,
  rdns: 'dev.proverpool.testwallet',
}

/** Both methods show the same "connect to this site" prompt: rejecting one rejects the connection. */
const CONNECT_PROMPT = ['eth_requestAccounts', 'wallet_requestPermissions'] as const

/** Name of the page → Node binding. */
const BINDING = '__testWalletRequest'

export class TestWallet {
  /** Every request the page made, in order. */
  readonly requests: TestWalletRequest[] = []
  readonly info: TestWalletInfo
  readonly #target: Page | BrowserContext
  readonly #rpcUrl: string
  readonly #knownChainIds: Set<number>
  #account: PrivateKeyAccount
  #chainId: number
  #authorized: boolean
  #allowChainSwitch: boolean
  #rejections: RejectableMethod[] = []
  #rpcId = 0
  /** Sends run one after another, so two in flight never pick the same nonce. */
  #sendQueue: Promise<unknown> = Promise.resolve()

  private constructor(target: Page | BrowserContext, options: TestWalletOptions) {
    this.#target = target
    this.#rpcUrl = options.rpcUrl ?? E2E_RPC_URL
    this.#account = privateKeyToAccount(options.account ?? devAccount(FREE_DEV_INDEXES[0]).privateKey)
    this.#chainId = options.startChainId ?? E2E_CHAIN_ID
    this.#authorized = options.authorized ?? false
    this.#allowChainSwitch = options.allowChainSwitch ?? true
    this.#knownChainIds = new Set([E2E_CHAIN_ID, ...(options.knownChainIds ?? [1]), this.#chainId])
    this.info = { uuid: crypto.randomUUID(), ...testWalletInfo, ...options.info }
  }

  /**
   * Installs the wallet into a page (or every page of a context) before its scripts run. Call it
   * before the first `page.goto`; one wallet per page or context.
   */
  static async install(target: Page | BrowserContext, options: TestWalletOptions = {}): Promise<TestWallet> {
    const wallet = new TestWallet(target, options)
    await target.exposeFunction(BINDING, (payload: TestWalletRequest) => wallet.#handle(payload))
    const config: InjectTestWalletConfig = {
      binding: BINDING,
      info: wallet.info,
      setWindowEthereum: options.setWindowEthereum ?? true,
    }
    await target.addInitScript(injectTestWallet, config)
    return wallet
  }

  /** The account the wallet signs with. */
  get address(): Address {
    return this.#account.address
  }

  /** The chain the wallet is on now. */
  get chainId(): number {
    return this.#chainId
  }

  /** Whether the site is connected (the user approved `eth_requestAccounts`). */
  get authorized(): boolean {
    return this.#authorized
  }

  /** The user will reject the next request of this method (error 4001). Calls queue up. */
  rejectNext(method: RejectableMethod): void {
    this.#rejections.push(method)
  }

  /** Requests the page made of one method (e.g. to assert a permit was signed). */
  requestsOf(method: string): TestWalletRequest[] {
    return this.requests.filter((request) => request.method === method)
  }

  /** Whether `wallet_switchEthereumChain` succeeds from now on. */
  setAllowChainSwitch(allow: boolean): void {
    this.#allowChainSwitch = allow
  }

  /** The user picks another account in the wallet: emits `accountsChanged` if the site is connected. */
  async switchAccount(privateKey: Hex): Promise<void> {
    this.#account = privateKeyToAccount(privateKey)
    if (this.#authorized) await this.#emit('accountsChanged', [this.#account.address])
  }

  /** The user switches network in the wallet: emits `chainChanged`. */
  async switchChain(chainId: number): Promise<void> {
    this.#knownChainIds.add(chainId)
    if (chainId === this.#chainId) return
    this.#chainId = chainId
    await this.#emit('chainChanged', toHex(chainId))
  }

  /** The user disconnects the site in the wallet: emits `accountsChanged([])`. */
  async disconnect(): Promise<void> {
    this.#authorized = false
    await this.#emit('accountsChanged', [])
  }

  async #handle(request: TestWalletRequest): Promise<TestWalletResponse> {
    this.requests.push(request)
    try {
      return {
        result: await this.#dispatch(request.method, Array.isArray(request.params) ? request.params : []),
      }
    } catch (error) {
      return { error: toProviderError(error) }
    }
  }

  async #dispatch(method: string, params: unknown[]): Promise<unknown> {
    switch (method) {
      case 'eth_requestAccounts':
        this.#consumeRejection(CONNECT_PROMPT)
        this.#authorized = true
        return [this.address]
      case 'eth_accounts':
        return this.#authorized ? [this.address] : []
      case 'eth_coinbase':
        return this.#authorized ? this.address : null
      case 'wallet_requestPermissions':
        this.#consumeRejection(CONNECT_PROMPT)
        this.#authorized = true
        return this.#permissions()
      case 'wallet_getPermissions':
        return this.#authorized ? this.#permissions() : []
      case 'wallet_revokePermissions':
        this.#authorized = false
        return null
      case 'eth_chainId':
        return toHex(this.#chainId)
      case 'net_version':
        return String(this.#chainId)
      case 'wallet_switchEthereumChain':
        return this.#switchEthereumChain(params)
      case 'wallet_addEthereumChain': {
        const chainId = parseChainId((params[0] as { chainId?: unknown } | undefined)?.chainId)
        this.#knownChainIds.add(chainId)
        return this.#switchEthereumChain([{ chainId: toHex(chainId) }])
      }
      case 'eth_sendTransaction': {
        const sent = this.#sendQueue.then(() => this.#sendTransaction(params))
        this.#sendQueue = sent.catch(() => undefined)
        return sent
      }
      case 'eth_signTypedData_v4':
        return this.#signTypedData(params)
      case 'personal_sign':
        return this.#personalSign(params)
      case 'eth_sign':
      case 'eth_signTransaction':
      case 'eth_signTypedData':
      case 'eth_signTypedData_v3':
      case 'wallet_sendCalls':
      case 'wallet_getCapabilities':
      case 'wallet_watchAsset':
        throw providerError(walletErrorCodes.unsupportedMethod, `Test Wallet does not support ${method}.`)
      default:
        return this.#rpc(method, params)
    }
  }

  #permissions() {
    return [
      {
        parentCapability: 'eth_accounts',
        invoker: 'http://127.0.0.1',
        caveats: [{ type: 'restrictReturnedAccounts', value: [this.address] }],
      },
    ]
  }

  /** Throws 4001 if a rejection of (any of) `methods` is queued, using it up. */
  #consumeRejection(methods: RejectableMethod | readonly RejectableMethod[]): void {
    const accepted: readonly RejectableMethod[] = typeof methods === 'string' ? [methods] : methods
    const index = this.#rejections.findIndex((method) => accepted.includes(method))
    if (index === -1) return
    this.#rejections.splice(index, 1)
    throw providerError(walletErrorCodes.userRejected, 'User rejected the request.')
  }

  #assertAuthorized(from?: unknown): void {
    if (!this.#authorized) {
      throw providerError(walletErrorCodes.unauthorized, 'The site is not connected to Test Wallet.')
    }
    if (typeof from === 'string' && from.toLowerCase() !== this.address.toLowerCase()) {
      throw providerError(walletErrorCodes.unauthorized, `Test Wallet holds ${this.address}, not ${from}.`)
    }
  }

  async #switchEthereumChain(params: unknown[]): Promise<null> {
    const chainId = parseChainId((params[0] as { chainId?: unknown } | undefined)?.chainId)
    this.#consumeRejection('wallet_switchEthereumChain')
    if (!this.#knownChainIds.has(chainId)) {
      throw providerError(walletErrorCodes.unrecognizedChain, `Unrecognized chain ID "${toHex(chainId)}".`)
    }
    if (!this.#allowChainSwitch) {
      throw providerError(walletErrorCodes.userRejected, 'User rejected the request.')
    }
    if (chainId !== this.#chainId) {
      this.#chainId = chainId
      await this.#emit('chainChanged', toHex(chainId))
    }
    return null
  }

  async #sendTransaction(params: unknown[]): Promise<Hex> {
    const tx = (params[0] ?? {}) as RpcTransaction
    this.#assertAuthorized(tx.from)
    this.#consumeRejection('eth_sendTransaction')
    const nodeChainId = Number(await this.#rpc('eth_chainId', []))
    if (this.#chainId !== nodeChainId) {
      throw providerError(
        walletErrorCodes.chainDisconnected,
        `Test Wallet is on chain ${this.#chainId}; it can only send on ${nodeChainId} (the test node).`,
      )
    }
    if (tx.chainId !== undefined && Number(tx.chainId) !== this.#chainId) {
      throw providerError(
        walletErrorCodes.invalidParams,
        `Transaction is for chain ${Number(tx.chainId)}, the wallet is on ${this.#chainId}.`,
      )
    }
    const data = tx.data ?? tx.input
    const call = { from: this.address, to: tx.to ?? undefined, data, value: tx.value }
    const nonce = tx.nonce
      ? Number(tx.nonce)
      : Number(await this.#rpc('eth_getTransactionCount', [this.address, 'pending']))
    const gas = hexToBigInt(tx.gas ?? ((await this.#rpc('eth_estimateGas', [call])) as Hex))
    const value = tx.value ? hexToBigInt(tx.value) : undefined
    const to = tx.to ?? undefined
    let signed: Hex
    if (tx.gasPrice && !tx.maxFeePerGas) {
      signed = await this.#account.signTransaction({
        type: 'legacy',
        chainId: this.#chainId,
        to,
        data,
        value,
        nonce,
        gas,
        gasPrice: hexToBigInt(tx.gasPrice),
      })
    } else {
      const priority = hexToBigInt(
        tx.maxPriorityFeePerGas ?? ((await this.#rpc('eth_maxPriorityFeePerGas', [])) as Hex),
      )
      let maxFeePerGas: bigint
      if (tx.maxFeePerGas) maxFeePerGas = hexToBigInt(tx.maxFeePerGas)
      else {
        const block = (await this.#rpc('eth_getBlockByNumber', ['latest', false])) as { baseFeePerGas?: Hex }
        maxFeePerGas = hexToBigInt(block.baseFeePerGas ?? '0x0') * 2n + priority
      }
      signed = await this.#account.signTransaction({
        type: 'eip1559',
        chainId: this.#chainId,
        to,
        data,
        value,
        nonce,
        gas,
        maxFeePerGas,
        maxPriorityFeePerGas: priority,
      })
    }
    // Anvil still answers the receipt of a transaction whose block an evm_revert undid: the same call
    // from the same state (another test's) would look mined before it is. Fail here, in words.
    const hash = keccak256(signed)
    if ((await this.#rpc('eth_getTransactionReceipt', [hash])) !== null) {
      throw new Error(
        `Test Wallet: this exact transaction (${hash}) was already mined in a block an earlier test's ` +
          'evm_revert undid, and anvil still answers its receipt. Make the call differ (another amount).',
      )
    }
    return (await this.#rpc('eth_sendRawTransaction', [signed])) as Hex
  }

  async #signTypedData(params: unknown[]): Promise<Hex> {
    const [from, raw] = params
    this.#assertAuthorized(from)
    this.#consumeRejection('eth_signTypedData_v4')
    const typed = (typeof raw === 'string' ? JSON.parse(raw) : raw) as {
      domain?: Record<string, unknown>
      types: Record<string, { name: string; type: string }[]>
      primaryType: string
      message: Record<string, unknown>
    }
    if (!typed || typeof typed !== 'object' || !typed.types || !typed.primaryType) {
      throw providerError(
        walletErrorCodes.invalidParams,
        'eth_signTypedData_v4: expected EIP-712 typed data.',
      )
    }
    const domain = { ...typed.domain }
    if (typeof domain.chainId === 'string') domain.chainId = Number(domain.chainId)
    if (domain.chainId !== undefined && Number(domain.chainId) !== this.#chainId) {
      throw providerError(
        walletErrorCodes.invalidParams,
        `Typed data is for chain ${domain.chainId}, the wallet is on ${this.#chainId}.`,
      )
    }
    // biome-ignore lint/suspicious/noExplicitAny: EIP-712 JSON from the page is untyped by nature.
    return this.#account.signTypedData({ ...typed, domain } as any)
  }

  async #personalSign(params: unknown[]): Promise<Hex> {
    const [message, from] = params
    this.#assertAuthorized(from)
    this.#consumeRejection('personal_sign')
    if (typeof message !== 'string') {
      throw providerError(walletErrorCodes.invalidParams, 'personal_sign: expected a message.')
    }
    return this.#account.signMessage({ message: isHex(message) ? { raw: message } : message })
  }

  /** Forwards one JSON-RPC call to the node; a node error comes back as it was sent. */
  async #rpc(method: string, params: unknown[]): Promise<unknown> {
    this.#rpcId += 1
    let body: { result?: unknown; error?: ProviderError }
    try {
      const response = await fetch(this.#rpcUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ jsonrpc: '2.0', id: this.#rpcId, method, params }),
      })
      body = (await response.json()) as typeof body
    } catch (error) {
      throw providerError(
        walletErrorCodes.chainDisconnected,
        `Test Wallet cannot reach ${this.#rpcUrl}: ${(error as Error).message}`,
      )
    }
    if (body.error) throw body.error
    return body.result
  }

  async #emit(event: string, payload: unknown): Promise<void> {
    const pages = 'goto' in this.#target ? [this.#target] : this.#target.pages()
    await Promise.all(
      pages.map((page) =>
        page
          .evaluate(
            ({ event, payload }) =>
              (
                window as unknown as { __testWallet?: { emit(e: string, p: unknown): void } }
              ).__testWallet?.emit(event, payload),
            { event, payload },
          )
          .catch(() => {
            // the page is navigating or closed: it reads the new state on its next request
          }),
      ),
    )
  }
}

function providerError(code: number, message: string, data?: unknown): ProviderError {
  return data === undefined ? { code, message } : { code, message, data }
}

/** A node error passes through as is; anything else becomes an internal error with its message. */
function toProviderError(error: unknown): ProviderError {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'number') {
    const { code, message, data } = error as ProviderError
    return providerError(code, String(message), data)
  }
  return providerError(walletErrorCodes.internal, error instanceof Error ? error.message : String(error))
}

function parseChainId(value: unknown): number {
  const chainId = typeof value === 'string' || typeof value === 'number' ? Number(value) : Number.NaN
  if (!Number.isSafeInteger(chainId) || chainId <= 0) {
    throw providerError(walletErrorCodes.invalidParams, `Invalid chainId ${JSON.stringify(value)}.`)
  }
  return chainId
}
