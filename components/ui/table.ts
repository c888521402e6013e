/** Shared table classes: one look for every data table. */
export const table = {
  wrapper: 'overflow-x-auto',
  table: 'min-w-full border-collapse text-sm text-slate-900',
  caption: 'sr-only',
  th: 'whitespace-nowrap border-b border-slate-300 bg-slate-50 px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-700',
  thNumeric:
    'whitespace-nowrap border-b border-slate-300 bg-slate-50 px-3 py-2 text-right text-xs font-semibold uppercase tracking-wide text-slate-700',
  tr: 'border-b border-slate-100 last:border-0 hover:bg-slate-50',
  td: 'whitespace-nowrap px-3 py-2',
  tdNumeric: 'whitespace-nowrap px-3 py-2 text-right tabular',
} as const
