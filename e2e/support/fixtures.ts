/**
 * The e2e `test`: Playwright's, plus the chain, the deployment, protocol helpers, the test wallet and
 * the page objects. Every test runs between an `evm_snapshot` and an `evm_revert`, so whatever it
 * proposes, proves, stakes or time-travels is gone for the next one.
 *
 * ```ts
 * import { expect, test } from './support/fixtures'
 * test.use({ walletOptions: { startChainId: 1 } })
 * test('…', async ({ stakePage, wallet, protocol, chain }) => { … })
 * ```
 */
import { readFile } from 'node:fs/promises'
import { test as base, expect } from '@playwright/test'
import { type Deployment, parseDeployment } from '@/lib/chain/deployment'
import { createE2EChain, type E2EChain } from './chain'
import { E2E_DEPLOYMENTS_FILE, E2E_INDEXER_CONTROL_URL } from './env'
import { FeesPage, OverviewPage, ProversPage, SimulatePage, StakePage } from './pages'
import { createProtocolHelpers, type ProtocolHelpers } from './protocol'
import { TestWallet, type TestWalletOptions } from './test-wallet'

export type WorkerFixtures = {
  /** The e2e anvil: clients, `mine`, `increaseTime`, `snapshot`/`revert`. */
  chain: E2EChain
  /** The deployment the chain server wrote (the same file the app reads). */
  deployment: Deployment
  /** Propose, prove, mint, read the lens, from the test. */
  protocol: ProtocolHelpers
}

export type TestFixtures = {
  /** Options of the `wallet` fixture; set with `test.use({ walletOptions: { … } })`. */
  walletOptions: TestWalletOptions
  /** The test wallet, installed in `page` before its first navigation. Only created when a test asks. */
  wallet: TestWallet
  /** Automatic: snapshot before the test, revert after it. */
  isolatedChain: undefined
  /**
   * Automatic: every page runs under the app's Content-Security-Policy; a violation it reports
   * (a blocked script, style, connection…) fails the test. `allowCspViolations` turns it off.
   */
  cspGuard: undefined
  allowCspViolations: boolean
  overviewPage: OverviewPage
  proversPage: ProversPage
  feesPage: FeesPage
  stakePage: StakePage
  simulatePage: SimulatePage
}

export async function readE2EDeployment(file = E2E_DEPLOYMENTS_FILE): Promise<Deployment> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch {
    throw new Error(
      `No e2e deployments file at ${file}: the chain server (e2e/support/chain-server.ts) writes it.`,
    )
  }
  return parseDeployment(JSON.parse(text))
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  chain: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies as the first argument.
    async ({}, use) => {
      await use(createE2EChain())
    },
    { scope: 'worker' },
  ],
  deployment: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies as the first argument.
    async ({}, use) => {
      await use(await readE2EDeployment())
    },
    { scope: 'worker' },
  ],
  protocol: [
    async ({ chain, deployment }, use) => {
      await use(createProtocolHelpers(chain, deployment.addresses))
    },
    { scope: 'worker' },
  ],

  isolatedChain: [
    async ({ chain }, use) => {
      // The indexer has followed the previous test's revert (e2e/support/indexer-server.ts); absent in
      // the harness-only run, where nothing answers.
      const follow = await fetch(`${E2E_INDEXER_CONTROL_URL}/indexer/follow`, {
        method: 'POST',
        signal: AbortSignal.timeout(200_000),
      }).catch(() => undefined)
      if (follow && !follow.ok) {
        throw new Error(
          `The e2e indexer does not follow the chain (${await follow.text()}): see the run's [indexer] lines.`,
        )
      }
      const id = await chain.snapshot()
      await use(undefined)
      // A test that failed half-way may leave a transaction waiting in the pool, and automine off:
      // neither belongs to the snapshot, so neither may reach the next test.
      await chain.testClient.request({ method: 'anvil_dropAllTransactions' as never, params: [] as never })
      await chain.testClient.setAutomine(true)
      await chain.revert(id)
    },
    // Its own time, not the test's: following a deep revert may mean restarting the indexer (tens of s).
    { auto: true, timeout: 240_000 },
  ],

  allowCspViolations: [false, { option: true }],
  cspGuard: [
    async ({ page, allowCspViolations }, use) => {
      const violations: string[] = []
      page.on('console', (message) => {
        const text = message.text()
        if (/Content Security Policy|CSP violation/i.test(text)) violations.push(text)
      })
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          console.error(
            `CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline code'}`,
          )
        })
      })
      await use(undefined)
      if (!allowCspViolations) expect(violations, 'Content-Security-Policy violations').toEqual([])
    },
    { auto: true },
  ],

  walletOptions: [{}, { option: true }],
  wallet: async ({ page, walletOptions }, use) => {
    await use(await TestWallet.install(page, walletOptions))
  },

  overviewPage: async ({ page }, use) => {
    await use(new OverviewPage(page))
  },
  proversPage: async ({ page }, use) => {
    await use(new ProversPage(page))
  },
  feesPage: async ({ page }, use) => {
    await use(new FeesPage(page))
  },
  stakePage: async ({ page }, use) => {
    await use(new StakePage(page))
  },
  simulatePage: async ({ page }, use) => {
    await use(new SimulatePage(page))
  },
})

export { expect }
