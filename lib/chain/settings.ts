import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { LOCAL_CHAIN_ID } from './chains'
import { type Deployment, parseDeployment } from './deployment'
import { explorerFor } from './explorers'
import type { ChainSettings } from './types'

/**
 * Server only. Reads the runtime configuration (never baked in at build time, so one build serves
 * any chain): RPC_URL, CHAIN_ID, DEPLOYMENTS_FILE, and optionally PUBLIC_RPC_URL, EXPLORER_URL and
 * FAUCET_ENABLED.
 *
 * RPC_URL and the deployments file's path stay on the server: the browser reads through the app's
 * own route (`/api/rpc`) unless the operator names a public endpoint (PUBLIC_RPC_URL), and the reasons
 * a page shows are words, with the paths only in `logDetail` (for the server log).
 */
export type ServerChainEnv = {
  chainId: number
  /** Endpoint the server reads. Secret: may carry a provider's API key. */
  rpcUrl: string
  /** Endpoint the browser reads: PUBLIC_RPC_URL, else the app's own RPC route. */
  publicRpcUrl: string
  /** Absolute path of the deployments file. Server only. */
  deploymentsFile: string
  /** The local chain (31337): the dev account and, when enabled, the faucet exist only here. */
  localChain: boolean
  /** FAUCET_ENABLED is set (the faucet also needs the local chain). */
  faucetEnabled: boolean
  explorerUrl: string | null
}

/** The app's own JSON-RPC route (app/api/rpc/route.ts): the browser's default endpoint. */
export const APP_RPC_PATH = '/api/rpc'

function flag(value: string | undefined): boolean {
  return value !== undefined && ['1', 'true', 'yes', 'on'].includes(value.trim().toLowerCase())
}

export function readServerChainEnv(env: Record<string, string | undefined> = process.env): ServerChainEnv {
  const chainId = Number(env.CHAIN_ID ?? String(LOCAL_CHAIN_ID))
  const rpcUrl = env.RPC_URL || 'http://127.0.0.1:8545'
  const file = env.DEPLOYMENTS_FILE || path.join('deployments', `${chainId}.json`)
  return {
    chainId,
    rpcUrl,
    publicRpcUrl: env.PUBLIC_RPC_URL || APP_RPC_PATH,
    deploymentsFile: path.resolve(/* turbopackIgnore: true */ process.cwd(), file),
    localChain: chainId === LOCAL_CHAIN_ID,
    faucetEnabled: flag(env.FAUCET_ENABLED),
    explorerUrl: explorerFor(chainId, env.EXPLORER_URL),
  }
}

export type ServerChain =
  | { status: 'ready'; env: ServerChainEnv; settings: ChainSettings; deployment: Deployment }
  | {
      status: 'no-deployment'
      env: ServerChainEnv
      /** Why, in words a visitor may read (no path, no URL). */
      reason: string
      /** The same with the file's path, for the server log only. */
      logDetail: string
    }

let cached: { file: string; text: string; deployment: Deployment } | undefined

/** Logged once per distinct problem, so a page polled every few seconds does not flood the log. */
let lastLogged = ''
function logOnce(detail: string): void {
  if (detail === lastLogged) return
  lastLogged = detail
  console.error(`[prover-pool] ${detail}`)
}

function noDeployment(env: ServerChainEnv, reason: string, logDetail: string): ServerChain {
  logOnce(logDetail)
  return { status: 'no-deployment', env, reason, logDetail }
}

/**
 * The chain this server reads, with its deployment. Never throws: a missing or broken deployments
 * file comes back as `no-deployment` with the reason, for the page to explain.
 */
export async function loadServerChain(): Promise<ServerChain> {
  const env = readServerChainEnv()
  if (!Number.isSafeInteger(env.chainId) || env.chainId <= 0) {
    return noDeployment(
      env,
      'The server is configured with a chain id that is not a number (CHAIN_ID).',
      `CHAIN_ID "${process.env.CHAIN_ID}" is not a chain id.`,
    )
  }
  let text: string
  try {
    text = await readFile(env.deploymentsFile, 'utf8')
  } catch {
    return noDeployment(
      env,
      `The server has no deployment of the contracts for chain ${env.chainId}. Deploy them first (npm start, or npm run deploy) or point DEPLOYMENTS_FILE at the file.`,
      `No deployments file at ${env.deploymentsFile}.`,
    )
  }
  let deployment: Deployment
  if (cached && cached.file === env.deploymentsFile && cached.text === text) {
    deployment = cached.deployment
  } else {
    try {
      deployment = parseDeployment(JSON.parse(text))
    } catch (error) {
      return noDeployment(
        env,
        `The server's deployments file for chain ${env.chainId} could not be read (it is not valid JSON or lacks a field). Deploy again or fix the file.`,
        `The deployments file ${env.deploymentsFile} could not be read: ${error instanceof Error ? error.message : String(error)}`,
      )
    }
    cached = { file: env.deploymentsFile, text, deployment }
  }
  if (deployment.chainId !== env.chainId) {
    return noDeployment(
      env,
      `The server's deployments file is for chain ${deployment.chainId}, but it is configured to read chain ${env.chainId} (CHAIN_ID).`,
      `The deployments file ${env.deploymentsFile} is for chain ${deployment.chainId}, but CHAIN_ID is ${env.chainId}.`,
    )
  }
  const settings: ChainSettings = {
    chainId: env.chainId,
    rpcUrl: env.publicRpcUrl,
    explorerUrl: env.explorerUrl,
    faucet: env.localChain && env.faucetEnabled,
    addresses: {
      token: deployment.addresses.token,
      protocol: deployment.addresses.protocol,
      lens: deployment.addresses.lens,
      verifier: deployment.addresses.verifier,
    },
    deployBlock: deployment.deployBlock.toString(),
  }
  return { status: 'ready', env, settings, deployment }
}
