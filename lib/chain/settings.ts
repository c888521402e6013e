import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { type Deployment, parseDeployment } from './deployment'
import type { ChainSettings } from './types'

/**
 * Server only. Reads the runtime configuration (never baked in at build time, so one build serves
 * any chain): RPC_URL, CHAIN_ID, DEPLOYMENTS_FILE, and optionally PUBLIC_RPC_URL when the browser
 * must reach the node under another address than the server.
 */
export type ServerChainEnv = {
  chainId: number
  /** Endpoint the server reads. */
  rpcUrl: string
  /** Endpoint the browser reads. */
  publicRpcUrl: string
  deploymentsFile: string
}

export function readServerChainEnv(env: Record<string, string | undefined> = process.env): ServerChainEnv {
  const chainId = Number(env.CHAIN_ID ?? '31337')
  const rpcUrl = env.RPC_URL || 'http://127.0.0.1:8545'
  const file = env.DEPLOYMENTS_FILE || path.join('deployments', `${chainId}.json`)
  return {
    chainId,
    rpcUrl,
    publicRpcUrl: env.PUBLIC_RPC_URL || rpcUrl,
    deploymentsFile: path.resolve(/* turbopackIgnore: true */ process.cwd(), file),
  }
}

export type ServerChain =
  | { status: 'ready'; env: ServerChainEnv; settings: ChainSettings; deployment: Deployment }
  | { status: 'no-deployment'; env: ServerChainEnv; reason: string }

let cached: { file: string; text: string; deployment: Deployment } | undefined

/**
 * The chain this server reads, with its deployment. Never throws: a missing or broken deployments
 * file comes back as `no-deployment` with the reason, for the page to explain.
 */
export async function loadServerChain(): Promise<ServerChain> {
  const env = readServerChainEnv()
  if (!Number.isSafeInteger(env.chainId) || env.chainId <= 0) {
    return { status: 'no-deployment', env, reason: `CHAIN_ID "${process.env.CHAIN_ID}" is not a chain id.` }
  }
  let text: string
  try {
    text = await readFile(env.deploymentsFile, 'utf8')
  } catch {
    return {
      status: 'no-deployment',
      env,
      reason: `No deployments file at ${env.deploymentsFile}. Deploy the contracts first (npm start, or npm run deploy), or point DEPLOYMENTS_FILE at one.`,
    }
  }
  let deployment: Deployment
  if (cached && cached.file === env.deploymentsFile && cached.text === text) {
    deployment = cached.deployment
  } else {
    try {
      deployment = parseDeployment(JSON.parse(text))
    } catch (error) {
      return {
        status: 'no-deployment',
        env,
        reason: `The deployments file ${env.deploymentsFile} could not be read: ${error instanceof Error ? error.message : String(error)}`,
      }
    }
    cached = { file: env.deploymentsFile, text, deployment }
  }
  if (deployment.chainId !== env.chainId) {
    return {
      status: 'no-deployment',
      env,
      reason: `The deployments file ${env.deploymentsFile} is for chain ${deployment.chainId}, but CHAIN_ID is ${env.chainId}.`,
    }
  }
  const settings: ChainSettings = {
    chainId: env.chainId,
    rpcUrl: env.publicRpcUrl,
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
