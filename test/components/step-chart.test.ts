import fc from 'fast-check'
import { createElement } from 'react'
import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { domainOf, fraction, niceAxis, pointAt, stepPath, timeTicks, VIEW } from '@/components/charts/scale'
import { FeeHistoryPlot } from '@/components/fees/fee-history-plot'
import { StakeHistoryPlot } from '@/components/prover/stake-history-plot'

describe('chart scale', () => {
  it('widens a flat or empty domain so a line sits inside the frame', () => {
    expect(domainOf([])).toEqual([0, 1])
    expect(domainOf([2, 2])).toEqual([1.9, 2.1])
    expect(domainOf([0, 0])).toEqual([-1, 1])
    expect(domainOf([5, 5], { floor: 0 })).toEqual([0, 5])
    expect(domainOf([0], { floor: 0 })).toEqual([0, 1])
    expect(domainOf([3, Number.NaN, 7])).toEqual([3, 7])
  })

  it('gives round ticks that cover the data, without float drift', () => {
    expect(niceAxis([0.3, 0.95], 4)).toEqual({ domain: [0.2, 1], ticks: [0.2, 0.4, 0.6, 0.8, 1] })
    expect(niceAxis([0, 10_000], 4).ticks).toEqual([0, 2_000, 4_000, 6_000, 8_000, 10_000])
    expect(niceAxis([0, 9_000], 4).ticks).toEqual([0, 2_000, 4_000, 6_000, 8_000, 10_000])
    expect(niceAxis([0, 2_000], 4).ticks).toEqual([0, 500, 1_000, 1_500, 2_000])
    fc.assert(
      fc.property(
        // Chart values, not subnormals (their quotient by the step underflows to -0).
        fc.double({ min: -1e9, max: 1e9, noNaN: true }).filter((v) => v === 0 || Math.abs(v) > 1e-12),
        fc.double({ min: 1e-6, max: 1e9, noNaN: true }),
        (min, span) => {
          const { domain, ticks } = niceAxis([min, min + span], 5)
          expect(domain[0]).toBeLessThanOrEqual(min)
          expect(domain[1]).toBeGreaterThanOrEqual(min + span * (1 - 1e-9))
          expect(ticks.length).toBeGreaterThanOrEqual(2)
          expect(ticks.length).toBeLessThanOrEqual(12)
          for (const t of ticks) expect(String(t).length).toBeLessThan(24)
        },
      ),
    )
  })

  it('puts time ticks on whole minutes, hours or days inside the range', () => {
    expect(timeTicks([1_000, 1_300], 5)).toEqual([1_020, 1_080, 1_140, 1_200, 1_260])
    const day = timeTicks([0, 7 * 86_400], 5)
    expect(day.every((t) => t % 86_400 === 0)).toBe(true)
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2e9 }), fc.integer({ min: 1, max: 1e8 }), (from, span) => {
        const ticks = timeTicks([from, from + span], 5)
        expect(ticks.length).toBeLessThanOrEqual(6)
        for (const t of ticks) {
          expect(t).toBeGreaterThanOrEqual(from)
          expect(t).toBeLessThanOrEqual(from + span)
        }
      }),
    )
  })

  it('draws a step line that holds each value until the next x, and closes an area on the floor', () => {
    expect(stepPath([0, 5, 10], [0, 10, 5], [0, 10], [0, 10])).toBe('M0 1000H500V0H1000V500')
    expect(stepPath([0, 10], [5, 5], [0, 10], [0, 10], { area: true })).toBe('M0 500H1000V500V1000H0Z')
    expect(stepPath([], [], [0, 1], [0, 1])).toBe('')
    expect(fraction(3, [3, 3])).toBe(0.5)
    expect(VIEW).toBe(1_000)
  })

  it('finds the point a reader points at: the last one at or before it', () => {
    const xs = [10, 20, 30]
    expect(pointAt(xs, 5)).toBe(0)
    expect(pointAt(xs, 10)).toBe(0)
    expect(pointAt(xs, 29.9)).toBe(1)
    expect(pointAt(xs, 99)).toBe(2)
    expect(pointAt([], 1)).toBe(-1)
  })
})

describe('the step charts render on the server', () => {
  it('sends the fee line, its axes and its description in the HTML', () => {
    const html = renderToString(
      createElement(FeeHistoryPlot, {
        data: [
          { t: 1_700_000_000, gwei: 1 },
          { t: 1_700_000_600, gwei: 1.5 },
          { t: 1_700_001_200, gwei: 1.25 },
        ],
      }),
    )
    expect(html).toContain('data-series="Fee per gas"')
    expect(html).toContain('<path d="M0 1000H500V0H1000V500"')
    expect(html).toContain('role="slider" aria-label="Fee per gas over time, in gwei of TKO per gas"')
    // The keyboard's reading starts at the newest point.
    expect(html).toContain('aria-valuetext="2023-11-14 22:33:20 UTC: Fee per gas: 1.25 gwei"')
    expect(html).toContain('>1.4<') // a gwei tick
    expect(html).toContain('>22:15:00<') // a time tick (UTC) of the 20-minute span
  })

  it('draws stake as an area on its own axis and health on a 0–100 % axis, with a legend', () => {
    const html = renderToString(
      createElement(StakeHistoryPlot, {
        data: [
          { block: 10, stake: 1_000, health: 100 },
          { block: 14, stake: 900, health: 90 },
        ],
      }),
    )
    expect(html).toContain('data-series="Stake"')
    expect(html).toContain('data-series="Health"')
    expect(html).toMatch(/V1000H0Z/) // the stake area closes on the floor
    expect(html).toContain('>100%<')
    expect(html).toContain('>#12<')
    expect(html).toMatch(/<li[^>]*>.*Health<\/li>/)
  })
})
