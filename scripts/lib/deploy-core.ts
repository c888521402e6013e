/**
 * Deploys the contracts to any EVM chain with viem and returns the `Deployment`:
 * TaikoToken (unless an existing `token` is given), DevelopmentProofVerifier, BlockProtocol, ProverPoolLens.
 * Optionally mints TKO (only with a token deployed here, or one the deployer owns) and funds the treasury.
 */
import {
  type Abi,
  type Account,
  type Address,
  type Chain,
  createPublicClient,
  createWalletClient,
  defineChain,
  getAddress,
  type Hash,
  type Hex,
  http,
  type PublicClient,
  type Transport,
  type WalletClient,
} from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { BlockProtocol, DevelopmentProofVerifier, ProverPoolLens, TaikoToken } from '../../contracts-abi'
import type { Deployment } from '../../lib/chain/deployment'
import type { PoolConfig } from '../../lib/pool-math/config'

export type DeployContractsParameters = {
  rpcUrl: string
  privateKey: Hex
  config: PoolConfig
  initialFeePerGas: bigint
  initialAvgProofDelayMs: bigint
  /** Use this TKO instead of deploying a TaikoToken. */
  token?: Address
  /** TKO wei minted to the deployer, approved and passed to `fundTreasury` (needs a mintable token). */
  treasuryFunding?: bigint
  /** TKO wei minted to each address after deployment (needs a mintable token). */
  mintTo?: { address: Address; amount: bigint }[]
  /** Called after each step with a short description (for scripts that print progress). */
  onProgress?: (message: string) => void
}

export type DeployContractsReturnType = Deployment

type Clients = {
  publicClient: PublicClient<Transport, Chain>
  walletClient: WalletClient<Transport, Chain, Account>
}

async function clientsFor(rpcUrl: string, privateKey: Hex): Promise<Clients> {
  const probe = createPublicClient({ transport: http(rpcUrl) })
  const chainId = await probe.getChainId()
  const chain = defineChain({
    id: chainId,
    name: `chain-${chainId}`,
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: [rpcUrl] } },
  })
  const account = privateKeyToAccount(privateKey)
  return {
    publicClient: createPublicClient({ chain, transport: http(rpcUrl) }),
    walletClient: createWalletClient({ account, chain, transport: http(rpcUrl) }),
  }
}

async function confirm(publicClient: PublicClient<Transport, Chain>, hash: Hash, what: string) {
  const receipt = await publicClient.waitForTransactionReceipt({ hash })
  if (receipt.status !== 'success') throw new Error(`${what} reverted (tx ${hash})`)
  return receipt
}

async function deploy(
  { publicClient, walletClient }: Clients,
  name: string,
  artifact: { abi: Abi; bytecode: Hex },
  args: readonly unknown[],
): Promise<{ address: Address; blockNumber: bigint }> {
  const hash = await walletClient.deployContract({
    abi: artifact.abi,
    bytecode: artifact.bytecode,
    args,
  } as Parameters<typeof walletClient.deployContract>[0])
  const receipt = await confirm(publicClient, hash, `deploying ${name}`)
  if (!receipt.contractAddress) throw new Error(`deploying ${name}: no contract address in the receipt`)
  return { address: getAddress(receipt.contractAddress), blockNumber: receipt.blockNumber }
}

/** `Config` as the contract's tuple (same field order as PoolConfig). */
export function configTuple(config: PoolConfig) {
  return { ...config }
}

export async function deployContracts(
  parameters: DeployContractsParameters,
): Promise<DeployContractsReturnType> {
  const {
    rpcUrl,
    privateKey,
    config,
    initialFeePerGas,
    initialAvgProofDelayMs,
    treasuryFunding,
    mintTo = [],
  } = parameters
  const progress = parameters.onProgress ?? (() => {})
  const clients = await clientsFor(rpcUrl, privateKey)
  const { publicClient, walletClient } = clients
  const deployer = walletClient.account.address

  let deployBlock: bigint | undefined
  let token = parameters.token
  if (token === undefined) {
    const deployed = await deploy(clients, 'TaikoToken', TaikoToken, [])
    token = deployed.address
    deployBlock = deployed.blockNumber
    progress(`TaikoToken ${token}`)
  }
  const verifier = await deploy(clients, 'DevelopmentProofVerifier', DevelopmentProofVerifier, [])
  deployBlock ??= verifier.blockNumber
  progress(`DevelopmentProofVerifier ${verifier.address}`)
  const protocol = await deploy(clients, 'BlockProtocol', BlockProtocol, [
    token,
    verifier.address,
    configTuple(config),
    initialFeePerGas,
    initialAvgProofDelayMs,
  ])
  progress(`BlockProtocol ${protocol.address}`)
  const lens = await deploy(clients, 'ProverPoolLens', ProverPoolLens, [])
  progress(`ProverPoolLens ${lens.address}`)

  const mints = [...mintTo]
  if (treasuryFunding !== undefined && treasuryFunding > 0n)
    mints.push({ address: deployer, amount: treasuryFunding })
  for (const { address, amount } of mints) {
    const hash = await walletClient.writeContract({
      address: token,
      abi: TaikoToken.abi,
      functionName: 'mint',
      args: [address, amount],
    })
    await confirm(publicClient, hash, `minting TKO to ${address}`)
  }
  if (mints.length > 0) progress(`minted TKO to ${mints.length} account(s)`)

  if (treasuryFunding !== undefined && treasuryFunding > 0n) {
    const approveHash = await walletClient.writeContract({
      address: token,
      abi: TaikoToken.abi,
      functionName: 'approve',
      args: [protocol.address, treasuryFunding],
    })
    await confirm(publicClient, approveHash, 'approving the treasury funding')
    const fundHash = await walletClient.writeContract({
      address: protocol.address,
      abi: BlockProtocol.abi,
      functionName: 'fundTreasury',
      args: [treasuryFunding],
    })
    await confirm(publicClient, fundHash, 'funding the treasury')
    progress(`treasury funded with ${treasuryFunding} wei`)
  }

  return {
    chainId: publicClient.chain.id,
    deployBlock,
    addresses: { token, protocol: protocol.address, lens: lens.address, verifier: verifier.address },
    config: { ...config },
    initialFeePerGas,
    initialAvgProofDelayMs,
  }
}
