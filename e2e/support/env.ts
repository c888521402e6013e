/**
 * Ports, paths and the chain of the e2e run. One place, imported by playwright.config.ts, the chain
 * server and the fixtures, so the three never disagree.
 */
import path from 'node:path'

/** Repository root (this file is e2e/support/env.ts). */
export const repoRoot = path.resolve(import.meta.dirname, '../..')

/** A port from the environment (to run two e2e runs side by side), else the default. */
function port(name: string, fallback: number): number {
  const value = process.env[name]
  if (value === undefined || value === '') return fallback
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1 || n > 65_535)
    throw new Error(`${name} must be a port number, got "${value}"`)
  return n
}

/** Anvil of the e2e run: its own port, so `npm start` (8545) can run beside the tests. */
export const E2E_RPC_PORT = port('E2E_RPC_PORT', 8555)
export const E2E_RPC_URL = `http://127.0.0.1:${E2E_RPC_PORT}`
export const E2E_CHAIN_ID = 31337

/** The chain server answers `GET /` here once anvil is up, deployed and populated. */
export const E2E_CHAIN_READY_PORT = port('E2E_CHAIN_READY_PORT', E2E_RPC_PORT + 1)
export const E2E_CHAIN_READY_URL = `http://127.0.0.1:${E2E_CHAIN_READY_PORT}/`

/**
 * The app's RPC_URL in the e2e run: a keyed endpoint, as an operator behind a provider has one. The
 * chain server answers JSON-RPC only on `/<secret>` here and forwards to anvil; every other path is a
 * 404. The e2e tests assert the secret reaches no page, script or response (e2e/security/).
 */
export const E2E_KEYED_RPC_PORT = port('E2E_KEYED_RPC_PORT', E2E_RPC_PORT + 2)
export const E2E_RPC_SECRET = process.env.E2E_RPC_SECRET || 'e2e-rpc-key-7f3a9c2d51b84e06'
export const E2E_KEYED_RPC_URL = `http://127.0.0.1:${E2E_KEYED_RPC_PORT}/${E2E_RPC_SECRET}`
/** `POST` here takes the keyed endpoint down (connections reset) or up: "the node is down" for the app. */
export const E2E_UPSTREAM_CONTROL_URL = `http://127.0.0.1:${E2E_CHAIN_READY_PORT}/upstream`

/** The indexer of the e2e run (Ponder on PGlite), reading anvil directly. */
export const E2E_INDEXER_PORT = port('E2E_INDEXER_PORT', E2E_RPC_PORT + 3)
export const E2E_INDEXER_URL = `http://127.0.0.1:${E2E_INDEXER_PORT}`
/**
 * The indexer server's control endpoint: `GET /` answers 200 once the indexer has indexed the chain
 * (Playwright's readiness check); `POST /indexer/stop` and `/indexer/start` stop and restart it.
 */
export const E2E_INDEXER_CONTROL_PORT = port('E2E_INDEXER_CONTROL_PORT', E2E_RPC_PORT + 4)
export const E2E_INDEXER_CONTROL_URL = `http://127.0.0.1:${E2E_INDEXER_CONTROL_PORT}`

/** The production build under test (`next start`). */
export const E2E_APP_PORT = port('E2E_APP_PORT', 3100)
export const E2E_APP_URL = `http://127.0.0.1:${E2E_APP_PORT}`
export const E2E_DIST_DIR = '.next-e2e'

/** Written by the chain server, read by the app (DEPLOYMENTS_FILE) and by the fixtures. */
export const E2E_DEPLOYMENTS_FILE = path.join(
  repoRoot,
  '.cache',
  'e2e',
  `deployments-${E2E_CHAIN_ID}-${E2E_RPC_PORT}.json`,
)

/** Seconds each mined block advances chain time (anvil_setBlockTimestampInterval): wall clock never leaks in. */
export const E2E_BLOCK_TIME_STEP = 1
