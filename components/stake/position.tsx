'use client'

import Link from 'next/link'
import type { Address } from 'viem'
import { Badge } from '@/components/ui/badge'
import { Card } from '@/components/ui/card'
import { PerGas } from '@/components/ui/per-gas'
import { Stat, StatGrid } from '@/components/ui/stat'
import { statusTone } from '@/components/ui/status-tone'
import { table } from '@/components/ui/table'
import type { BlockRecord } from '@/lib/chain/history/blocks'
import { formatInteger } from '@/lib/format/decimal'
import { formatBps } from '@/lib/format/percent'
import { proverStatusLabel, proverStatusWord } from '@/lib/format/status'
import { formatDuration, formatRelative, formatTimestamp } from '@/lib/format/time'
import { formatTko } from '@/lib/format/units'
import {
  expectedBlocksPerDay,
  expectedRewardPerDay,
  healthBps,
  isFullHealth,
  type PoolView,
  previewChange,
  type StakerInfo,
  StakerStatus,
} from '@/lib/pool-math'
import { CapacityAction } from './actions/capacity'
import { ClaimAction } from './actions/claim'
import { ExitAction } from './actions/exit'
import { RewardAction } from './actions/reward'
import { TopUpAction } from './actions/top-up'
import { WithdrawAction } from './actions/withdraw'
import type { Demand } from './demand'
import { formatBlocksPerDay, formatOdds, formatRawWeight, formatWeight } from './format'
import type { StakeActions } from './use-stake-actions'

export type PositionProps = {
  pool: PoolView
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
  const { pool, address, staker, blocks, evictedBy } = props
  const now = pool.chainTimestamp
  const active = staker.status === StakerStatus.Active
  const standing = active ? previewChange({ pool, prover: address }).before : null
  const activeCount = pool.provers.filter((p) => p.slot > 0n).length
  const mine = blocks
    .filter((b) => b.proof === null && b.assignedProver?.toLowerCase() === address.toLowerCase())
    .sort((a, b) => (a.proofDeadline < b.proofDeadline ? -1 : 1))
  const health = healthBps({ deposited: staker.deposited, slashed: staker.slashed })
  const status = staker.status
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
          From the chain at block #{formatInteger(pool.chainBlockNumber)}. Full history on{' '}
          <Link href={`/provers/${address}`} className="underline">
            your prover page
          </Link>
          .
        </>
      }
      actions={<Badge tone={statusTone[proverStatusWord(status)]}>{proverStatusLabel(status)}</Badge>}
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
            value={active ? <PerGas value={staker.rewardPerGas} maxFractionDigits={9} /> : '—'}
            detail={
              <>
                F is <PerGas value={pool.feePerGas} maxFractionDigits={9} />
              </>
            }
          />
          <Stat
            label="Capacity"
            value={active ? `${staker.currentCapacity} / ${staker.maxCapacity}` : '—'}
            detail="free now / stated maximum"
          />
          <Stat
            label="Health"
            value={formatBps(health)}
            tone={isFullHealth(health) ? 'default' : 'warning'}
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
          {staker.owedRewards > 0n ? (
            <Stat
              label="Owed rewards"
              value={formatTko(staker.owedRewards, { maxFractionDigits: 6 })}
              detail={`the treasury was short; it holds ${formatTko(pool.treasury, { maxFractionDigits: 4 })} now and pays owed rewards before new ones`}
            />
          ) : null}
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
