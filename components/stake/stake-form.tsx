'use client'

import { type FormEvent, useState } from 'react'
import { type Address, formatUnits } from 'viem'
import { PerGas } from '@/components/ui/per-gas'
import { formatInteger } from '@/lib/format/decimal'
import { perGasInputText } from '@/lib/format/per-gas-input'
import { formatDuration } from '@/lib/format/time'
import { formatTko } from '@/lib/format/units'
import {
  effectiveRewardPerGas,
  expectedBlocksPerDay,
  expectedRewardPerDay,
  minStakeUnits,
  type PoolView,
  previewStake,
  rewardPerGasRange,
  stakeUnits,
} from '@/lib/pool-math'
import { describeContractError } from '@/lib/wallet/error-messages'
import type { Demand } from './demand'
import { buttonClass, Field } from './field'
import { formatBlocksPerDay, formatOdds, formatRawWeight, formatReward, formatWeight } from './format'
import { useDecimalMark } from './use-decimal-mark'
import { validateCapacity, validateRewardPerGas, validateStakeAmount } from './validation'

/** Stands in for the prover in the preview until a wallet is connected (never in the pool). */
const PREVIEW_ADDRESS: Address = '0x00000000000000000000000000000000000Cafe1'

type Touched = { amount: boolean; reward: boolean; capacity: boolean }

/** Sends the stake (the wallet layer's `useStakeActions().stake`). */
export type SendStake = (amount: bigint, rewardPerGas: bigint, capacity: bigint) => Promise<unknown>

/**
 * The stake form: amount (TKO), reward per gas R (gwei per gas) and capacity (blocks), checked
 * before anything is signed, with a live preview computed by lib/pool-math (`previewStake`). It needs
 * no wallet code: the wallet layer, loaded when wanted (stake-app.tsx), hands it the account, the
 * balance and `send`; until then a submit asks to connect.
 */
export function StakeForm({
  pool,
  address,
  balance,
  demand,
  send,
  connect,
  blocked,
  rejoining,
}: {
  pool: PoolView
  address: Address | undefined
  /** TKO balance; `undefined` while not connected. */
  balance: bigint | undefined
  demand: Demand | null
  /** `undefined` until the wallet layer has loaded. */
  send: SendStake | undefined
  /** Opens the wallet's connect dialog (loading the wallet layer first if need be). */
  connect: () => void
  /** Why nothing can be sent now (wrong network, an action in flight), or `null`. */
  blocked: string | null
  /** The account has a queued exit (stakes again, separately). */
  rejoining: boolean
}) {
  const [amount, setAmount] = useState('')
  const mark = useDecimalMark()
  const [reward, setReward] = useState(() => perGasInputText(pool.feePerGas))
  const [capacity, setCapacity] = useState(() => (pool.minCapacity > 4n ? pool.minCapacity : 4n).toString())
  const [touched, setTouched] = useState<Touched>({ amount: false, reward: false, capacity: false })
  const [submitted, setSubmitted] = useState(false)

  const range = rewardPerGasRange({ feePerGas: pool.feePerGas }, pool.config)
  const checks = {
    amount: validateStakeAmount(amount, { minStake: pool.minStake, balance }, mark),
    reward: validateRewardPerGas(reward, { ...range, feePerGas: pool.feePerGas }, mark),
    capacity: validateCapacity(capacity, { min: pool.minCapacity }),
  }
  const texts = { amount, reward, capacity }
  const errorOf = (field: keyof Touched) => {
    const check = checks[field]
    if (check.ok) return null
    // Live while typing; an empty field only complains once left or on submit.
    return texts[field].trim() !== '' || touched[field] || submitted ? check.error : null
  }

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    setSubmitted(true)
    const firstInvalid = (['amount', 'reward', 'capacity'] as const).find((field) => !checks[field].ok)
    if (firstInvalid) {
      document.getElementById(`stake-${firstInvalid}`)?.focus()
      return
    }
    if (!address || !send) {
      connect()
      return
    }
    if (blocked || !checks.amount.ok || !checks.reward.ok || !checks.capacity.ok) return
    const result = await send(checks.amount.value, checks.reward.value, checks.capacity.value)
    if (result === 'confirmed') {
      setAmount('')
      setSubmitted(false)
      setTouched((t) => ({ ...t, amount: false }))
    }
  }

  const min = minStakeUnits({ minStake: pool.minStake })
  return (
    <form onSubmit={onSubmit} noValidate aria-describedby="stake-form-rules" className="space-y-4">
      <p id="stake-form-rules" className="text-sm text-slate-700">
        {rejoining
          ? 'You have an exit queued; a new stake is separate from it. '
          : 'Join the active list with a stake, the reward you ask per gas and how many blocks you can hold. '}
        Now: minimum stake {formatInteger(min)} TKO (whole TKO count), capacity at least{' '}
        {pool.minCapacity.toString()}, reward per gas {formatReward(range.min)} – {formatReward(range.max)}.
      </p>
      <div className="grid gap-4 md:grid-cols-3">
        <Field
          id="stake-amount"
          label="Stake amount"
          value={amount}
          onChange={setAmount}
          onBlur={() => setTouched((t) => ({ ...t, amount: true }))}
          placeholder={`${formatInteger(min)}`}
          error={errorOf('amount')}
          hint={
            <>
              In TKO, up to 18 decimals.{' '}
              {balance !== undefined
                ? `Balance: ${formatTko(balance, { maxFractionDigits: 4 })}.`
                : 'Connect to see your balance.'}
            </>
          }
          addon={
            <button
              type="button"
              className={buttonClass.secondary}
              disabled={balance === undefined}
              onClick={() => {
                if (balance === undefined) return
                setAmount(formatUnits(balance, 18))
                setTouched((t) => ({ ...t, amount: true }))
                document.getElementById('stake-amount')?.focus()
              }}
            >
              Max
            </button>
          }
        />
        <Field
          id="stake-reward"
          label="Reward per gas"
          value={reward}
          onChange={setReward}
          onBlur={() => setTouched((t) => ({ ...t, reward: true }))}
          error={errorOf('reward')}
          hint={
            <>
              In gwei of TKO per gas, up to 9 decimals. The fee F is{' '}
              <PerGas value={pool.feePerGas} maxFractionDigits={9} />, and R may be {formatReward(range.min)}{' '}
              – {formatReward(range.max)}.
            </>
          }
          addon={
            <button
              type="button"
              className={buttonClass.secondary}
              onClick={() => setReward(perGasInputText(pool.feePerGas, mark))}
            >
              Use F
            </button>
          }
        />
        <Field
          id="stake-capacity"
          label="Capacity"
          inputMode="numeric"
          value={capacity}
          onChange={setCapacity}
          onBlur={() => setTouched((t) => ({ ...t, capacity: true }))}
          error={errorOf('capacity')}
          hint={`Unproven blocks you can hold at once: ${pool.minCapacity}–255.`}
        />
      </div>

      <StakePreview
        pool={pool}
        address={address ?? PREVIEW_ADDRESS}
        amount={checks.amount.ok ? checks.amount.value : null}
        rewardPerGas={checks.reward.ok ? checks.reward.value : null}
        capacity={checks.capacity.ok ? checks.capacity.value : null}
        demand={demand}
      />

      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className={buttonClass.primary} disabled={blocked !== null}>
          Stake
        </button>
        <span className="text-sm text-slate-700">
          {blocked ??
            (address
              ? 'One transaction: you sign a TKO permit (no gas), then confirm the stake.'
              : 'Connect a wallet to stake.')}
        </span>
      </div>
    </form>
  )
}

function StakePreview({
  pool,
  address,
  amount,
  rewardPerGas,
  capacity,
  demand,
}: {
  pool: PoolView
  address: Address
  amount: bigint | null
  rewardPerGas: bigint | null
  capacity: bigint | null
  demand: Demand | null
}) {
  if (amount === null || rewardPerGas === null || capacity === null) {
    return (
      <section
        aria-labelledby="stake-preview-title"
        className="rounded-md border border-dashed border-slate-300 p-3"
      >
        <h3 id="stake-preview-title" className="text-sm font-semibold text-slate-900">
          Preview
        </h3>
        <p className="mt-1 text-sm text-slate-600">Fill in valid values to see your weight, odds and rank.</p>
      </section>
    )
  }
  const preview = previewStake({ pool, prover: address, amount, rewardPerGas, capacity })
  const active = pool.provers.filter((p) => p.slot > 0n).length
  const free = Number(pool.config.maxActiveProvers) - active
  const pay = effectiveRewardPerGas({ rewardPerGas, feePerGas: pool.feePerGas }, pool.config)
  let outcome: string
  if (preview.joins && preview.evicts) {
    outcome = `Enters the active list and evicts ${preview.evicts}, the lowest weight.`
  } else if (preview.joins) {
    outcome = free > 0 ? 'Enters the active list in a free slot.' : 'Adds to your active stake.'
  } else if (preview.error?.name === 'ProverPoolWeightTooLow') {
    outcome = `Does not enter: your weight ${formatRawWeight(preview.weight)} falls short of the lowest active weight ${formatRawWeight(preview.error.args[1])} by ${formatRawWeight(preview.shortfall)}.${
      preview.requiredStake !== null
        ? ` Stake at least ${formatInteger(stakeUnits({ stake: preview.requiredStake }))} TKO with this reward and capacity, or ask less reward.`
        : ' Ask less reward per gas.'
    }`
  } else {
    outcome = `Would be refused: ${preview.error ? describeContractError(preview.error.name, preview.error.args, { now: pool.chainTimestamp }) : 'unknown reason'}`
  }
  const joined = preview.joins
  const perDay =
    demand && joined
      ? {
          blocks: expectedBlocksPerDay({
            probability: preview.probability,
            blocksPerDay: demand.blocksPerDay,
          }),
          reward: expectedRewardPerDay(
            {
              probability: preview.probability,
              blocksPerDay: demand.blocksPerDay,
              rewardPerGas,
              feePerGas: pool.feePerGas,
              gasUsed: demand.gasUsed,
            },
            pool.config,
          ),
        }
      : null
  return (
    <section
      aria-labelledby="stake-preview-title"
      className={`rounded-md border p-3 ${joined ? 'border-emerald-300 bg-emerald-50' : 'border-amber-400 bg-amber-50'}`}
    >
      <h3 id="stake-preview-title" className="text-sm font-semibold text-slate-900">
        Preview
      </h3>
      <p className="mt-1 text-sm font-medium text-slate-900">{outcome}</p>
      <dl className="mt-2 grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-2 lg:grid-cols-3">
        <PreviewItem
          label="Counts as"
          value={`${formatInteger(stakeUnits({ stake: amount }))} TKO (whole TKO)`}
        />
        <PreviewItem
          label="Weight"
          value={`${formatWeight(preview.weight)} (${formatRawWeight(preview.weight)})`}
        />
        <PreviewItem label="Selection probability" value={formatOdds(preview.probability)} />
        <PreviewItem
          label="Rank"
          value={
            joined
              ? `${preview.rank} of ${preview.evicts || free <= 0 ? active : active + 1}`
              : `would be ${preview.rank}`
          }
        />
        <PreviewItem label="Paid per gas when picked" value={formatReward(pay)} />
        <PreviewItem
          label="Expected per day"
          value={
            perDay
              ? `${formatBlocksPerDay(perDay.blocks)} blocks, ${formatTko(perDay.reward, { maxFractionDigits: 4 })}`
              : joined
                ? '0 blocks (no recent demand)'
                : '0 blocks (not active)'
          }
        />
      </dl>
      <p className="mt-2 text-xs text-slate-600">
        {demand
          ? `Demand: about ${formatBlocksPerDay(demand.blocksPerDay)} blocks a day, from the last ${demand.sample} proposals over ${formatDuration(demand.spanSeconds)} (average ${formatInteger(demand.gasUsed)} gas). Rewards before performance bonuses, at today's F.`
          : 'Demand: no block has been proposed recently, so the expected number of blocks per day is 0 at current demand.'}
      </p>
    </section>
  )
}

function PreviewItem({ label, value }: { label: string; value: string }) {
  return (
    <div className="flex flex-wrap gap-x-2">
      <dt className="text-slate-600">{label}</dt>
      <dd className="font-medium text-slate-900 tabular">{value}</dd>
    </div>
  )
}
