import { type Address, zeroAddress } from 'viem'
import { describe, expect, it } from 'vitest'
import { permitSignatureParts, permitTypedData } from '@/lib/wallet/permit'
import { DEFAULT_CAPACITY, DEFAULT_STAKE, type PoolFixture, setupPool } from '../support'
import { MAX_UINT32, rewardRange, TKO } from '../support/expected'

const pool = setupPool()

const Status = { None: 0, Active: 1, Exiting: 2, Evicted: 3 } as const

/** An EIP-2612 permit for the protocol signed by `owner`'s key; returns v, r, s for stakeWithPermit. */
async function signPermit(p: PoolFixture, owner: Address, value: bigint, deadline: bigint) {
  const [domain, nonce] = await Promise.all([p.token.read.eip712Domain(), p.token.read.nonces([owner])])
  // The app's own permit builder (lib/wallet/permit.ts): the token accepting it is part of what is tested.
  const signature = await p
    .signer(owner)
    .signTypedData(permitTypedData({ domain, owner, spender: p.addresses.protocol, value, nonce, deadline }))
  return permitSignatureParts(signature)
}

describe('joining', () => {
  it('takes the lowest free slot with current capacity equal to the stated capacity', async () => {
    const { alice, bob } = pool.accounts
    const F = await pool.protocol.read.feePerGas()
    const before = await pool.token.read.balanceOf([alice])
    const receipt = await pool.stake(alice, { amount: DEFAULT_STAKE, rewardPerGas: F, capacity: 5n })
    expect(pool.events(receipt, 'Staked')).toEqual([
      {
        prover: alice,
        amount: DEFAULT_STAKE,
        totalStake: DEFAULT_STAKE,
        rewardPerGas: F,
        capacity: 5n,
        slot: 1n,
      },
    ])
    const info = await pool.protocol.read.getStaker([alice])
    expect(info).toMatchObject({
      prover: alice,
      status: Status.Active,
      slot: 1n,
      stake: DEFAULT_STAKE,
      rewardPerGas: F,
      currentCapacity: 5n,
      maxCapacity: 5n,
      deposited: DEFAULT_STAKE,
      slashed: 0n,
      exitAmount: 0n,
    })
    expect(await pool.token.read.balanceOf([alice])).toBe(before - DEFAULT_STAKE)

    await pool.stake(bob)
    expect((await pool.protocol.read.getStaker([bob])).slot).toBe(2n)
    const owners = await pool.protocol.read.slotOwners()
    expect(owners.slice(0, 3)).toEqual([alice, bob, zeroAddress])
  })

  it('gives a freed slot to the next joiner, lowest free index first', async () => {
    const { alice, bob, carol, dave } = pool.accounts
    for (const prover of [alice, bob, carol]) await pool.stake(prover)
    await pool.send(pool.protocol.write.requestExit({ account: bob }))
    await pool.stake(dave)
    expect((await pool.protocol.read.getStaker([dave])).slot).toBe(2n)
    expect((await pool.protocol.read.slotOwners()).slice(0, 4)).toEqual([alice, dave, carol, zeroAddress])
  })

  it('Revision 2.4: starts the R and C cooldowns at the join', async () => {
    const { alice } = pool.accounts
    const joined = await pool.timestampOf(await pool.stake(alice))
    const info = await pool.protocol.read.getStaker([alice])
    expect(info.lastRewardChangeAt).toBe(joined)
    expect(info.lastCapacityChangeAt).toBe(joined)
    const availableAt = joined + pool.config.rewardChangeCooldown
    await pool.setNextTimestamp(joined + 1n)
    await pool.expectRevert(
      pool.protocol.write.changeRewardPerGas([2n * pool.initialFeePerGas], { account: alice }),
      'ProverPoolCooldownActive',
      [availableAt, joined + 1n],
    )
    // A top-up is not a join: it restarts nothing.
    await pool.stake(alice, { amount: 1n })
    expect((await pool.protocol.read.getStaker([alice])).lastRewardChangeAt).toBe(joined)
  })

  it('rejects a zero amount with ProverPoolZeroAmount', async () => {
    await pool.expectRevert(
      pool.protocol.write.stake([0n, pool.initialFeePerGas, DEFAULT_CAPACITY], {
        account: pool.accounts.alice,
      }),
      'ProverPoolZeroAmount',
      [],
    )
  })

  it('rejects R outside [F/2, min(2F, 2^64-1)] with ProverPoolRewardPerGasOutOfRange(R, min, max)', async () => {
    const F = await pool.protocol.read.feePerGas()
    const range = rewardRange(pool.config, F)
    expect(range).toEqual({ min: F / 2n, max: 2n * F })
    for (const r of [range.min - 1n, range.max + 1n, 0n]) {
      await pool.expectRevert(
        pool.protocol.write.stake([DEFAULT_STAKE, r, DEFAULT_CAPACITY], { account: pool.accounts.alice }),
        'ProverPoolRewardPerGasOutOfRange',
        [r, range.min, range.max],
      )
    }
    // Both ends are allowed.
    await pool.stake(pool.accounts.alice, { rewardPerGas: range.min })
    await pool.stake(pool.accounts.bob, { rewardPerGas: range.max })
  })

  it('rejects a capacity outside [minCapacity, 255] with ProverPoolCapacityOutOfRange(C, min, 255)', async () => {
    const { alice } = pool.accounts
    await pool.expectRevert(
      pool.protocol.write.stake([DEFAULT_STAKE, pool.initialFeePerGas, 0n], { account: alice }),
      'ProverPoolCapacityOutOfRange',
      [0n, 1n, 255n],
    )
    await pool.expectRevert(
      pool.protocol.write.stake([DEFAULT_STAKE, pool.initialFeePerGas, 256n], { account: alice }),
      'ProverPoolCapacityOutOfRange',
      [256n, 1n, 255n],
    )
    // baseMinCapacity 4 → minCapacity(0) = clamp(4·8/16, 2, 8) = 2.
    await pool.updateConfig({ baseMinCapacity: 4n })
    expect(await pool.protocol.read.currentMinCapacity()).toBe(2n)
    await pool.expectRevert(
      pool.protocol.write.stake([DEFAULT_STAKE, pool.initialFeePerGas, 1n], { account: alice }),
      'ProverPoolCapacityOutOfRange',
      [1n, 2n, 255n],
    )
    await pool.stake(alice, { capacity: 255n })
  })

  it('counts only whole TKO against the minimum stake (ProverPoolStakeTooLow(amount, minStake))', async () => {
    const { alice } = pool.accounts
    const min = await pool.protocol.read.currentMinStake()
    expect(min).toBe(500n * TKO) // baseMinStake / 2 at backlog 0
    const amount = min + TKO - 1n // 500.999… TKO counts as 500: enough
    await pool.stake(alice, { amount })
    const short = min - 1n // 499.999… TKO counts as 499
    await pool.expectRevert(
      pool.protocol.write.stake([short, pool.initialFeePerGas, DEFAULT_CAPACITY], {
        account: pool.accounts.bob,
      }),
      'ProverPoolStakeTooLow',
      [short, min],
    )
  })

  it('rejects more than 2^32-1 whole TKO with ProverPoolStakeTooHigh(amount, max)', async () => {
    const max = (MAX_UINT32 + 1n) * TKO - 1n // amount / 1e18 <= 2^32 - 1
    const amount = max + 1n
    await pool.expectRevert(
      pool.protocol.write.stake([amount, pool.initialFeePerGas, DEFAULT_CAPACITY], {
        account: pool.accounts.alice,
      }),
      'ProverPoolStakeTooHigh',
      [amount, max],
    )
  })

  it('checks R, then capacity, then stake, in that order', async () => {
    const { alice } = pool.accounts
    const F = pool.initialFeePerGas
    await pool.expectRevert(
      pool.protocol.write.stake([1n, 3n * F, 0n], { account: alice }),
      'ProverPoolRewardPerGasOutOfRange',
    )
    await pool.expectRevert(
      pool.protocol.write.stake([1n, F, 0n], { account: alice }),
      'ProverPoolCapacityOutOfRange',
    )
    await pool.expectRevert(
      pool.protocol.write.stake([1n, F, 1n], { account: alice }),
      'ProverPoolStakeTooLow',
    )
  })
})

describe('topping up', () => {
  it('adds to the active stake when R and C are restated', async () => {
    const { alice } = pool.accounts
    await pool.stake(alice, { capacity: 6n })
    const receipt = await pool.stake(alice, { amount: 5n * TKO, capacity: 6n })
    expect(pool.events(receipt, 'Staked')).toEqual([
      {
        prover: alice,
        amount: 5n * TKO,
        totalStake: DEFAULT_STAKE + 5n * TKO,
        rewardPerGas: pool.initialFeePerGas,
        capacity: 6n,
        slot: 1n,
      },
    ])
    const info = await pool.protocol.read.getStaker([alice])
    expect(info.stake).toBe(DEFAULT_STAKE + 5n * TKO)
    expect(info.deposited).toBe(DEFAULT_STAKE + 5n * TKO)
    expect(info.slot).toBe(1n)
  })

  it('rejects restated parameters that differ with ProverPoolParametersDiffer(current R, current C)', async () => {
    const { alice } = pool.accounts
    const F = pool.initialFeePerGas
    await pool.stake(alice, { rewardPerGas: F, capacity: 6n })
    await pool.expectRevert(
      pool.protocol.write.stake([TKO, F + 1n, 6n], { account: alice }),
      'ProverPoolParametersDiffer',
      [F, 6n],
    )
    await pool.expectRevert(
      pool.protocol.write.stake([TKO, F, 7n], { account: alice }),
      'ProverPoolParametersDiffer',
      [F, 6n],
    )
  })

  it('topUp adds to the stake without restating R and C', async () => {
    const { alice } = pool.accounts
    await pool.stake(alice)
    await pool.send(pool.protocol.write.topUp([3n * TKO], { account: alice }))
    expect((await pool.protocol.read.getStaker([alice])).stake).toBe(DEFAULT_STAKE + 3n * TKO)
  })

  it('checks no minimum: one wei tops up even when the minimum has risen above the stake', async () => {
    const { alice } = pool.accounts
    await pool.stake(alice, { amount: 500n * TKO })
    await pool.updateConfig({ baseMinStake: 4_000n * TKO }) // minStake(0) = 2000 TKO now
    await pool.stake(alice, { amount: 1n })
    expect((await pool.protocol.read.getStaker([alice])).stake).toBe(500n * TKO + 1n)
  })

  it('topUp is for active provers only (ProverPoolNotActive(prover))', async () => {
    const { alice } = pool.accounts
    await pool.expectRevert(pool.protocol.write.topUp([TKO], { account: alice }), 'ProverPoolNotActive', [
      alice,
    ])
  })

  it('rejects a top-up past 2^32-1 whole TKO with ProverPoolStakeTooHigh(new stake, max)', async () => {
    const { alice } = pool.accounts
    const max = (MAX_UINT32 + 1n) * TKO - 1n
    await pool.mint(alice, max)
    await pool.stake(alice, { amount: max })
    await pool.expectRevert(pool.protocol.write.topUp([1n], { account: alice }), 'ProverPoolStakeTooHigh', [
      max + 1n,
      max,
    ])
  })

  it('rejects a zero top-up with ProverPoolZeroAmount', async () => {
    const { alice } = pool.accounts
    await pool.stake(alice)
    await pool.expectRevert(pool.protocol.write.topUp([0n], { account: alice }), 'ProverPoolZeroAmount', [])
  })
})

describe('staking with a permit', () => {
  it('stakes in one transaction without a prior approval', async () => {
    const { alice } = pool.accounts
    await pool.send(pool.token.write.approve([pool.addresses.protocol, 0n], { account: alice }))
    const deadline = (await pool.latestTimestamp()) + 3_600n
    const { v, r, s } = await signPermit(pool, alice, DEFAULT_STAKE, deadline)
    const nonce = await pool.token.read.nonces([alice])
    const receipt = await pool.send(
      pool.protocol.write.stakeWithPermit(
        [DEFAULT_STAKE, pool.initialFeePerGas, DEFAULT_CAPACITY, deadline, v, r, s],
        {
          account: alice,
        },
      ),
    )
    expect(pool.events(receipt, 'Staked')).toHaveLength(1)
    expect((await pool.protocol.read.getStaker([alice])).stake).toBe(DEFAULT_STAKE)
    expect(await pool.token.read.nonces([alice])).toBe(nonce + 1n)
    expect(await pool.token.read.allowance([alice, pool.addresses.protocol])).toBe(0n)
  })

  it('still stakes when the permit was front-run and the allowance suffices', async () => {
    const { alice, bob } = pool.accounts
    await pool.send(pool.token.write.approve([pool.addresses.protocol, 0n], { account: alice }))
    const deadline = (await pool.latestTimestamp()) + 3_600n
    const { v, r, s } = await signPermit(pool, alice, DEFAULT_STAKE, deadline)
    // Someone submits alice's permit first: the permit inside stakeWithPermit now fails (nonce used).
    await pool.send(
      pool.token.write.permit([alice, pool.addresses.protocol, DEFAULT_STAKE, deadline, v, r, s], {
        account: bob,
      }),
    )
    await pool.send(
      pool.protocol.write.stakeWithPermit(
        [DEFAULT_STAKE, pool.initialFeePerGas, DEFAULT_CAPACITY, deadline, v, r, s],
        {
          account: alice,
        },
      ),
    )
    expect((await pool.protocol.read.getStaker([alice])).stake).toBe(DEFAULT_STAKE)
  })

  it('reverts with the token error when the permit fails and there is no allowance', async () => {
    const { alice } = pool.accounts
    await pool.send(pool.token.write.approve([pool.addresses.protocol, 0n], { account: alice }))
    const deadline = (await pool.latestTimestamp()) + 3_600n
    const { v, r, s } = await signPermit(pool, alice, DEFAULT_STAKE - 1n, deadline) // signed for another value
    await pool.expectRevert(
      pool.protocol.write.stakeWithPermit(
        [DEFAULT_STAKE, pool.initialFeePerGas, DEFAULT_CAPACITY, deadline, v, r, s],
        {
          account: alice,
        },
      ),
      'ERC20InsufficientAllowance',
      [pool.addresses.protocol, 0n, DEFAULT_STAKE],
    )
  })
})

describe('staking again from the exit queue', () => {
  it('keeps the new stake separate from the queued amount', async () => {
    const { alice } = pool.accounts
    await pool.stake(alice, { amount: 700n * TKO })
    await pool.send(pool.protocol.write.requestExit({ account: alice }))
    await pool.stake(alice, { amount: 900n * TKO })
    const info = await pool.protocol.read.getStaker([alice])
    expect(info).toMatchObject({ status: Status.Active, stake: 900n * TKO, exitAmount: 700n * TKO })
    expect(info.deposited).toBe(1_600n * TKO)
  })
})
