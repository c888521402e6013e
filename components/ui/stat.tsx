import type { ReactNode } from 'react'

/** One labelled number of a <StatGrid> (a description list: label = <dt>, value = <dd>). */
export function Stat({
  label,
  value,
  detail,
  tone = 'default',
}: {
  label: string
  value: ReactNode
  detail?: ReactNode
  tone?: 'default' | 'warning' | 'danger' | 'good'
}) {
  const toneClass = {
    default: 'border-slate-200 bg-white',
    good: 'border-emerald-300 bg-emerald-50',
    warning: 'border-amber-400 bg-amber-50',
    danger: 'border-red-400 bg-red-50',
  }[tone]
  return (
    <div className={`flex flex-col rounded-lg border px-4 py-3 shadow-sm ${toneClass}`}>
      <dt className="text-sm font-medium text-slate-600">{label}</dt>
      <dd className="mt-1 text-xl font-semibold text-slate-900 tabular">{value}</dd>
      {detail ? <dd className="mt-0.5 text-sm text-slate-600">{detail}</dd> : null}
    </div>
  )
}

export function StatGrid({ children, label }: { children: ReactNode; label: string }) {
  return (
    <dl aria-label={label} className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
      {children}
    </dl>
  )
}
