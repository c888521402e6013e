/**
 * End-to-end tests: the production build (`next start`) against a local anvil with the contracts
 * deployed and the demo population staked. See docs/testing.md.
 *
 * Three web servers, started in order (Playwright sets them up one after the other, before global
 * setup): the chain server (anvil on 8555 + deploy + population, and a keyed RPC endpoint on 8557
 * that the app reads; ready once it answers on 8556), the indexer (Ponder on PGlite on 8558, its
 * control endpoint on 8559), then the app on 3100, which reads the deployments file the chain server
 * wrote and its history from the indexer.
 *
 * The build is not made here: run `NEXT_DIST_DIR=.next-e2e npx next build` first (`npm test` does).
 * `E2E_HARNESS_ONLY=1` runs only the harness self-tests (e2e/support/*.spec.ts) without the app.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { defineConfig, devices } from '@playwright/test'
import {
  E2E_APP_PORT,
  E2E_APP_URL,
  E2E_CHAIN_ID,
  E2E_CHAIN_READY_URL,
  E2E_DEPLOYMENTS_FILE,
  E2E_DIST_DIR,
  E2E_INDEXER_CONTROL_URL,
  E2E_INDEXER_URL,
  E2E_KEYED_RPC_URL,
  repoRoot,
} from './e2e/support/env'

const ci = !!process.env.CI
const harnessOnly = process.env.E2E_HARNESS_ONLY === '1'
const bin = (name: string) => path.join(repoRoot, 'node_modules', '.bin', name)

if (!harnessOnly && !existsSync(path.join(repoRoot, E2E_DIST_DIR, 'BUILD_ID'))) {
  throw new Error(
    `The e2e tests run the production build in ${E2E_DIST_DIR}/, and there is none.\n` +
      `Build it first:  NEXT_DIST_DIR=${E2E_DIST_DIR} npx next build\n` +
      '(npm test builds it before running Playwright.)',
  )
}

/** Debian's Chromium with the flags a closed network needs (no downloads, no background traffic). */
const chromiumLaunchOptions = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
}

export default defineConfig({
  testDir: 'e2e',
  testMatch: harnessOnly ? 'support/**/*.spec.ts' : '**/*.spec.ts',
  // One chain for the whole run: tests share it and isolate state with evm_snapshot/evm_revert.
  fullyParallel: false,
  workers: 1,
  // One retry everywhere: chain, indexer, app and Chromium share two cores, and a test that lost a race
  // with the indexer or the wallet shows up as "flaky" in the report (never silently green).
  retries: 1,
  forbidOnly: ci,
  timeout: 60_000,
  // Chain, indexer, app and Chromium share two cores: the indexer may take seconds to show a new block.
  expect: { timeout: 20_000 },
  reporter: ci ? [['list'], ['html', { open: 'never' }]] : 'list',
  outputDir: 'test-results',
  use: {
    baseURL: E2E_APP_URL,
    trace: ci ? 'on-first-retry' : 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: chromiumLaunchOptions,
  },
  projects: [
    {
      name: 'chromium',
      testIgnore: 'phone/**',
      use: { ...devices['Desktop Chrome'], channel: undefined, launchOptions: chromiumLaunchOptions },
    },
    // A phone (412 × 839, touch, a mobile user agent): below `md` tables become cards. Runs the smoke,
    // the leaderboard's cards (phone/) and the staking paths.
    {
      name: 'phone',
      testMatch: harnessOnly
        ? []
        : ['smoke.spec.ts', 'phone/**/*.spec.ts', 'stake/lifecycle.spec.ts', 'stake/validation.spec.ts'],
      use: { ...devices['Pixel 7'], channel: undefined, launchOptions: chromiumLaunchOptions },
    },
  ],
  webServer: [
    {
      name: 'chain',
      command: `${bin('tsx')} e2e/support/chain-server.ts`,
      cwd: repoRoot,
      url: E2E_CHAIN_READY_URL,
      reuseExistingServer: !ci,
      timeout: 180_000,
      stdout: 'pipe',
      stderr: 'pipe',
      gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
    },
    ...(harnessOnly
      ? []
      : [
          {
            // The indexer (Ponder on PGlite) the app reads history from; its control endpoint stops and
            // restarts it (e2e/support/indexer-server.ts).
            name: 'indexer',
            command: `${bin('tsx')} e2e/support/indexer-server.ts`,
            cwd: repoRoot,
            url: `${E2E_INDEXER_CONTROL_URL}/`,
            reuseExistingServer: !ci,
            timeout: 180_000,
            stdout: 'pipe' as const,
            stderr: 'pipe' as const,
            gracefulShutdown: { signal: 'SIGTERM' as const, timeout: 15_000 },
          },
          {
            name: 'app',
            command: `${bin('next')} start -H 127.0.0.1 -p ${E2E_APP_PORT}`,
            cwd: repoRoot,
            url: `${E2E_APP_URL}/`,
            reuseExistingServer: !ci,
            timeout: 120_000,
            stdout: 'ignore' as const,
            stderr: 'pipe' as const,
            gracefulShutdown: { signal: 'SIGTERM' as const, timeout: 5_000 },
            env: {
              NEXT_DIST_DIR: E2E_DIST_DIR,
              // A keyed endpoint, as behind a provider: the tests check the key never reaches the browser.
              RPC_URL: E2E_KEYED_RPC_URL,
              INDEXER_URL: E2E_INDEXER_URL,
              CHAIN_ID: String(E2E_CHAIN_ID),
              DEPLOYMENTS_FILE: E2E_DEPLOYMENTS_FILE,
              // The faucet on, as `npm start` has it; every test funds the same few accounts, so the
              // per-address and per-client limits are lifted (their refusals are unit-tested).
              FAUCET_ENABLED: '1',
              FAUCET_PER_ADDRESS_PER_MINUTE: '1000',
              FAUCET_PER_CLIENT_PER_MINUTE: '1000',
              // An explorer for the local chain, so transaction links can be checked.
              EXPLORER_URL: 'https://explorer.e2e.invalid',
              NEXT_TELEMETRY_DISABLED: '1',
            },
          },
        ]),
  ],
})
