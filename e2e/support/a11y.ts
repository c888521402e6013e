import AxeBuilder from '@axe-core/playwright'
import { expect, type Page } from '@playwright/test'

export type A11yCheckOptions = {
  /** CSS selectors to check (default: the whole page). */
  include?: string[]
  /** CSS selectors to leave out (e.g. a third-party widget). */
  exclude?: string[]
  /** axe rule ids to skip, each with a reason in the calling test. */
  disableRules?: string[]
}

/**
 * @axe-core/playwright is typed against its own copy of playwright-core (another minor version than
 * @playwright/test's); at runtime it only calls the public Page API, so the page is passed as its type.
 */
type AxePage = ConstructorParameters<typeof AxeBuilder>[0]['page']

/** WCAG 2.1 A and AA, the level the dashboard promises. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

/**
 * Runs axe on the page as it is now and fails on every `serious` or `critical` violation, listing
 * each rule with the elements that break it. Minor and moderate findings are not failures.
 */
export async function expectNoSeriousA11yViolations(
  page: Page,
  options: A11yCheckOptions = {},
): Promise<void> {
  let builder = new AxeBuilder({ page: page as unknown as AxePage }).withTags(WCAG_TAGS)
  for (const selector of options.include ?? []) builder = builder.include(selector)
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector)
  if (options.disableRules?.length) builder = builder.disableRules(options.disableRules)
  const { violations } = await builder.analyze()
  const serious = violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact,
      help: violation.help,
      elements: violation.nodes.map((node) => node.target.join(' ')),
    }))
  expect(serious, `serious accessibility violations on ${page.url()}`).toEqual([])
}
