import type { Wallet } from '@rainbow-me/rainbowkit'
import {
  type Address,
  createWalletClient,
  custom,
  type EIP1193RequestFn,
  type Hex,
  hexToBigInt,
  http,
  isHex,
  SwitchChainError,
  toHex,
} from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { createConnector } from 'wagmi'
import { absoluteRpcUrl, chainFor, LOCAL_CHAIN_ID } from '@/lib/chain/chains'

/** The only chain the dev account exists on: anvil's. */
export const DEV_ACCOUNT_CHAIN_ID = LOCAL_CHAIN_ID

/**
 * Anvil's well-known account #2 (mnemonic "test … junk", index 2): a PUBLIC test key, left free of demo
 * state by the local network (lib/network/accounts.ts, FREE_DEV_INDEXES). It is offered only when the app
 * reads chain 31337; never fund it on a real network.
 */
export const DEV_ACCOUNT_PRIVATE_KEY: Hex =
  '0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a'

export const DEV_ACCOUNT_ID = 'devAccount'
export const DEV_ACCOUNT_NAME = 'Dev account (anvil #2)'

const ICON =
  'data:image/svg+xml;base64,' +
  // A key on a slate tile.
  'PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHZpZXdCb3g9IjAgMCAyOCAyOCI+PHJlY3Qgd2lkdGg9IjI4IiBoZWlnaHQ9IjI4IiByeD0iNiIgZmlsbD0iIzBmMTcyYSIvPjxjaXJjbGUgY3g9IjEwIiBjeT0iMTQiIHI9IjQiIGZpbGw9Im5vbmUiIHN0cm9rZT0iI2ZiYmYyNCIgc3Ryb2tlLXdpZHRoPSIyLjUiLz48cGF0aCBkPSJNMTQgMTRoOHYzbS0zLTN2MyIgc3Ryb2tlPSIjZmJiZjI0IiBzdHJva2Utd2lkdGg9IjIuNSIgZmlsbD0ibm9uZSIvPjwvc3ZnPg=='

type RpcTransaction = { to?: Address | null; data?: Hex; input?: Hex; value?: Hex; gas?: Hex; nonce?: Hex }

function providerError(code: number, message: string): Error & { code: number } {
  return Object.assign(new Error(message), { code })
}

/**
 * An EIP-1193 provider that holds the dev key in the page and signs locally (transactions, EIP-712
 * typed data, messages); every other request goes to the node unchanged.
 */
export function createDevAccountProvider({
  rpcUrl,
  privateKey = DEV_ACCOUNT_PRIVATE_KEY,
}: DevAccountParameters) {
  const account = privateKeyToAccount(privateKey)
  const chain = chainFor(DEV_ACCOUNT_CHAIN_ID, rpcUrl)
  const client = createWalletClient({
    account,
    chain,
    transport: http(absoluteRpcUrl(rpcUrl), { batch: false }),
  })
  const request = (async ({ method, params }: { method: string; params?: unknown }) => {
    const list = Array.isArray(params) ? (params as unknown[]) : []
    switch (method) {
      case 'eth_accounts':
      case 'eth_requestAccounts':
        return [account.address]
      case 'eth_chainId':
        return toHex(DEV_ACCOUNT_CHAIN_ID)
      case 'wallet_switchEthereumChain': {
        const target = Number((list[0] as { chainId?: string } | undefined)?.chainId)
        if (target === DEV_ACCOUNT_CHAIN_ID) return null
        throw providerError(4902, `The dev account exists only on chain ${DEV_ACCOUNT_CHAIN_ID}.`)
      }
      case 'eth_sendTransaction': {
        const tx = (list[0] ?? {}) as RpcTransaction
        return client.sendTransaction({
          to: tx.to ?? null,
          data: tx.data ?? tx.input,
          value: tx.value ? hexToBigInt(tx.value) : undefined,
          gas: tx.gas ? hexToBigInt(tx.gas) : undefined,
          nonce: tx.nonce ? Number(tx.nonce) : undefined,
        } as Parameters<typeof client.sendTransaction>[0])
      }
      case 'eth_signTypedData_v4': {
        const raw = list[1]
        const typed = (typeof raw === 'string' ? JSON.parse(raw) : raw) as Parameters<
          typeof account.signTypedData
        >[0]
        return account.signTypedData(typed)
      }
      case 'personal_sign': {
        const message = list[0]
        if (!isHex(message)) throw providerError(-32602, 'personal_sign: expected a hex message.')
        return account.signMessage({ message: { raw: message } })
      }
      default:
        return client.request({ method, params } as never)
    }
  }) as EIP1193RequestFn
  return {
    request,
    on: () => undefined,
    removeListener: () => undefined,
  }
}

export type DevAccountParameters = {
  /** The node the app reads (the dev account signs for it and sends to it). */
  rpcUrl: string
  privateKey?: Hex | undefined
}

/**
 * A wagmi connector for the dev account: connected means "remembered in wagmi's storage", so a reload
 * reconnects it. Writes go through a viem wallet client whose transport is the dev account's own
 * provider (`getClient`), as an injected wallet's would be: wagmi asks it by address
 * (`eth_sendTransaction`, `eth_signTypedData_v4`) and the provider signs in the page. Only the signed
 * transaction and reads reach the node (through the app's RPC route, which forwards
 * `eth_sendRawTransaction` on the local chain only; the node is never asked to sign).
 */
export function devAccountConnector(parameters: DevAccountParameters) {
  const { rpcUrl, privateKey = DEV_ACCOUNT_PRIVATE_KEY } = parameters
  const account = privateKeyToAccount(privateKey)
  const chain = chainFor(DEV_ACCOUNT_CHAIN_ID, rpcUrl)
  let provider: ReturnType<typeof createDevAccountProvider> | undefined
  const connectedKey = `${DEV_ACCOUNT_ID}.connected`
  return createConnector<ReturnType<typeof createDevAccountProvider>>((config) => ({
    id: DEV_ACCOUNT_ID,
    name: DEV_ACCOUNT_NAME,
    type: DEV_ACCOUNT_ID,
    icon: ICON,
    async connect({ chainId } = {}) {
      if (chainId !== undefined && chainId !== DEV_ACCOUNT_CHAIN_ID) {
        throw new SwitchChainError(new Error(`The dev account exists only on chain ${DEV_ACCOUNT_CHAIN_ID}.`))
      }
      await config.storage?.setItem(connectedKey, true)
      // biome-ignore lint/suspicious/noExplicitAny: wagmi's return type depends on `withCapabilities`, unused here.
      return { accounts: [account.address], chainId: DEV_ACCOUNT_CHAIN_ID } as any
    },
    async disconnect() {
      await config.storage?.removeItem(connectedKey)
    },
    async getAccounts() {
      return [account.address]
    },
    async getChainId() {
      return DEV_ACCOUNT_CHAIN_ID
    },
    async getProvider() {
      provider ??= createDevAccountProvider({ rpcUrl, privateKey })
      return provider
    },
    async getClient() {
      provider ??= createDevAccountProvider({ rpcUrl, privateKey })
      return createWalletClient({ account: account.address, chain, transport: custom(provider) })
    },
    async isAuthorized() {
      return Boolean(await config.storage?.getItem(connectedKey))
    },
    async switchChain({ chainId }) {
      if (chainId !== DEV_ACCOUNT_CHAIN_ID) {
        throw new SwitchChainError(new Error(`The dev account exists only on chain ${DEV_ACCOUNT_CHAIN_ID}.`))
      }
      return chain
    },
    onAccountsChanged() {},
    onChainChanged() {},
    onDisconnect() {
      config.emitter.emit('disconnect')
    },
  }))
}

/** The dev account as a RainbowKit wallet (listed under "Local development" on chain 31337 only). */
export function devAccountWallet(parameters: DevAccountParameters): () => Wallet {
  return () => ({
    id: DEV_ACCOUNT_ID,
    name: DEV_ACCOUNT_NAME,
    shortName: 'Dev account',
    iconUrl: ICON,
    iconBackground: '#0f172a',
    installed: true,
    createConnector: (walletDetails) =>
      createConnector((config) => ({ ...devAccountConnector(parameters)(config), ...walletDetails })),
  })
}
