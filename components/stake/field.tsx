import type { ReactNode } from 'react'

export const buttonClass = {
  primary:
    'inline-flex items-center justify-center rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-800 disabled:cursor-not-allowed disabled:bg-slate-300 disabled:text-slate-700',
  secondary:
    'inline-flex items-center justify-center rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100 disabled:cursor-not-allowed disabled:text-slate-500 disabled:hover:bg-white',
} as const

/**
 * A labelled text input with its hint and its error, both tied to it with `aria-describedby` (the error
 * first, so a screen reader says what is wrong before the reminder of the unit).
 */
export function Field({
  id,
  label,
  value,
  onChange,
  onBlur,
  hint,
  error,
  inputMode = 'decimal',
  addon,
  placeholder,
  disabled,
}: {
  id: string
  label: string
  value: string
  onChange: (value: string) => void
  onBlur?: () => void
  hint?: ReactNode
  /** Shown (and `aria-invalid`) when set. */
  error?: string | null | undefined
  inputMode?: 'decimal' | 'numeric'
  /** Beside the input (a "Max" button, a unit). */
  addon?: ReactNode
  placeholder?: string
  disabled?: boolean
}) {
  const hintId = `${id}-hint`
  const errorId = `${id}-error`
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <div className="mt-1 flex flex-wrap items-center gap-2">
        <input
          id={id}
          name={id}
          type="text"
          inputMode={inputMode}
          autoComplete="off"
          spellCheck={false}
          value={value}
          placeholder={placeholder}
          disabled={disabled}
          onChange={(e) => onChange(e.target.value)}
          onBlur={onBlur}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          className={`w-56 max-w-full rounded-md border bg-white px-3 py-1.5 text-slate-900 tabular disabled:bg-slate-100 ${
            error ? 'border-red-600' : 'border-slate-400'
          }`}
        />
        {addon}
      </div>
      {error ? (
        <p id={errorId} className="mt-1 text-sm font-medium text-red-800">
          {error}
        </p>
      ) : null}
      {hint ? (
        <p id={hintId} className="mt-1 text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
    </div>
  )
}
