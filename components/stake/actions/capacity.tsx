'use client'

import type { FormEvent } from 'react'
import { previewChange } from '@/lib/pool-math'
import { buttonClass, Field } from '../field'
import { cooldownEnd } from '../previews'
import { validateCapacity } from '../validation'
import { ActionBox, type ActionProps, ChangePreview, CooldownNote, useActionForm } from './shared'

export function CapacityAction({ pool, address, staker, actions, blocked, standing }: ActionProps) {
  const form = useActionForm(staker.maxCapacity.toString())
  const check = validateCapacity(form.text, { min: pool.minCapacity, allowZero: true })
  // Capacity 0 is accepted at once, cooldown or not: a prover can always stop taking new blocks.
  const stopping = check.ok && check.value === 0n
  const cooldown = cooldownEnd(pool, address, 'capacity', {
    rewardPerGas: staker.rewardPerGas,
    capacity: staker.maxCapacity,
  })
  const end = stopping ? null : cooldown
  const error = !check.ok && (form.text.trim() !== '' || form.submitted) ? check.error : null
  const preview =
    check.ok && end === null ? previewChange({ pool, prover: address, capacity: check.value }) : null
  const outstanding = staker.maxCapacity - staker.currentCapacity
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    form.setSubmitted(true)
    if (!check.ok) {
      document.getElementById('new-capacity')?.focus()
      return
    }
    if (blocked || end !== null) return
    await actions.changeCapacity(check.value)
  }
  return (
    <ActionBox id="capacity" title="Update capacity">
      <form onSubmit={onSubmit} noValidate className="space-y-3">
        <Field
          id="new-capacity"
          label="New capacity"
          inputMode="numeric"
          value={form.text}
          onChange={form.setText}
          error={error}
          hint={`Whole blocks, ${pool.minCapacity}–255, or 0 to stop taking new blocks at once (even during the cooldown). Now ${staker.currentCapacity} free of ${staker.maxCapacity}; ${outstanding} of your blocks are unproven and stay counted.`}
        />
        {stopping ? (
          <p className="text-sm text-amber-900">
            With capacity 0 you get no new blocks and weigh 0, so any newcomer can take your slot. Raising it
            again waits for the cooldown.
          </p>
        ) : null}
        <CooldownNote
          end={stopping ? null : cooldown}
          now={pool.chainTimestamp}
          cooldown={pool.config.rewardChangeCooldown}
        />
        <ChangePreview preview={preview} standing={standing} now={pool.chainTimestamp} />
        <button type="submit" className={buttonClass.primary} disabled={blocked !== null || end !== null}>
          Update capacity
        </button>
      </form>
    </ActionBox>
  )
}
