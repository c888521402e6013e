import type { Random } from './random'
import type { Distribution } from './scenario'

/** One draw of `d` (never below 0). */
export function sample(d: Distribution, random: Random): number {
  switch (d.kind) {
    case 'fixed':
      return d.value
    case 'uniform':
      return d.min + (d.max - d.min) * random.next()
    case 'lognormal':
      return d.sigma === 0 ? d.median : d.median * Math.exp(d.sigma * random.normal())
  }
}

/** The mean of `d` (for summaries and expected throughput). */
export function mean(d: Distribution): number {
  switch (d.kind) {
    case 'fixed':
      return d.value
    case 'uniform':
      return (d.min + d.max) / 2
    case 'lognormal':
      return d.median * Math.exp((d.sigma * d.sigma) / 2)
  }
}
