/**
 * Deploys the contracts and writes deployments/<chainId>.json.
 *
 *   RPC_URL        default http://127.0.0.1:8545
 *   PRIVATE_KEY    default anvil account 0
 *   CONFIG         demo | default (default: demo on chain 31337, else default)
 *   TOKEN_ADDRESS  use an existing TKO instead of deploying TaikoToken
 *   TREASURY_FUNDING  TKO wei to mint and put in the treasury (default 1,000,000 TKO on 31337 with a new token)
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { createPublicClient, type Hex, http, isAddress } from 'viem'
import { serializeDeployment } from '../lib/chain/deployment'
import { defaultConfig, defaultInitialState, demoConfig, demoInitialState } from '../lib/pool-math/config'
import { deployContracts } from './lib/deploy-core'

const ANVIL_CHAIN_ID = 31_337
const ANVIL_KEY_0: Hex = '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80'
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

async function main(): Promise<void> {
  const rpcUrl = process.env.RPC_URL ?? 'http://127.0.0.1:8545'
  const privateKey = (process.env.PRIVATE_KEY ?? ANVIL_KEY_0) as Hex
  const chainId = await createPublicClient({ transport: http(rpcUrl) }).getChainId()

  const configName = process.env.CONFIG ?? (chainId === ANVIL_CHAIN_ID ? 'demo' : 'default')
  if (configName !== 'demo' && configName !== 'default') throw new Error(`CONFIG must be demo or default`)
  const config = configName === 'demo' ? demoConfig : defaultConfig
  const initial = configName === 'demo' ? demoInitialState : defaultInitialState

  const token = process.env.TOKEN_ADDRESS
  if (token !== undefined && !isAddress(token)) throw new Error(`TOKEN_ADDRESS is not an address: ${token}`)
  const treasuryFunding =
    process.env.TREASURY_FUNDING !== undefined
      ? BigInt(process.env.TREASURY_FUNDING)
      : chainId === ANVIL_CHAIN_ID && token === undefined
        ? 1_000_000n * 10n ** 18n
        : undefined

  console.log(`deploying to chain ${chainId} (${rpcUrl}) with the ${configName} config`)
  const deployment = await deployContracts({
    rpcUrl,
    privateKey,
    config,
    initialFeePerGas: initial.feePerGas,
    initialAvgProofDelayMs: initial.avgProofDelayMs,
    token,
    treasuryFunding,
    onProgress: (message) => console.log(`  ${message}`),
  })

  const dir = path.join(root, 'deployments')
  mkdirSync(dir, { recursive: true })
  const file = path.join(dir, `${deployment.chainId}.json`)
  writeFileSync(file, serializeDeployment(deployment))
  console.log(`\nwrote ${path.relative(root, file)}`)
  for (const [name, address] of Object.entries(deployment.addresses))
    console.log(`  ${name.padEnd(9)} ${address}`)
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
