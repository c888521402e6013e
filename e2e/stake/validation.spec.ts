/**
 * Every bad input of the stake form is refused before anything is signed: the error says what is
 * wrong and the allowed range, is tied to its input (aria-describedby), and no request reaches the
 * wallet's signing methods.
 */
import type { Locator } from '@playwright/test'
import { expect, test } from '../support/fixtures'

const signingMethods = ['eth_sendTransaction', 'eth_signTypedData_v4', 'personal_sign'] as const

test('bad inputs are refused with what is wrong and the allowed range, and nothing is signed', async ({
  stakePage,
  wallet,
}) => {
  await stakePage.goto()
  await stakePage.connectWallet()
  await stakePage.getTestTokensButton.click()
  await expect(stakePage.statValue('TKO balance')).toHaveText('10,000 TKO')

  const valid = { amount: '5000', rewardPerGas: '1', capacity: '4' }
  const cases: { field: 'amount' | 'rewardPerGas' | 'capacity'; value: string; error: RegExp }[] = [
    { field: 'amount', value: 'abc', error: /"abc" is not a number/ },
    { field: 'amount', value: '1,000,00', error: /is not a number/ },
    {
      field: 'amount',
      value: '1.0000000000000000001',
      error: /TKO has 18 decimals: .* has 19 digits after the point/,
    },
    { field: 'amount', value: '0', error: /must be more than 0 TKO: allowed 500 to 10,000 TKO/ },
    {
      field: 'amount',
      value: '20000',
      error: /more than your balance of 10,000 TKO: allowed 500 to 10,000 TKO/,
    },
    { field: 'amount', value: '100', error: /minimum stake now is 500 TKO.*allowed 500 to 10,000 TKO/ },
    { field: 'amount', value: '499.99', error: /only whole TKO count \(this counts as 499 TKO\)/ },
    { field: 'rewardPerGas', value: 'lots', error: /"lots" is not a number/ },
    { field: 'rewardPerGas', value: '1.0000000005', error: /at most 9 decimals in gwei/ },
    {
      field: 'rewardPerGas',
      value: '0',
      error: /must be more than 0: allowed between 0\.5 gwei and 2 gwei per gas/,
    },
    {
      field: 'rewardPerGas',
      value: '0.499999999',
      error:
        /0\.499999999 gwei per gas is outside the allowed range: it must be between 0\.5 gwei and 2 gwei per gas/,
    },
    { field: 'rewardPerGas', value: '2,000000001', error: /outside the allowed range/ },
    { field: 'capacity', value: 'x', error: /"x" is not a number/ },
    { field: 'capacity', value: '2.5', error: /whole number of blocks/ },
    { field: 'capacity', value: '0', error: /must be more than 0: allowed between 1 and 255 blocks/ },
    { field: 'capacity', value: '256', error: /above 255: allowed between 1 and 255 blocks/ },
  ]
  const input: Record<(typeof cases)[number]['field'], Locator> = {
    amount: stakePage.stakeAmount,
    rewardPerGas: stakePage.rewardPerGas,
    capacity: stakePage.capacity,
  }

  for (const { field, value, error } of cases) {
    await stakePage.fillStake({ ...valid, [field]: value })
    await stakePage.stakeButton.click()
    await expect(input[field], `${field} = ${value}`).toHaveAttribute('aria-invalid', 'true')
    await expect(input[field], `${field} = ${value}`).toHaveAccessibleDescription(error)
    await expect(input[field]).toBeFocused()
  }

  // Empty fields complain on submit too.
  await stakePage.fillStake({ amount: '', rewardPerGas: valid.rewardPerGas, capacity: valid.capacity })
  await stakePage.stakeButton.click()
  await expect(stakePage.stakeAmount).toHaveAccessibleDescription(/stake amount is empty/)

  // Max fills the whole balance, which is valid.
  await stakePage.maxButton.click()
  await expect(stakePage.stakeAmount).toHaveValue('10000')
  await expect(stakePage.stakeAmount).not.toHaveAttribute('aria-invalid', 'true')

  for (const method of signingMethods) expect(wallet.requestsOf(method), method).toHaveLength(0)
})
