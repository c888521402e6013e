import type { Address } from 'viem'
import { healthBps } from '../../../lib/pool-math/healthBps'
import { block, poolState, slash, stakeChange, staker } from '../../ponder.schema'
import { addPoolDay, addProverDay } from './aggregates'
import { type CoreEvent, type CoreEventName, dayOf, type Handler, logId, type Store } from './types'

type StakerRow = NonNullable<Awaited<ReturnType<typeof findStaker>>>

function findStaker(db: Store, address: Address) {
  return db.find(staker, { address })
}

/** The singleton row of pool-wide handler state, created on first use. */
export async function loadPoolState(db: Store) {
  const row = await db.find(poolState, { id: 1 })
  if (row) return row
  const fresh = { id: 1, stakerCount: 0, openEpisode: null }
  await db.insert(poolState).values(fresh)
  return fresh
}

/** Records the staker's position after `event` (one row of its timeline). */
async function recordChange(db: Store, event: CoreEvent<CoreEventName>, s: StakerRow, kind: string) {
  await db.insert(stakeChange).values({
    id: logId(event),
    prover: s.address,
    blockNumber: event.block.number,
    logIndex: event.log.logIndex,
    timestamp: event.block.timestamp,
    event: kind,
    status: s.status,
    stake: s.stake,
    exitAmount: s.exitAmount,
    rewardPerGas: s.rewardPerGas,
    capacity: s.capacity,
    deposited: s.deposited,
    slashed: s.slashed,
    healthBps: healthBps({ deposited: s.deposited, slashed: s.slashed }),
  })
}

/** Applies `change` to a known staker, saves it and records the change. Unknown stakers are skipped. */
async function changeStaker(
  db: Store,
  event: CoreEvent<CoreEventName>,
  address: Address,
  kind: string,
  change: (s: StakerRow) => Partial<StakerRow>,
): Promise<StakerRow | null> {
  const current = await findStaker(db, address)
  if (!current) return null
  const next = { ...current, ...change(current), updatedIn: event.block.number }
  const { address: _key, ...values } = next
  await db.update(staker, { address }).set(values)
  await recordChange(db, event, next, kind)
  return next
}

/** A stake (first or top-up): the staker is active with this total, R and C. */
export const onStaked: Handler<'Staked'> = async (db, event) => {
  const a = event.args
  const existing = await findStaker(db, a.prover)
  if (!existing) {
    const state = await loadPoolState(db)
    await db.update(poolState, { id: 1 }).set({ stakerCount: state.stakerCount + 1 })
    await db.insert(staker).values({
      address: a.prover,
      status: 'active',
      stake: 0n,
      exitAmount: 0n,
      exitUnlocksAt: 0n,
      rewardPerGas: a.rewardPerGas,
      capacity: a.capacity,
      deposited: 0n,
      slashed: 0n,
      assigned: 0,
      proven: 0,
      missed: 0,
      rewardsEarned: 0n,
      rewardsClaimed: 0n,
      rewardsOwed: 0n,
      claims: 0,
      evictedBy: null,
      firstStakedIn: event.block.number,
      ordinal: state.stakerCount,
      updatedIn: event.block.number,
    })
  }
  await changeStaker(db, event, a.prover, 'staked', (s) => ({
    status: 'active',
    evictedBy: null,
    stake: a.totalStake,
    deposited: s.deposited + a.amount,
    rewardPerGas: a.rewardPerGas,
    capacity: a.capacity,
  }))
}

export const onEvicted: Handler<'Evicted'> = async (db, event) => {
  const a = event.args
  await changeStaker(db, event, a.prover, 'evicted', (s) => ({
    status: 'evicted',
    evictedBy: a.by,
    stake: 0n,
    exitAmount: s.exitAmount + a.amount,
    exitUnlocksAt: a.unlocksAt,
  }))
}

export const onExitRequested: Handler<'ExitRequested'> = async (db, event) => {
  const a = event.args
  await changeStaker(db, event, a.prover, 'exit requested', (s) => ({
    status: 'exiting',
    stake: 0n,
    exitAmount: s.exitAmount + a.amount,
    exitUnlocksAt: a.unlocksAt,
  }))
}

/** The exit queue paid out; a staker with no active stake left is 'withdrawn'. */
export const onWithdrawn: Handler<'Withdrawn'> = async (db, event) => {
  const a = event.args
  await changeStaker(db, event, a.prover, 'withdrawn', (s) => ({
    status: s.stake > 0n ? s.status : 'withdrawn',
    exitAmount: s.exitAmount > a.amount ? s.exitAmount - a.amount : 0n,
    exitUnlocksAt: 0n,
  }))
}

/**
 * A missed window: the contract slashes the active stake of an active prover, else its exit queue;
 * `remainingStake` is what is left of that balance.
 */
export const onSlashed: Handler<'Slashed'> = async (db, event) => {
  const a = event.args
  await changeStaker(db, event, a.prover, 'slashed', (s) => ({
    ...(s.status === 'active' ? { stake: a.remainingStake } : { exitAmount: a.remainingStake }),
    slashed: s.slashed + a.amount,
    missed: s.missed + 1,
  }))
  await db.insert(slash).values({
    id: logId(event),
    prover: a.prover,
    blockId: a.blockId,
    amount: a.amount,
    remainingStake: a.remainingStake,
    blockNumber: event.block.number,
    timestamp: event.block.timestamp,
  })
  await db.update(block, { blockId: a.blockId }).set({ slashed: a.amount })
  const day = dayOf(event.block.timestamp)
  await addProverDay(db, a.prover, day, { missed: 1, slashed: a.amount })
  await addPoolDay(db, day, { slashed: a.amount })
}

export const onRewardPerGasChanged: Handler<'RewardPerGasChanged'> = async (db, event) => {
  const a = event.args
  await changeStaker(db, event, a.prover, 'reward per gas', () => ({ rewardPerGas: a.newRewardPerGas }))
}

export const onCapacityChanged: Handler<'CapacityChanged'> = async (db, event) => {
  const a = event.args
  await changeStaker(db, event, a.prover, 'capacity', () => ({ capacity: a.newCapacity }))
}
