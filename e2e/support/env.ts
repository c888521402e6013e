/**
 * Ports, paths and the chain of the e2e run. One place, imported by playwright.config.ts, the chain
 * server and the fixtures, so the three never disagree.
 */
import path from 'node:path'

/** Repository root (this file is e2e/support/env.ts). */
export const repoRoot = path.resolve(import.meta.dirname, '../..')

/** Anvil of the e2e run: its own port, so `npm start` (8545) can run beside the tests. */
export const E2E_RPC_PORT = 8555
export const E2E_RPC_URL = `http://127.0.0.1:${E2E_RPC_PORT}`
export const E2E_CHAIN_ID = 31337

/** The chain server answers `GET /` here once anvil is up, deployed and populated. */
export const E2E_CHAIN_READY_PORT = 8556
export const E2E_CHAIN_READY_URL = `http://127.0.0.1:${E2E_CHAIN_READY_PORT}/`

/** The production build under test (`next start`). */
export const E2E_APP_PORT = 3100
export const E2E_APP_URL = `http://127.0.0.1:${E2E_APP_PORT}`
export const E2E_DIST_DIR = '.next-e2e'

/** Written by the chain server, read by the app (DEPLOYMENTS_FILE) and by the fixtures. */
export const E2E_DEPLOYMENTS_FILE = path.join(repoRoot, '.cache', 'e2e', `deployments-${E2E_CHAIN_ID}.json`)

/** Seconds each mined block advances chain time (anvil_setBlockTimestampInterval): wall clock never leaks in. */
export const E2E_BLOCK_TIME_STEP = 1
