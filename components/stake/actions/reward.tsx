'use client'
import type { FormEvent } from 'react'
import { perGasInputText } from '@/lib/format/per-gas-input'
import { formatTko } from '@/lib/format/units'
import { expectedRewardPerDay, previewChange, rewardPerGasRange } from '@/lib/pool-math'
import { buttonClass, Field } from '../field'
import { formatReward } from '../format'
import { cooldownEnd } from '../previews'
import { useDecimalMark } from '../use-decimal-mark'
import { validateRewardPerGas } from '../validation'
import { ActionBox, type ActionProps, ChangePreview, CooldownNote, Note, useActionForm } from './shared'

export function RewardAction({ pool, address, staker, demand, actions, blocked, standing }: ActionProps) {
  const mark = useDecimalMark()
  const form = useActionForm(perGasInputText(staker.rewardPerGas))
  const range = rewardPerGasRange({ feePerGas: pool.feePerGas }, pool.config)
  const check = validateRewardPerGas(form.text, { ...range, feePerGas: pool.feePerGas }, mark)
  const end = cooldownEnd(pool, address, 'reward', {
    rewardPerGas: staker.rewardPerGas,
    capacity: staker.maxCapacity,
  })
  const error = !check.ok && (form.text.trim() !== '' || form.submitted) ? check.error : null
  const preview =
    check.ok && end === null ? previewChange({ pool, prover: address, rewardPerGas: check.value }) : null
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    form.setSubmitted(true)
    if (!check.ok) {
      document.getElementById('new-reward')?.focus()
      return
    }
    if (blocked || end !== null) return
    await actions.changeRewardPerGas(check.value)
  }
  const perDay =
    preview && !preview.error && demand
      ? expectedRewardPerDay(
          {
            probability: preview.probability,
            blocksPerDay: demand.blocksPerDay,
            rewardPerGas: check.ok ? check.value : 0n,
            feePerGas: pool.feePerGas,
            gasUsed: demand.gasUsed,
          },
          pool.config,
        )
      : null
  return (
    <ActionBox id="reward" title="Update reward per gas">
      <form onSubmit={onSubmit} noValidate className="space-y-3">
        <Field
          id="new-reward"
          label="New reward per gas"
          inputMode="decimal"
          value={form.text}
          onChange={form.setText}
          error={error}
          hint={`In gwei of TKO per gas, ${formatReward(range.min)} – ${formatReward(range.max)}. Now ${formatReward(staker.rewardPerGas)}.`}
        />
        <CooldownNote end={end} now={pool.chainTimestamp} cooldown={pool.config.rewardChangeCooldown} />
        <ChangePreview preview={preview} standing={standing} now={pool.chainTimestamp}>
          {perDay !== null ? (
            <Note>
              Expected rewards afterwards: {formatTko(perDay, { maxFractionDigits: 4 })} a day at current
              demand.
            </Note>
          ) : null}
        </ChangePreview>
        <button type="submit" className={buttonClass.primary} disabled={blocked !== null || end !== null}>
          Update reward per gas
        </button>
      </form>
    </ActionBox>
  )
}
