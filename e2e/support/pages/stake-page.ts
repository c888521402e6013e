import { expect, type Locator } from '@playwright/test'
import { AppPage } from './app-page'

/** `/stake`: connect a wallet, get test TKO, stake. */
export class StakePage extends AppPage {
  override readonly path = '/stake'

  get connectButton(): Locator {
    return this.page.getByRole('button', { name: 'Connect Wallet', exact: true }).first()
  }

  /** RainbowKit's modal. */
  get walletModal(): Locator {
    return this.page.getByRole('dialog')
  }

  /**
   * The real RainbowKit flow: "Connect Wallet", then the wallet's entry (the test wallet announces
   * itself through EIP-6963 as "Test Wallet"; on a phone RainbowKit lists only configured wallets, so
   * the same `window.ethereum` is the generic "Browser Wallet"), then waits for the modal to close.
   */
  async connectWallet(walletName = this.isPhone ? 'Browser Wallet' : 'Test Wallet'): Promise<void> {
    await this.connectButton.click()
    // RainbowKit's phone sheet names its wallet buttons only by their visible text.
    const entry = this.isPhone
      ? this.walletModal.getByRole('button').filter({ hasText: walletName })
      : this.walletModal.getByRole('button', { name: walletName })
    await entry.click()
    await expect(this.walletModal).toBeHidden()
  }

  get stakeAmount(): Locator {
    return this.page.getByLabel('Stake amount', { exact: true })
  }

  get rewardPerGas(): Locator {
    return this.page.getByLabel('Reward per gas', { exact: true })
  }

  get capacity(): Locator {
    return this.page.getByLabel('Capacity', { exact: true })
  }

  get stakeButton(): Locator {
    return this.page.getByRole('button', { name: 'Stake', exact: true })
  }

  get maxButton(): Locator {
    return this.page.getByRole('button', { name: 'Max', exact: true })
  }

  get getTestTokensButton(): Locator {
    return this.page.getByRole('button', { name: 'Get test tokens', exact: true })
  }

  /** The faucet's result ("Received … TKO and … ETH."), a status region next to the button. */
  get faucetStatus(): Locator {
    return this.page.getByRole('status', { name: 'Faucet' })
  }

  /** The "Wallet" card: connect button, account and balances once connected. */
  get walletCard(): Locator {
    return this.region('Wallet')
  }

  /** Fills the form (values as the user types them: TKO, wei per gas, blocks). */
  async fillStake({
    amount,
    rewardPerGas,
    capacity,
  }: {
    amount?: string
    rewardPerGas?: string
    capacity?: string
  }): Promise<void> {
    if (amount !== undefined) await this.stakeAmount.fill(amount)
    if (rewardPerGas !== undefined) await this.rewardPerGas.fill(rewardPerGas)
    if (capacity !== undefined) await this.capacity.fill(capacity)
  }
}
