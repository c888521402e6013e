/**
 * The page half of the test wallet. `injectTestWallet` runs in the browser (through
 * `addInitScript`, before any page script), so it must stay self-contained: no imports, no closures
 * over module scope. It defines an EIP-1193 provider whose `request` calls a Playwright binding into
 * Node (test-wallet.ts), where the key lives, and announces it with EIP-6963.
 */

/** EIP-6963 provider info (https://eips.ethereum.org/EIPS/eip-6963). */
export type TestWalletInfo = { uuid: string; name: string; icon: string; rdns: string }

export type InjectTestWalletConfig = {
  /** Name of the `exposeFunction` binding that answers `{ method, params }` in Node. */
  binding: string
  info: TestWalletInfo
  /** Also set `window.ethereum` (besides announcing through EIP-6963). */
  setWindowEthereum: boolean
}

/** What the Node side answers: exactly one of `result` or `error`. */
export type TestWalletResponse =
  | { result: unknown; error?: undefined }
  | { result?: undefined; error: { code: number; message: string; data?: unknown } }

/** Control surface the Node side uses to emit provider events (`window.__testWallet.emit`). */
export type TestWalletPageControl = { emit: (event: string, payload: unknown) => void }

export function injectTestWallet(config: InjectTestWalletConfig): void {
  type Listener = (payload: unknown) => void
  type Binding = (payload: { method: string; params: unknown }) => Promise<TestWalletResponse>
  const w = window as unknown as Record<string, unknown>
  if (w.__testWallet) return // a second injection into the same document
  const listeners = new Map<string, Set<Listener>>()

  const provider = {
    isTestWallet: true,
    async request(args: { method: string; params?: unknown }): Promise<unknown> {
      if (!args || typeof args.method !== 'string') {
        throw Object.assign(new Error('Invalid request: expected { method, params }.'), { code: -32600 })
      }
      const binding = w[config.binding] as Binding | undefined
      if (typeof binding !== 'function') {
        throw Object.assign(new Error('Test Wallet is not connected to the test (binding missing).'), {
          code: 4900,
        })
      }
      const response = await binding({ method: args.method, params: args.params ?? [] })
      if (response.error) {
        const { code, message, data } = response.error
        throw Object.assign(new Error(message), { code, data })
      }
      return response.result
    },
    on(event: string, listener: Listener) {
      let set = listeners.get(event)
      if (!set) {
        set = new Set()
        listeners.set(event, set)
      }
      set.add(listener)
      return provider
    },
    once(event: string, listener: Listener) {
      const wrapped: Listener = (payload) => {
        provider.removeListener(event, wrapped)
        listener(payload)
      }
      return provider.on(event, wrapped)
    },
    removeListener(event: string, listener: Listener) {
      listeners.get(event)?.delete(listener)
      return provider
    },
    off(event: string, listener: Listener) {
      return provider.removeListener(event, listener)
    },
    removeAllListeners(event?: string) {
      if (event === undefined) listeners.clear()
      else listeners.delete(event)
      return provider
    },
    listenerCount(event: string) {
      return listeners.get(event)?.size ?? 0
    },
  }

  const control: TestWalletPageControl = {
    emit(event, payload) {
      for (const listener of [...(listeners.get(event) ?? [])]) {
        try {
          listener(payload)
        } catch (error) {
          console.error(`Test Wallet: a "${event}" listener threw`, error)
        }
      }
    },
  }
  Object.defineProperty(window, '__testWallet', { value: control, configurable: false, writable: false })
  if (config.setWindowEthereum) {
    Object.defineProperty(window, 'ethereum', { value: provider, configurable: true, writable: true })
  }

  const detail = Object.freeze({ info: Object.freeze({ ...config.info }), provider })
  const announce = () => window.dispatchEvent(new CustomEvent('eip6963:announceProvider', { detail }))
  window.addEventListener('eip6963:requestProvider', announce)
  announce()
}
