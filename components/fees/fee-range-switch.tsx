import { IntentLink } from '@/components/ui/intent-link'
import { type FeeRange, feeRanges } from './fee-history-data'

/** The time-range switch of the fee history: links (?range=), so a range is shareable. */
export function FeeRangeSwitch({ current, path }: { current: FeeRange; path: string }) {
  return (
    <nav aria-label="Fee history range">
      <ul className="flex flex-wrap gap-1">
        {feeRanges.map((r) => {
          const active = r.id === current
          return (
            <li key={r.id}>
              <IntentLink
                href={`${path}?range=${r.id}`}
                scroll={false}
                aria-current={active ? 'true' : undefined}
                className={`block rounded-md border px-2.5 py-1 text-sm no-underline hover:no-underline ${
                  active
                    ? 'border-slate-900 bg-slate-900 text-white'
                    : 'border-slate-300 bg-white text-slate-800 hover:bg-slate-100'
                }`}
              >
                {r.label}
              </IntentLink>
            </li>
          )
        })}
      </ul>
    </nav>
  )
}
