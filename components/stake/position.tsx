'use client'

import Link from 'next/link'
import { type FormEvent, type ReactNode, useState } from 'react'
import { type Address, formatUnits } from 'viem'
import { Badge } from '@/components/ui/badge'
import { Card } from '@/components/ui/card'
import { Stat, StatGrid } from '@/components/ui/stat'
import { table } from '@/components/ui/table'
import type { BlockRecord } from '@/lib/chain/history/blocks'
import type { Pool } from '@/lib/chain/types'
import { formatInteger } from '@/lib/format/decimal'
import { formatBps } from '@/lib/format/percent'
import { formatClock, formatDuration, formatRelative, formatTimestamp } from '@/lib/format/time'
import { formatTko } from '@/lib/format/units'
import {
  expectedBlocksPerDay,
  expectedRewardPerDay,
  healthBps,
  type PoolView,
  type PreviewStanding,
  previewChange,
  rewardPerGasRange,
  SECONDS_PER_DAY,
  type StakerInfo,
  StakerStatus,
} from '@/lib/pool-math'
import { describeContractError } from '@/lib/wallet/errors'
import { buttonClass, Field } from './field'
import { formatBlocksPerDay, formatOdds, formatRawWeight, formatReward, formatWeight } from './format'
import type { Demand } from './hooks'
import { cooldownEnd, previewExit } from './previews'
import type { StakeActions } from './use-stake-actions'
import { validateCapacity, validateRewardPerGas, validateTopUpAmount } from './validation'

const statusWord: Record<StakerStatus, string> = {
  [StakerStatus.None]: 'not staked',
  [StakerStatus.Active]: 'active',
  [StakerStatus.Exiting]: 'exiting',
  [StakerStatus.Evicted]: 'evicted',
}
const statusTone = {
  [StakerStatus.None]: 'neutral',
  [StakerStatus.Active]: 'good',
  [StakerStatus.Exiting]: 'warning',
  [StakerStatus.Evicted]: 'danger',
} as const

export type PositionProps = {
  pool: Pool
  view: PoolView
  address: Address
  staker: StakerInfo
  /** TKO balance of the account. */
  balance: bigint | undefined
  /** Every block the page knows (unproven ones always among them). */
  blocks: readonly BlockRecord[]
  /** Who evicted this account, when the page saw the `Evicted` event. */
  evictedBy: Address | null
  demand: Demand | null
  actions: StakeActions
  blocked: string | null
}

/** The connected account's position and every action on it, each with its preview. */
export function Position(props: PositionProps) {
  const { pool, view, address, staker, blocks, evictedBy } = props
  const now = pool.timestamp
  const active = staker.status === StakerStatus.Active
  const standing = active ? previewChange({ pool: view, prover: address }).before : null
  const activeCount = view.provers.filter((p) => p.slot > 0n).length
  const mine = blocks
    .filter((b) => b.proof === null && b.assignedProver?.toLowerCase() === address.toLowerCase())
    .sort((a, b) => (a.proofDeadline < b.proofDeadline ? -1 : 1))
  const health = healthBps({ deposited: staker.deposited, slashed: staker.slashed })
  const status = staker.status as StakerStatus
  const perDay =
    standing && props.demand
      ? {
          blocks: expectedBlocksPerDay({
            probability: standing.probability,
            blocksPerDay: props.demand.blocksPerDay,
          }),
          reward: expectedRewardPerDay(
            {
              probability: standing.probability,
              blocksPerDay: props.demand.blocksPerDay,
              rewardPerGas: staker.rewardPerGas,
              feePerGas: pool.feePerGas,
              gasUsed: props.demand.gasUsed,
            },
            pool.config,
          ),
        }
      : null

  return (
    <Card
      id="position"
      title="Your position"
      description={
        <>
          From the chain at block #{formatInteger(pool.blockNumber)}. Full history on{' '}
          <Link href={`/provers/${address}`} className="underline">
            your prover page
          </Link>
          .
        </>
      }
      actions={<Badge tone={statusTone[status]}>{statusWord[status]}</Badge>}
    >
      <div className="space-y-5">
        {status === StakerStatus.Evicted ? (
          <div
            role="status"
            className="rounded-lg border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-950"
          >
            <p className="font-semibold">You were evicted from the active list</p>
            <p className="mt-1">
              A stake with more weight took your slot{evictedBy ? ` (${evictedBy})` : ''}. Your{' '}
              {formatTko(staker.exitAmount, { maxFractionDigits: 4 })} are queued and can be withdrawn{' '}
              {staker.exitUnlocksAt > now ? formatRelative(staker.exitUnlocksAt, now) : 'now'}. Stake again
              with more weight to rejoin.
            </p>
          </div>
        ) : null}

        <StatGrid label="Your position">
          <Stat
            label="Stake"
            value={formatTko(staker.stake, { maxFractionDigits: 4 })}
            detail={active ? 'active, slashable' : 'not in the active list'}
          />
          <Stat
            label="Reward per gas"
            value={active ? `${formatInteger(staker.rewardPerGas)} wei/gas` : '—'}
            detail={`F is ${formatInteger(pool.feePerGas)} wei/gas`}
          />
          <Stat
            label="Capacity"
            value={active ? `${staker.currentCapacity} / ${staker.maxCapacity}` : '—'}
            detail="free now / stated maximum"
          />
          <Stat
            label="Health"
            value={formatBps(health)}
            tone={health < 10_000n ? 'warning' : 'default'}
            detail={
              staker.slashed > 0n
                ? `${formatTko(staker.slashed, { maxFractionDigits: 4 })} slashed of ${formatTko(staker.deposited, { maxFractionDigits: 0 })} deposited`
                : 'never slashed'
            }
          />
          <Stat
            label="Weight"
            value={standing ? formatWeight(standing.weight) : '0'}
            detail={standing ? formatRawWeight(standing.weight) : 'no weight outside the active list'}
          />
          <Stat
            label="Selection probability"
            value={standing ? formatOdds(standing.probability) : '0 %'}
            detail={standing ? `rank ${standing.rank} of ${activeCount}` : '—'}
          />
          <Stat
            label="Expected per day"
            value={perDay ? `${formatBlocksPerDay(perDay.blocks)} blocks` : '0 blocks'}
            detail={
              perDay
                ? `${formatTko(perDay.reward, { maxFractionDigits: 4 })} at current demand`
                : standing
                  ? 'no recent proposals to estimate demand from'
                  : 'not in the active list'
            }
          />
          <Stat label="Unclaimed rewards" value={formatTko(staker.rewards, { maxFractionDigits: 6 })} />
          <Stat
            label="Queued for exit"
            value={formatTko(staker.exitAmount, { maxFractionDigits: 4 })}
            detail={
              staker.exitAmount > 0n
                ? staker.exitUnlocksAt > now
                  ? `unlocks ${formatRelative(staker.exitUnlocksAt, now)} (${formatTimestamp(staker.exitUnlocksAt)})`
                  : 'unlocked: withdraw it'
                : 'nothing queued'
            }
          />
        </StatGrid>

        <AssignedBlocks blocks={mine} now={now} />

        <div className="grid gap-4 lg:grid-cols-2">
          {active ? <TopUpAction {...props} standing={standing} /> : null}
          {active ? <RewardAction {...props} standing={standing} /> : null}
          {active ? <CapacityAction {...props} standing={standing} /> : null}
          {active ? <ExitAction {...props} standing={standing} /> : null}
          {staker.exitAmount > 0n ? <WithdrawAction {...props} /> : null}
          <ClaimAction {...props} />
        </div>
      </div>
    </Card>
  )
}

function AssignedBlocks({ blocks, now }: { blocks: readonly BlockRecord[]; now: bigint }) {
  return (
    <section aria-labelledby="assigned-title">
      <h3 id="assigned-title" className="text-sm font-semibold text-slate-900">
        Blocks assigned to you
      </h3>
      {blocks.length === 0 ? (
        <p className="mt-1 text-sm text-slate-600">No unproven block is assigned to you.</p>
      ) : (
        <div className={`mt-2 ${table.wrapper}`}>
          <table className={table.table}>
            <caption className={table.caption}>Blocks assigned to you</caption>
            <thead>
              <tr>
                <th scope="col" className={table.th}>
                  Block
                </th>
                <th scope="col" className={table.thNumeric}>
                  Gas used
                </th>
                <th scope="col" className={table.th}>
                  Deadline
                </th>
                <th scope="col" className={table.th}>
                  Time left
                </th>
              </tr>
            </thead>
            <tbody>
              {blocks.map((b) => (
                <tr key={b.blockId.toString()} className={table.tr}>
                  <td className={table.td}>#{b.blockId.toString()}</td>
                  <td className={table.tdNumeric}>{formatInteger(b.gasUsed)}</td>
                  <td className={table.td}>{formatTimestamp(b.proofDeadline)}</td>
                  <td className={table.td}>
                    {b.proofDeadline >= now
                      ? `${formatDuration(b.proofDeadline - now)} left`
                      : `overdue by ${formatDuration(now - b.proofDeadline)}: anyone may prove it now, and you will be slashed`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}

type ActionProps = PositionProps & { standing?: PreviewStanding | null }

function ActionBox({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-title`} className="rounded-md border border-slate-200 p-3">
      <h3 id={`${id}-title`} className="text-sm font-semibold text-slate-900">
        {title}
      </h3>
      <div className="mt-2 space-y-3">{children}</div>
    </section>
  )
}

function StandingChange({ before, after }: { before: PreviewStanding; after: PreviewStanding }) {
  return (
    <dl className="grid grid-cols-1 gap-1 text-sm">
      <div className="flex flex-wrap gap-x-2">
        <dt className="text-slate-600">Weight</dt>
        <dd className="font-medium tabular">
          {formatWeight(before.weight)} → {formatWeight(after.weight)}
        </dd>
      </div>
      <div className="flex flex-wrap gap-x-2">
        <dt className="text-slate-600">Selection probability</dt>
        <dd className="font-medium tabular">
          {formatOdds(before.probability)} → {formatOdds(after.probability)}
        </dd>
      </div>
      <div className="flex flex-wrap gap-x-2">
        <dt className="text-slate-600">Rank</dt>
        <dd className="font-medium tabular">
          {before.rank} → {after.rank}
        </dd>
      </div>
    </dl>
  )
}

function Note({ children }: { children: ReactNode }) {
  return <p className="text-sm text-slate-700">{children}</p>
}

function useActionForm(initial: string) {
  const [text, setText] = useState(initial)
  const [submitted, setSubmitted] = useState(false)
  return { text, setText, submitted, setSubmitted }
}

function TopUpAction({ view, address, staker, balance, actions, blocked, standing }: ActionProps) {
  const form = useActionForm('')
  const check = validateTopUpAmount(form.text, { balance })
  const error = !check.ok && (form.text.trim() !== '' || form.submitted) ? check.error : null
  const preview = check.ok ? previewChange({ pool: view, prover: address, topUp: check.value }) : null
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
        {preview && standing ? (
          preview.error ? (
            <Note>
              {describeContractError(preview.error.name, preview.error.args, { now: view.chainTimestamp })}
            </Note>
          ) : (
            <StandingChange before={preview.before} after={preview} />
          )
        ) : null}
        <button type="submit" className={buttonClass.primary} disabled={blocked !== null}>
          Top up
        </button>
      </form>
    </ActionBox>
  )
}

function CooldownNote({ end, now, cooldown }: { end: bigint | null; now: bigint; cooldown: bigint }) {
  if (end === null) return <Note>Possible now; afterwards once every {formatDuration(cooldown)}.</Note>
  return (
    <Note>
      <strong>Cooldown:</strong> you can change it again in {formatDuration(end - now)} (at {formatClock(end)}{' '}
      UTC).
    </Note>
  )
}

function RewardAction({ pool, view, address, staker, demand, actions, blocked, standing }: ActionProps) {
  const form = useActionForm(staker.rewardPerGas.toString())
  const range = rewardPerGasRange({ feePerGas: pool.feePerGas }, pool.config)
  const check = validateRewardPerGas(form.text, { ...range, feePerGas: pool.feePerGas })
  const end = cooldownEnd(view, address, 'reward', {
    rewardPerGas: staker.rewardPerGas,
    capacity: staker.maxCapacity,
  })
  const error = !check.ok && (form.text.trim() !== '' || form.submitted) ? check.error : null
  const preview =
    check.ok && end === null
      ? previewChange({ pool: view, prover: address, rewardPerGas: check.value })
      : null
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
          inputMode="numeric"
          value={form.text}
          onChange={form.setText}
          error={error}
          hint={`Whole wei per gas, ${formatInteger(range.min)}–${formatInteger(range.max)}. Now ${formatReward(staker.rewardPerGas)}.`}
        />
        <CooldownNote end={end} now={pool.timestamp} cooldown={pool.config.rewardChangeCooldown} />
        {preview && standing ? (
          preview.error ? (
            <Note>
              {describeContractError(preview.error.name, preview.error.args, { now: view.chainTimestamp })}
            </Note>
          ) : (
            <>
              <StandingChange before={preview.before} after={preview} />
              {perDay !== null ? (
                <Note>
                  Expected rewards afterwards: {formatTko(perDay, { maxFractionDigits: 4 })} a day at current
                  demand.
                </Note>
              ) : null}
            </>
          )
        ) : null}
        <button type="submit" className={buttonClass.primary} disabled={blocked !== null || end !== null}>
          Update reward per gas
        </button>
      </form>
    </ActionBox>
  )
}

function CapacityAction({ pool, view, address, staker, actions, blocked, standing }: ActionProps) {
  const form = useActionForm(staker.maxCapacity.toString())
  const check = validateCapacity(form.text, { min: pool.minCapacity })
  const end = cooldownEnd(view, address, 'capacity', {
    rewardPerGas: staker.rewardPerGas,
    capacity: staker.maxCapacity,
  })
  const error = !check.ok && (form.text.trim() !== '' || form.submitted) ? check.error : null
  const preview =
    check.ok && end === null ? previewChange({ pool: view, prover: address, capacity: check.value }) : null
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
          hint={`Whole blocks, ${pool.minCapacity}–255. Now ${staker.currentCapacity} free of ${staker.maxCapacity}; ${outstanding} of your blocks are unproven and stay counted.`}
        />
        <CooldownNote end={end} now={pool.timestamp} cooldown={pool.config.rewardChangeCooldown} />
        {preview && standing ? (
          preview.error ? (
            <Note>
              {describeContractError(preview.error.name, preview.error.args, { now: view.chainTimestamp })}
            </Note>
          ) : (
            <StandingChange before={preview.before} after={preview} />
          )
        ) : null}
        <button type="submit" className={buttonClass.primary} disabled={blocked !== null || end !== null}>
          Update capacity
        </button>
      </form>
    </ActionBox>
  )
}

function ExitAction({ pool, view, address, actions, blocked, standing, blocks }: ActionProps) {
  const preview = previewExit(view, address)
  const day = pool.timestamp / SECONDS_PER_DAY
  const resetsAt = (day + 1n) * SECONDS_PER_DAY
  const open = blocks.filter(
    (b) => b.proof === null && b.assignedProver?.toLowerCase() === address.toLowerCase(),
  ).length
  const limited = preview.error?.name === 'ProverPoolExitLimitReached'
  return (
    <ActionBox id="exit" title="Request exit">
      <Note>
        <strong>Daily exit limit:</strong> {formatInteger(pool.exitsToday)} of{' '}
        {formatInteger(pool.config.maxExitsPerDay)} voluntary exits used today; resets{' '}
        {formatRelative(resetsAt, pool.timestamp)} (00:00 UTC).
      </Note>
      {preview.error ? (
        <Note>{describeContractError(preview.error.name, preview.error.args, { now: pool.timestamp })}</Note>
      ) : (
        <Note>
          You leave the active list at once (weight {standing ? formatWeight(standing.weight) : '0'} → 0).{' '}
          {formatTko(preview.exitAmount, { maxFractionDigits: 4 })} unlock after{' '}
          {formatDuration(pool.config.exitDelay)}, at {formatTimestamp(preview.unlocksAt)}, and stay slashable
          until then.
          {open > 0 ? ` The ${open} block${open === 1 ? '' : 's'} assigned to you must still be proven.` : ''}
        </Note>
      )}
      <button
        type="button"
        className={buttonClass.primary}
        disabled={blocked !== null || limited}
        onClick={() => void actions.requestExit()}
      >
        Request exit
      </button>
    </ActionBox>
  )
}

function WithdrawAction({ pool, staker, actions, blocked }: ActionProps) {
  const locked = staker.exitUnlocksAt > pool.timestamp
  return (
    <ActionBox id="withdraw" title="Withdraw">
      <Note>
        {locked ? (
          <>
            <strong>Locked:</strong> {formatTko(staker.exitAmount, { maxFractionDigits: 4 })} unlock in{' '}
            {formatDuration(staker.exitUnlocksAt - pool.timestamp)} (at {formatClock(staker.exitUnlocksAt)}{' '}
            UTC).
          </>
        ) : (
          <>Pays {formatTko(staker.exitAmount, { maxFractionDigits: 4 })} back to your wallet.</>
        )}
      </Note>
      <button
        type="button"
        className={buttonClass.primary}
        disabled={blocked !== null || locked}
        onClick={() => void actions.withdraw()}
      >
        Withdraw
      </button>
    </ActionBox>
  )
}

function ClaimAction({ staker, actions, blocked, pool }: ActionProps) {
  return (
    <ActionBox id="claim" title="Claim rewards">
      <Note>
        {staker.rewards > 0n
          ? `Pays your ${formatTko(staker.rewards, { maxFractionDigits: 6 })} of unclaimed rewards to your wallet.`
          : `No rewards to claim yet: rewards accrue when you prove blocks (the treasury holds ${formatTko(pool.treasury, { maxFractionDigits: 0 })}).`}
      </Note>
      <button
        type="button"
        className={buttonClass.primary}
        disabled={blocked !== null || staker.rewards === 0n}
        onClick={() => void actions.claimRewards()}
      >
        Claim rewards
      </button>
    </ActionBox>
  )
}
