/**
 * The stake page end to end with the test wallet: the full lifecycle of a position (connect, test
 * tokens, stake with a permit, leaderboard, R and C changes with their cooldown, exit, withdraw, claim)
 * and an eviction seen by the evicted prover.
 */
import type { Page } from '@playwright/test'
import { type Address, maxUint256 } from 'viem'
import { BlockProtocol } from '@/contracts-abi/BlockProtocol'
import { TaikoToken } from '@/contracts-abi/TaikoToken'
import { perGasInputText } from '@/lib/format/per-gas-input'
import { devAccount, FREE_DEV_INDEXES } from '@/lib/network/accounts'
import { previewStake, STAKE_UNIT, stakeUnits } from '@/lib/pool-math'
import { expect, test } from '../support/fixtures'
import type { StakePage } from '../support/pages'

const walletKey = devAccount(FREE_DEV_INDEXES[0]).privateKey
const rival = devAccount(FREE_DEV_INDEXES[1])

function txStatus(page: Page) {
  return page.getByRole('status', { name: 'Transaction status' })
}

/** Waits for the current action to be confirmed (and for no error). */
async function expectConfirmed(page: Page, label: string | RegExp) {
  await expect(txStatus(page)).toContainText(label)
  await expect(txStatus(page)).toContainText('confirmed')
  await expect(page.getByRole('alert', { name: 'Transaction error' })).toBeEmpty()
}

async function connectAndFund(stakePage: StakePage) {
  await stakePage.goto()
  await stakePage.connectWallet()
  await stakePage.getTestTokensButton.click()
  await expect(stakePage.faucetStatus).toContainText('Received 10,000 TKO and 100 ETH')
  await expect(stakePage.statValue('TKO balance')).toHaveText('10,000 TKO')
}

test.describe('stake page', () => {
  test('a prover stakes, changes R and C, exits, withdraws and claims', async ({
    page,
    stakePage,
    proversPage,
    wallet,
    chain,
    protocol,
    deployment,
  }) => {
    test.setTimeout(240_000)
    await connectAndFund(stakePage)

    // Stake with a permit: one typed-data signature, one transaction.
    await stakePage.fillStake({ amount: '9000', capacity: '4' })
    await expect(stakePage.rewardPerGas).toHaveValue(perGasInputText(await protocol.feePerGas()))
    const preview = stakePage.region('Preview')
    await expect(preview).toContainText('Enters the active list and evicts')
    await stakePage.stakeButton.click()
    await expectConfirmed(page, 'Stake 9,000 TKO')
    expect(wallet.requestsOf('eth_signTypedData_v4')).toHaveLength(1)
    expect(wallet.requestsOf('eth_sendTransaction')).toHaveLength(1)
    const position = stakePage.region('Your position')
    await expect(position).toContainText('active')
    await expect(stakePage.statValue('Stake')).toHaveText('9,000 TKO')
    await expect(stakePage.statValue('TKO balance')).toHaveText('1,000 TKO')

    // The new prover is on the leaderboard.
    await proversPage.goto()
    await expect(proversPage.row(wallet.address)).toBeVisible()
    await expect(proversPage.cell(proversPage.row(wallet.address), 'Status')).toContainText('active')
    await stakePage.goto()
    await expect(position).toBeVisible()

    // Joining started the R and C cooldowns (SPEC Revision 2.4): the page says so, and after it R may change.
    const reward = stakePage.region('Update reward per gas')
    await expect(reward).toContainText(/you can change it again in (1|2) min/)
    await expect(reward.getByRole('button', { name: 'Update reward per gas' })).toBeDisabled()
    await chain.increaseTime(deployment.config.rewardChangeCooldown)

    // Update R; the second change is refused by the UI with the time left.
    await reward.getByLabel('New reward per gas', { exact: true }).fill('0,95')
    await expect(reward).toContainText('→')
    await reward.getByRole('button', { name: 'Update reward per gas' }).click()
    await expectConfirmed(page, 'Update reward per gas to 0.95 gwei')
    await expect(stakePage.statValue('Reward per gas')).toHaveText('0.95 gwei')
    await expect(stakePage.statValue('Reward per gas').locator('[title]')).toHaveAttribute(
      'title',
      '950,000,000 wei of TKO per gas (0.95 gwei)',
    )
    await expect(reward).toContainText(/you can change it again in (1|2) min/)
    await expect(reward.getByRole('button', { name: 'Update reward per gas' })).toBeDisabled()

    // Time travel past the cooldown: the button comes back; then change C.
    await chain.increaseTime(deployment.config.rewardChangeCooldown)
    await expect(reward.getByRole('button', { name: 'Update reward per gas' })).toBeEnabled()
    const capacity = stakePage.region('Update capacity')
    await capacity.getByLabel('New capacity', { exact: true }).fill('6')
    await capacity.getByRole('button', { name: 'Update capacity' }).click()
    await expectConfirmed(page, 'Update capacity to 6')
    await expect(stakePage.statValue('Capacity')).toHaveText('6 / 6')
    await expect(capacity.getByRole('button', { name: 'Update capacity' })).toBeDisabled()

    // Get a block assigned (selection is by weight) and prove it, to have rewards to claim.
    let mine: bigint | null = null
    for (let i = 0; i < 80 && mine === null; i += 1) {
      const block = await protocol.proposeBlock()
      if (block.assignedProver?.toLowerCase() === wallet.address.toLowerCase()) mine = block.blockId
      else await protocol.proveBlock(block.blockId)
    }
    expect(mine, 'a block assigned to the new prover within 80 proposals').not.toBeNull()
    const assigned = stakePage.region('Your position').getByRole('table', { name: 'Blocks assigned to you' })
    // Blocks come from the indexer, which may be a few seconds behind after this burst of blocks.
    await expect(assigned).toContainText(`#${mine}`, { timeout: 30_000 })
    await expect(assigned).toContainText('left')
    await protocol.proveBlock(mine as bigint, { from: walletKey })
    await expect(position).toContainText('No unproven block is assigned to you.')
    await expect(stakePage.statValue('Unclaimed rewards')).not.toHaveText('0 TKO')

    // Request exit: the daily limit is shown; the withdrawal waits for the exit delay.
    const exit = stakePage.region('Request exit')
    await expect(exit).toContainText(/Daily exit limit: \d+ of 8/)
    await exit.getByRole('button', { name: 'Request exit' }).click()
    await expectConfirmed(page, 'Request exit')
    await expect(position).toContainText('exiting')
    const withdraw = stakePage.region('Withdraw')
    await expect(withdraw).toContainText(/Locked: 9,000 TKO unlock in [45] min/)
    await expect(withdraw.getByRole('button', { name: 'Withdraw' })).toBeDisabled()

    await chain.increaseTime(deployment.config.exitDelay)
    await expect(withdraw.getByRole('button', { name: 'Withdraw' })).toBeEnabled()
    await withdraw.getByRole('button', { name: 'Withdraw' }).click()
    await expectConfirmed(page, 'Withdraw')
    await expect(stakePage.statValue('TKO balance')).toHaveText('10,000 TKO')

    // Claim the rewards of the proven block.
    const claim = stakePage.region('Claim rewards')
    await claim.getByRole('button', { name: 'Claim rewards' }).click()
    await expectConfirmed(page, 'Claim rewards')
    const balance = await protocol.balanceOf(wallet.address)
    expect(balance).toBeGreaterThan(10_000n * STAKE_UNIT)
    await expect(stakePage.statValue('TKO balance')).not.toHaveText('10,000 TKO')
    // Nothing staked, queued or owed any more: the position is gone and the form invites a new stake.
    await expect(position).toBeHidden()
    await expect(stakePage.region('New stake')).toBeVisible()
  })

  test('a better stake evicts the lowest prover, and the evicted prover sees it', async ({
    page,
    stakePage,
    wallet,
    chain,
    protocol,
  }) => {
    await connectAndFund(stakePage)

    // Stake the least that joins at R = F, C = 4: the new prover becomes the lowest active weight.
    const pool = await protocol.getPool()
    const fee = await protocol.feePerGas()
    const least = previewStake({ pool, prover: wallet.address, amount: 1n, rewardPerGas: fee, capacity: 4n })
    const required = least.requiredStake
    if (required === null) throw new Error('no stake joins at R = F, C = 4')
    const amount = stakeUnits({ stake: required })
    await stakePage.fillStake({
      amount: amount.toString(),
      rewardPerGas: perGasInputText(fee),
      capacity: '4',
    })
    await expect(stakePage.region('Preview')).toContainText('Enters the active list')
    await stakePage.stakeButton.click()
    await expectConfirmed(page, `Stake ${amount.toLocaleString('en-US')} TKO`)
    await expect(stakePage.region('Your position')).toContainText('active')

    const weights = (await protocol.getPool()).provers.filter((p) => p.slot > 0n).map((p) => p.weight)
    const mineRow = (await protocol.getPool()).provers.find(
      (p) => p.prover.toLowerCase() === wallet.address.toLowerCase(),
    )
    const lowest = [...weights].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))[0]
    expect(mineRow?.weight).toBe(lowest)

    // Another prover stakes more: the lowest (our prover) is evicted.
    const big = 20_000n * STAKE_UNIT
    await protocol.mintTko(rival.address, big)
    await chain.testClient.setBalance({ address: rival.address, value: 10n ** 20n })
    const rivalWallet = chain.walletClient(rival.privateKey)
    const approve = await rivalWallet.writeContract({
      address: protocol.addresses.token,
      abi: TaikoToken.abi,
      functionName: 'approve',
      args: [protocol.addresses.protocol, maxUint256],
    })
    await chain.publicClient.waitForTransactionReceipt({ hash: approve })
    const stake = await rivalWallet.writeContract({
      address: protocol.addresses.protocol,
      abi: BlockProtocol.abi,
      functionName: 'stake',
      args: [big, fee, 4n],
    })
    const receipt = await chain.publicClient.waitForTransactionReceipt({ hash: stake })
    expect(receipt.status).toBe('success')

    const position = stakePage.region('Your position')
    await expect(position).toContainText('evicted')
    await expect(position).toContainText('You were evicted from the active list')
    await expect(position).toContainText(rival.address as Address)
    await expect(stakePage.statValue('Queued for exit')).toHaveText(`${amount.toLocaleString('en-US')} TKO`)
    // The evicted prover may stake again: the form is back.
    await expect(stakePage.region('Stake again')).toBeVisible()
  })
})
