'use client'

import type { FormEvent } from 'react'
import { formatUnits } from 'viem'
import { previewChange } from '@/lib/pool-math'
import { buttonClass, Field } from '../field'
import { useDecimalMark } from '../use-decimal-mark'
import { validateTopUpAmount } from '../validation'
import { ActionBox, type ActionProps, ChangePreview, useActionForm } from './shared'

export function TopUpAction({ pool, address, staker, balance, actions, blocked, standing }: ActionProps) {
  const form = useActionForm('')
  const mark = useDecimalMark()
  const check = validateTopUpAmount(form.text, { balance }, mark)
  const error = !check.ok && (form.text.trim() !== '' || form.submitted) ? check.error : null
  const preview = check.ok ? previewChange({ pool, prover: address, topUp: check.value }) : null
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    form.setSubmitted(true)
    if (!check.ok) {
      document.getElementById('topup-amount')?.focus()
      return
    }
    if (blocked) return
    const result = await actions.topUp(check.value, {
      rewardPerGas: staker.rewardPerGas,
      capacity: staker.maxCapacity,
    })
    if (result === 'confirmed') {
      form.setText('')
      form.setSubmitted(false)
    }
  }
  return (
    <ActionBox id="topup" title="Top up">
      <form onSubmit={onSubmit} noValidate className="space-y-3">
        <Field
          id="topup-amount"
          label="Top-up amount"
          value={form.text}
          onChange={form.setText}
          error={error}
          hint="In TKO. Adds to your stake with your current reward per gas and capacity; no minimum."
          addon={
            <button
              type="button"
              aria-label="Max top-up"
              className={buttonClass.secondary}
              disabled={balance === undefined}
              onClick={() => balance !== undefined && form.setText(formatUnits(balance, 18))}
            >
              Max
            </button>
          }
        />
        <ChangePreview preview={preview} standing={standing} now={pool.chainTimestamp} />
        <button type="submit" className={buttonClass.primary} disabled={blocked !== null}>
          Top up
        </button>
      </form>
    </ActionBox>
  )
}
