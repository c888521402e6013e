/**
 * A private anvil with `PoolMathHarness` deployed, for the formula differential tests. JSON-RPC calls are
 * batched (hundreds of `eth_call`s per HTTP request), so a thousand inputs per formula take well under a
 * second of node time.
 */
import { type Address, createPublicClient, createWalletClient, getContract, http } from 'viem'
import { mnemonicToAccount } from 'viem/accounts'
import { foundry } from 'viem/chains'
import { PoolMathHarness } from '@/contracts-abi/PoolMathHarness'
import { startAnvil } from '@/scripts/lib/anvil'
import { ANVIL_MNEMONIC } from '../support/pool'
import { claimPort } from '../support/ports'

export async function deployHarness() {
  const claim = await claimPort()
  const node = await startAnvil({ port: claim.port }).catch((error) => {
    claim.release()
    throw error
  })
  try {
    const publicClient = createPublicClient({
      chain: foundry,
      transport: http(node.rpcUrl, { batch: { batchSize: 250, wait: 0 } }),
      pollingInterval: 20,
    })
    const account = mnemonicToAccount(ANVIL_MNEMONIC, { addressIndex: 0 })
    const walletClient = createWalletClient({ chain: foundry, account, transport: http(node.rpcUrl) })
    const hash = await walletClient.deployContract({
      abi: PoolMathHarness.abi,
      bytecode: PoolMathHarness.bytecode,
    })
    const receipt = await publicClient.waitForTransactionReceipt({ hash, pollingInterval: 20 })
    const address = receipt.contractAddress as Address
    const harness = getContract({ address, abi: PoolMathHarness.abi, client: publicClient })
    return {
      harness,
      stop: async () => {
        await node.stop()
        claim.release()
      },
    }
  } catch (error) {
    await node.stop()
    claim.release()
    throw error
  }
}
