/**
 * Transactions told truthfully: a transaction the wallet speeds up is followed to its replacement, one
 * it cancels is shown as cancelled (not confirmed), a pending transaction belongs to the account that
 * sent it, approve → stake survives a reload between the two steps, and each transaction links to
 * the chain's block explorer (the e2e app has EXPLORER_URL set).
 *
 * Anvil's automine is off while a transaction is pending, so the test can act as the wallet in
 * between: it sends a transaction with the same nonce and higher fees from the same key.
 */
import type { Page } from '@playwright/test'
import type { Hash, Hex } from 'viem'
import { devAccount, FREE_DEV_INDEXES } from '@/lib/network/accounts'
import type { E2EChain } from '../support/chain'
import { expect, test } from '../support/fixtures'
import type { StakePage } from '../support/pages'
import type { TestWallet } from '../support/test-wallet'

const WALLET_KEY = devAccount(FREE_DEV_INDEXES[0]).privateKey
const OTHER = devAccount(FREE_DEV_INDEXES[1])

function txStatus(page: Page) {
  return page.getByRole('status', { name: 'Transaction status' })
}

function txError(page: Page) {
  return page.getByRole('alert', { name: 'Transaction error' })
}

/** Connects the test wallet (asking for the fixture installs it), funds it, fills the stake form. */
async function readyToStake(stakePage: StakePage, _wallet: TestWallet) {
  await stakePage.goto()
  await stakePage.connectWallet()
  await stakePage.getTestTokensButton.click()
  await expect(stakePage.statValue('TKO balance')).toHaveText('10,000 TKO')
  await stakePage.fillStake({ amount: '6000', capacity: '4' })
}

/** The hash the status line shows for the transaction in flight. */
async function pendingHash(page: Page): Promise<Hash> {
  await expect(txStatus(page)).toContainText('submitted, waiting for confirmation')
  const text = (await txStatus(page).textContent()) ?? ''
  const hash = text.match(/0x[0-9a-f]{64}/)?.[0]
  if (!hash) throw new Error(`no transaction hash in "${text}"`)
  return hash as Hash
}

/** The wallet replaces `hash` (same nonce, fees doubled) with `call`, as "speed up" or "cancel" do. */
async function replace(chain: E2EChain, hash: Hash, call: 'same' | 'cancel'): Promise<Hash> {
  const original = await chain.publicClient.getTransaction({ hash })
  const client = chain.walletClient(WALLET_KEY)
  return client.sendTransaction({
    to: call === 'same' ? original.to : original.from,
    data: call === 'same' ? original.input : ('0x' as Hex),
    value: call === 'same' ? original.value : 0n,
    nonce: original.nonce,
    gas: call === 'same' ? original.gas : 21_000n,
    maxFeePerGas: (original.maxFeePerGas ?? 1_000_000_000n) * 2n,
    maxPriorityFeePerGas: (original.maxPriorityFeePerGas ?? 1n) * 2n + 1n,
  })
}

async function withAutomineOff(chain: E2EChain, body: () => Promise<void>) {
  await chain.testClient.setAutomine(false)
  try {
    await body()
  } finally {
    await chain.testClient.setAutomine(true)
  }
}

test('a transaction sped up in the wallet is followed to its replacement and confirmed', async ({
  page,
  stakePage,
  chain,
  wallet,
}) => {
  await readyToStake(stakePage, wallet)
  let replacement: Hash = '0x'
  await withAutomineOff(chain, async () => {
    await stakePage.stakeButton.click()
    const sent = await pendingHash(page)
    await expect(txStatus(page).getByRole('link', { name: 'View on the block explorer' })).toHaveAttribute(
      'href',
      `https://explorer.e2e.invalid/tx/${sent}`,
    )
    replacement = await replace(chain, sent, 'same')
    await chain.mine(1)
    await expect(txStatus(page)).toContainText('Stake 6,000 TKO: confirmed')
    await expect(txStatus(page)).toContainText(`sped up in your wallet: it replaced ${sent}`)
  })
  await expect(txStatus(page)).toContainText(`Transaction ${replacement}`)
  await expect(txStatus(page).getByRole('link', { name: 'View on the block explorer' })).toHaveAttribute(
    'href',
    `https://explorer.e2e.invalid/tx/${replacement}`,
  )
  await expect(stakePage.statValue('Stake')).toHaveText('6,000 TKO')
})

test('a transaction cancelled in the wallet is shown as cancelled, not confirmed', async ({
  page,
  stakePage,
  chain,
  wallet,
}) => {
  await readyToStake(stakePage, wallet)
  await withAutomineOff(chain, async () => {
    await stakePage.stakeButton.click()
    const sent = await pendingHash(page)
    const cancel = await replace(chain, sent, 'cancel')
    await chain.mine(1)
    await expect(txStatus(page)).toContainText('Stake 6,000 TKO: cancelled.')
    await expect(txStatus(page)).toContainText(`a 0 ETH transaction to yourself took its place (${cancel})`)
  })
  await expect(txStatus(page)).not.toContainText('confirmed')
  await expect(txError(page)).toBeEmpty()
  // Nothing was staked: the form is still there, the TKO still in the wallet.
  await expect(stakePage.statValue('TKO balance')).toHaveText('10,000 TKO')
  await expect(stakePage.stakeButton).toBeEnabled()
})

test('a pending transaction belongs to the account that sent it, across reloads', async ({
  page,
  stakePage,
  chain,
  wallet,
}) => {
  await readyToStake(stakePage, wallet)
  const first = wallet.address
  await withAutomineOff(chain, async () => {
    await stakePage.stakeButton.click()
    await pendingHash(page)

    // Another account: it does not see the transaction, and is not blocked by it.
    await wallet.switchAccount(OTHER.privateKey)
    await expect(stakePage.walletCard).toContainText(OTHER.address)
    await expect(txStatus(page)).toBeEmpty()
    await stakePage.reload()
    await expect(stakePage.walletCard).toContainText(OTHER.address)
    await expect(txStatus(page)).toBeEmpty()

    // Back to the first account: its transaction is picked up and followed.
    await wallet.switchAccount(WALLET_KEY)
    await expect(stakePage.walletCard).toContainText(first)
    await expect(txStatus(page)).toContainText('Stake 6,000 TKO: submitted, waiting for confirmation')
    await chain.mine(1)
    await expect(txStatus(page)).toContainText('Stake 6,000 TKO: confirmed')
  })
  await expect(stakePage.statValue('Stake')).toHaveText('6,000 TKO')
})

test('approve → stake survives a reload between the two steps', async ({
  page,
  stakePage,
  chain,
  wallet,
}) => {
  // A wallet that cannot sign typed data (EIP-1193 4200): the page approves, then stakes.
  await page.addInitScript(() => {
    window.addEventListener('eip6963:announceProvider', (event) => {
      const provider = (event as CustomEvent).detail.provider as {
        request: (args: { method: string }) => Promise<unknown>
        __noTypedData?: boolean
      }
      if (provider.__noTypedData) return
      const request = provider.request.bind(provider)
      provider.request = async (args) => {
        if (args.method === 'eth_signTypedData_v4') {
          throw Object.assign(new Error('Method not supported.'), { code: 4200 })
        }
        return request(args)
      }
      provider.__noTypedData = true
    })
  })
  await readyToStake(stakePage, wallet)
  await withAutomineOff(chain, async () => {
    await stakePage.stakeButton.click()
    await expect(txStatus(page)).toContainText('submitted, waiting for confirmation')
    expect(wallet.requestsOf('eth_sendTransaction')).toHaveLength(1)
    // The page goes away with the approval in flight and the stake not sent.
    await stakePage.reload()
    await expect(txStatus(page)).toContainText('Stake 6,000 TKO: submitted, waiting for confirmation')
    await chain.mine(1)
    await expect(txStatus(page)).toContainText(
      'Stake 6,000 TKO: the approval is confirmed, but the stake itself was not sent before the page was reloaded.',
    )
  })
  // A reload now still offers the second step.
  await stakePage.reload()
  const send = txStatus(page).getByRole('button', { name: 'Send the stake' })
  await expect(send).toBeVisible()
  await send.click()
  await expect(txStatus(page)).toContainText('Stake 6,000 TKO: confirmed')
  await expect(stakePage.statValue('Stake')).toHaveText('6,000 TKO')
  // approve, then stake: no second approval.
  expect(wallet.requestsOf('eth_sendTransaction')).toHaveLength(2)
  // Done: a reload shows nothing left to do.
  await stakePage.reload()
  await expect(stakePage.statValue('Stake')).toHaveText('6,000 TKO')
  await expect(txStatus(page)).toBeEmpty()
})
