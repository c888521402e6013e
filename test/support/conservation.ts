import type { Address, PublicClient } from 'viem'
import { expect } from 'vitest'
import { BlockProtocol } from '@/contracts-abi/BlockProtocol'
import { TaikoToken } from '@/contracts-abi/TaikoToken'

export type ConservationTarget = {
  publicClient: PublicClient
  addresses: { token: Address; protocol: Address }
  /**
   * Accounts that may hold rewards without ever having staked (anyone may prove an open or late
   * block, and its reward accrues to `rewards[msg.sender]`): the staker list cannot enumerate them.
   * Their `rewards(account)` is added to Σ rewards.
   */
  rewardHolders?: readonly Address[]
}

export type TokenAccounts = {
  balance: bigint
  accounted: bigint
  stakes: bigint
  exits: bigint
  rewards: bigint
  treasury: bigint
}

/**
 * Reads the protocol's TKO balance, `accountedBalance()`, and Σ stake + Σ exitAmount + Σ rewards over
 * every staker (`stakerCount`/`stakerAt`/`getStaker`) and every other `rewardHolders` account
 * (`rewards(account)`), + `treasury()`, all at one block.
 */
export async function readTokenAccounts({
  publicClient,
  addresses,
  rewardHolders = [],
}: ConservationTarget): Promise<TokenAccounts> {
  const blockNumber = await publicClient.getBlockNumber()
  const core = { address: addresses.protocol, abi: BlockProtocol.abi, blockNumber } as const
  const [balance, accounted, treasury, count] = await Promise.all([
    publicClient.readContract({
      address: addresses.token,
      abi: TaikoToken.abi,
      functionName: 'balanceOf',
      args: [addresses.protocol],
      blockNumber,
    }),
    publicClient.readContract({ ...core, functionName: 'accountedBalance' }),
    publicClient.readContract({ ...core, functionName: 'treasury' }),
    publicClient.readContract({ ...core, functionName: 'stakerCount' }),
  ])
  const stakers = await Promise.all(
    Array.from({ length: Number(count) }, (_, i) =>
      publicClient.readContract({ ...core, functionName: 'stakerAt', args: [BigInt(i)] }),
    ),
  )
  const infos = await Promise.all(
    stakers.map((staker) =>
      publicClient.readContract({ ...core, functionName: 'getStaker', args: [staker] }),
    ),
  )
  const listed = new Set(stakers.map((a) => a.toLowerCase()))
  const others = [...new Set(rewardHolders.map((a) => a.toLowerCase()))].filter((a) => !listed.has(a))
  const otherRewards = await Promise.all(
    others.map((account) =>
      publicClient.readContract({ ...core, functionName: 'rewards', args: [account as Address] }),
    ),
  )
  const sum = (pick: (info: (typeof infos)[number]) => bigint) =>
    infos.reduce((s, info) => s + pick(info), 0n)
  return {
    balance,
    accounted,
    stakes: sum((i) => i.stake),
    exits: sum((i) => i.exitAmount),
    rewards: sum((i) => i.rewards) + otherRewards.reduce((s, r) => s + r, 0n),
    treasury,
  }
}

/**
 * Token conservation (SPEC rule 6): `TKO.balanceOf(protocol) == accountedBalance()` and both equal
 * Σ stake + Σ exitAmount + Σ rewards + treasury recomputed from the views. Returns the numbers.
 */
export async function assertTokenConservation(target: ConservationTarget): Promise<TokenAccounts> {
  const accounts = await readTokenAccounts(target)
  const recomputed = accounts.stakes + accounts.exits + accounts.rewards + accounts.treasury
  expect(accounts.balance, 'TKO.balanceOf(protocol) == accountedBalance()').toBe(accounts.accounted)
  expect(accounts.accounted, 'accountedBalance() == Σstake + Σexit + Σrewards + treasury').toBe(recomputed)
  return accounts
}
