/**
 * A deployment of the contracts (deployments/<chainId>.json) and its JSON form. Browser-safe: no Node
 * imports, so the app may import it.
 */
import type { Address } from 'viem'
import { isAddress } from 'viem'
import type { PoolConfig } from '../pool-math/config'
import { poolConfigKeys } from '../pool-math/config-keys'

export type Deployment = {
  chainId: number
  /** Block of the first deployment transaction (where log scans may start). */
  deployBlock: bigint
  addresses: {
    token: Address
    protocol: Address
    lens: Address
    verifier: Address
  }
  config: PoolConfig
  initialFeePerGas: bigint
  initialAvgProofDelayMs: bigint
}

export class DeploymentParseError extends Error {
  override name = 'DeploymentParseError'
  constructor(details: string) {
    super(`Invalid deployment: ${details}`)
  }
}

/** JSON text of a deployment; bigints become decimal strings. Stable key order, 2-space indent. */
export function serializeDeployment(deployment: Deployment): string {
  const config: Record<string, string> = {}
  for (const key of poolConfigKeys) config[key] = deployment.config[key].toString()
  return `${JSON.stringify(
    {
      chainId: deployment.chainId,
      deployBlock: deployment.deployBlock.toString(),
      addresses: {
        token: deployment.addresses.token,
        protocol: deployment.addresses.protocol,
        lens: deployment.addresses.lens,
        verifier: deployment.addresses.verifier,
      },
      config,
      initialFeePerGas: deployment.initialFeePerGas.toString(),
      initialAvgProofDelayMs: deployment.initialAvgProofDelayMs.toString(),
    },
    null,
    2,
  )}\n`
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function toBigInt(value: unknown, field: string): bigint {
  if (typeof value === 'string' && /^\d+$/.test(value)) return BigInt(value)
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return BigInt(value)
  throw new DeploymentParseError(`${field} must be a non-negative integer as a decimal string`)
}

function toAddress(value: unknown, field: string): Address {
  if (typeof value === 'string' && isAddress(value, { strict: false })) return value as Address
  throw new DeploymentParseError(`${field} must be an address`)
}

/** Parses and validates a deployment (JSON text or an already parsed object). Throws `DeploymentParseError`. */
export function parseDeployment(input: string | unknown): Deployment {
  let data: unknown = input
  if (typeof input === 'string') {
    try {
      data = JSON.parse(input)
    } catch (error) {
      throw new DeploymentParseError(`not JSON (${(error as Error).message})`)
    }
  }
  if (!isRecord(data)) throw new DeploymentParseError('expected an object')
  const { chainId, addresses, config } = data
  if (typeof chainId !== 'number' || !Number.isSafeInteger(chainId) || chainId <= 0) {
    throw new DeploymentParseError('chainId must be a positive integer')
  }
  if (!isRecord(addresses)) throw new DeploymentParseError('addresses must be an object')
  if (!isRecord(config)) throw new DeploymentParseError('config must be an object')
  const parsedConfig = {} as PoolConfig
  for (const key of poolConfigKeys) parsedConfig[key] = toBigInt(config[key], `config.${key}`)
  return {
    chainId,
    deployBlock: toBigInt(data.deployBlock, 'deployBlock'),
    addresses: {
      token: toAddress(addresses.token, 'addresses.token'),
      protocol: toAddress(addresses.protocol, 'addresses.protocol'),
      lens: toAddress(addresses.lens, 'addresses.lens'),
      verifier: toAddress(addresses.verifier, 'addresses.verifier'),
    },
    config: parsedConfig,
    initialFeePerGas: toBigInt(data.initialFeePerGas, 'initialFeePerGas'),
    initialAvgProofDelayMs: toBigInt(data.initialAvgProofDelayMs, 'initialAvgProofDelayMs'),
  }
}
