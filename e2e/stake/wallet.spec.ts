/**
 * The wallet side of the stake page: discovery (EIP-6963 and the built-in dev account), a rejected
 * signature, a contract revert in words, the wrong-network prompt, the approve fallback, a transaction
 * that survives a reload, and accessibility.
 */
import type { Page } from '@playwright/test'
import { expectNoSeriousA11yViolations } from '../support/a11y'
import { expect, test } from '../support/fixtures'

function txStatus(page: Page) {
  return page.getByRole('status', { name: 'Transaction status' })
}

function txError(page: Page) {
  return page.getByRole('alert', { name: 'Transaction error' })
}

test('lists the EIP-6963 test wallet and, on the local chain, the built-in dev account', async ({
  stakePage,
  wallet,
}) => {
  await stakePage.goto()
  await stakePage.connectButton.click()
  await expect(stakePage.walletModal.getByRole('button', { name: wallet.info.name })).toBeVisible()
  await expect(stakePage.walletModal.getByRole('button', { name: /Dev account/ })).toBeVisible()
  // The announced wallet is listed once, by its own name: no generic "Browser Wallet" twin.
  await expect(stakePage.walletModal.getByRole('button', { name: 'Browser Wallet' })).toHaveCount(0)
})

test('stakes with the built-in dev account, no extension needed', async ({ page, stakePage }) => {
  await stakePage.goto()
  await stakePage.connectWallet('Dev account (anvil #2)')
  await stakePage.getTestTokensButton.click()
  await expect(stakePage.statValue('TKO balance')).toHaveText('10,000 TKO')
  await stakePage.fillStake({ amount: '6000', capacity: '4' })
  await stakePage.stakeButton.click()
  await expect(txStatus(page)).toContainText('Stake 6,000 TKO: confirmed')
  await expect(stakePage.statValue('Stake')).toHaveText('6,000 TKO')
})

test('a rejected permit signature is a calm note, and nothing is sent', async ({
  page,
  stakePage,
  wallet,
}) => {
  await stakePage.goto()
  await stakePage.connectWallet()
  await stakePage.getTestTokensButton.click()
  await expect(stakePage.statValue('TKO balance')).toHaveText('10,000 TKO')
  await stakePage.fillStake({ amount: '6000', capacity: '4' })

  wallet.rejectNext('eth_signTypedData_v4')
  await stakePage.stakeButton.click()
  await expect(txStatus(page)).toContainText('Signature rejected')
  await expect(txStatus(page)).toContainText('“Stake 6,000 TKO” was not sent')
  await expect(txError(page)).toBeEmpty()
  expect(wallet.requestsOf('eth_sendTransaction')).toHaveLength(0)
  await expect(stakePage.stakeButton).toBeEnabled()

  // The user changes their mind: the same form goes through.
  await stakePage.stakeButton.click()
  await expect(txStatus(page)).toContainText('Stake 6,000 TKO: confirmed')
})

test('a contract revert is shown in words, before anything is signed', async ({
  page,
  stakePage,
  wallet,
}) => {
  await stakePage.goto()
  await stakePage.connectWallet()
  await stakePage.getTestTokensButton.click()
  await expect(stakePage.statValue('TKO balance')).toHaveText('10,000 TKO')
  // A valid stake whose weight cannot beat the lowest active prover (R at the top of the range).
  await stakePage.fillStake({ amount: '600', rewardPerGas: '2', capacity: '4' })
  await expect(stakePage.region('Preview')).toContainText('Does not enter')
  await stakePage.stakeButton.click()
  await expect(txError(page)).toContainText('Stake 600 TKO failed')
  await expect(txError(page)).toContainText(
    /Your weight \d\.\de\d+ is below the lowest active weight \d\.\de\d+: stake more or ask less reward/,
  )
  expect(wallet.requestsOf('eth_signTypedData_v4')).toHaveLength(0)
  expect(wallet.requestsOf('eth_sendTransaction')).toHaveLength(0)
})

test.describe('on another network', () => {
  test.use({ walletOptions: { startChainId: 1 } })

  test('prompts to switch, blocks actions meanwhile, and switches', async ({ page, stakePage, wallet }) => {
    await stakePage.goto()
    await stakePage.connectWallet()
    // Connecting asked the wallet to move to the pool's chain.
    expect(wallet.chainId).toBe(31337)

    await wallet.switchChain(1)
    const prompt = page.getByRole('alert').filter({ hasText: 'Your wallet is on Ethereum' })
    await expect(prompt).toBeVisible()
    await expect(stakePage.stakeButton).toBeDisabled()
    await expect(page.getByText('Switch your wallet to Anvil (local) first.')).toBeVisible()

    await prompt.getByRole('button', { name: 'Switch to Anvil (local)' }).click()
    await expect(prompt).toBeHidden()
    expect(wallet.chainId).toBe(31337)
    await expect(stakePage.stakeButton).toBeEnabled()
  })
})

test('falls back to approve + stake when the wallet cannot sign typed data', async ({
  page,
  stakePage,
  wallet,
}) => {
  // The wallet answers eth_signTypedData_v4 with "unsupported method" (EIP-1193 4200).
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
  await stakePage.goto()
  await stakePage.connectWallet()
  await stakePage.getTestTokensButton.click()
  await expect(stakePage.statValue('TKO balance')).toHaveText('10,000 TKO')
  await stakePage.fillStake({ amount: '6000', capacity: '4' })
  await stakePage.stakeButton.click()
  await expect(txStatus(page)).toContainText('Stake 6,000 TKO: confirmed')
  // Two transactions: approve, then stake.
  expect(wallet.requestsOf('eth_sendTransaction')).toHaveLength(2)
  expect(wallet.requestsOf('eth_signTypedData_v4')).toHaveLength(0)
})

test('a transaction in flight survives a reload and is followed to its receipt', async ({
  page,
  stakePage,
  chain,
  wallet,
}) => {
  await stakePage.goto()
  await stakePage.connectWallet()
  await expect(stakePage.walletCard).toContainText(wallet.address)
  await stakePage.getTestTokensButton.click()
  await expect(stakePage.statValue('TKO balance')).toHaveText('10,000 TKO')
  // An amount no other test stakes from this account: the same call from the same state is the same
  // signed transaction, and anvil still answers the receipt of a transaction whose block an earlier
  // test's evm_revert undid, so "6,000" here could be "confirmed" before it was ever mined.
  await stakePage.fillStake({ amount: '6100', capacity: '4' })

  await chain.testClient.setAutomine(false)
  try {
    await stakePage.stakeButton.click()
    await expect(txStatus(page)).toContainText('submitted, waiting for confirmation')
    expect(await chain.testClient.getTxpoolStatus()).toMatchObject({ pending: 1 })
    await stakePage.reload()
    await expect(txStatus(page)).toContainText('Stake 6,100 TKO: submitted, waiting for confirmation')
    await chain.mine(1)
    await expect(txStatus(page)).toContainText('Stake 6,100 TKO: confirmed')
  } finally {
    await chain.testClient.setAutomine(true)
  }
  await expect(stakePage.statValue('Stake')).toHaveText('6,100 TKO')
})

test('the stake page has no serious accessibility violations', async ({ page, stakePage, wallet }) => {
  await stakePage.goto()
  await stakePage.connectWallet()
  await expect(stakePage.walletCard).toContainText(wallet.address)
  await stakePage.getTestTokensButton.click()
  await stakePage.fillStake({ amount: 'abc' })
  await stakePage.stakeButton.click()
  await expect(stakePage.stakeAmount).toHaveAttribute('aria-invalid', 'true')
  await expectNoSeriousA11yViolations(page)
  await stakePage.fillStake({ amount: '6000', capacity: '4' })
  // As a reader would: the field is no longer marked invalid before Stake is pressed again.
  await expect(stakePage.stakeAmount).not.toHaveAttribute('aria-invalid', 'true')
  await stakePage.stakeButton.click()
  await expect(txStatus(page)).toContainText('confirmed')
  await expectNoSeriousA11yViolations(page)
})
