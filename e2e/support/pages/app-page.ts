import type { Locator, Page } from '@playwright/test'

/** The main navigation's links, by their visible names. */
export type NavLinkName = 'Overview' | 'Provers' | 'Stake' | 'Fees' | 'Simulator'

/**
 * What every page of the app shares: the header (with the network status) and the main navigation.
 * Locators go by role and accessible name, the way a user and a screen reader find things.
 */
export class AppPage {
  /** Path of this page (subclasses set it). */
  readonly path: string = '/'
  readonly page: Page

  constructor(page: Page) {
    this.page = page
  }

  /**
   * Below Tailwind's `md` (768 px) tables become lists of cards (the `phone` project): page objects
   * locate rows and values in whichever the viewport shows.
   */
  get isPhone(): boolean {
    return (this.page.viewportSize()?.width ?? 1280) < 768
  }

  /** Opens this page (or `path`) and waits for the first paint. */
  async goto(path: string = this.path): Promise<void> {
    await this.page.goto(path)
  }

  /** Reloads (the server renders the chain's current state again). */
  async reload(): Promise<void> {
    await this.page.reload()
  }

  get header(): Locator {
    return this.page.getByRole('banner')
  }

  get main(): Locator {
    return this.page.getByRole('main')
  }

  /** The main navigation landmark (`<nav aria-label="Main">`). */
  get nav(): Locator {
    return this.page.getByRole('navigation', { name: 'Main' })
  }

  navLink(name: NavLinkName): Locator {
    return this.nav.getByRole('link', { name, exact: true })
  }

  /** Follows a main-navigation link (client-side navigation). */
  async navigateTo(name: NavLinkName): Promise<void> {
    await this.navLink(name).click()
  }

  /** The header's network status: chain, latest block and connection state ("Live", "Connection lost"). */
  get networkStatus(): Locator {
    return this.header.getByRole('status', { name: 'Network status' })
  }

  /** The page's main heading. */
  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1 })
  }

  /** A section of the page by its heading (Card renders `<section aria-labelledby>`). */
  region(name: string): Locator {
    return this.page.getByRole('region', { name, exact: true })
  }

  /** A labelled number (`<dt>` label, `<dd>` value) anywhere on the page: returns the value. */
  statValue(label: string): Locator {
    return this.page
      .getByRole('term')
      .filter({ hasText: new RegExp(`^\\s*${escapeRegExp(label)}\\s*$`) })
      .locator('xpath=following-sibling::dd[1]')
  }

  /** A table by its caption. */
  table(name: string): Locator {
    return this.page.getByRole('table', { name, exact: true })
  }
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
