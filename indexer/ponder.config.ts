import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { createConfig } from 'ponder'
import { blockProtocolAbi } from '../contracts-abi/BlockProtocol'
import { parseDeployment } from '../lib/chain/deployment'

/**
 * The indexer reads the same settings as the app: RPC_URL, CHAIN_ID and the deployments file (the core's
 * address and deploy block). DATABASE_URL (postgres://…) selects PostgreSQL; without it the embedded
 * PGlite keeps its files in INDEXER_DATA_DIR (default .ponder/pglite under indexer/).
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const chainId = Number(process.env.CHAIN_ID ?? '31337')
const deploymentsFile = path.resolve(
  root,
  process.env.DEPLOYMENTS_FILE || path.join('deployments', `${chainId}.json`),
)
const deployment = parseDeployment(readFileSync(deploymentsFile, 'utf8'))
const databaseUrl = process.env.DATABASE_URL

export default createConfig({
  database: databaseUrl
    ? { kind: 'postgres', connectionString: databaseUrl }
    : {
        kind: 'pglite',
        directory: path.resolve(root, process.env.INDEXER_DATA_DIR || 'indexer/.ponder/pglite'),
      },
  chains: {
    pool: {
      id: chainId,
      rpc: process.env.RPC_URL || 'http://127.0.0.1:8545',
      // A local chain mines every second or two: look for new blocks often.
      pollingInterval: Number(process.env.INDEXER_POLLING_MS || 500),
      // The local chain is restarted with the same id and new contents: never reuse cached RPC answers.
      disableCache: chainId === 31337,
    },
  },
  contracts: {
    BlockProtocol: {
      abi: blockProtocolAbi,
      chain: 'pool',
      address: deployment.addresses.protocol,
      startBlock: Number(deployment.deployBlock),
    },
  },
})
