/**
 * The demo population: ~40 provers with a profile each (fast, average, slow, flaky) and varied stake,
 * R and capacity, derived deterministically (same addresses and numbers on every run). They stake in an
 * order that fills the 32 active slots, has one of them request an exit, and then lets heavier late
 * stakers take the free slot and evict the lowest-weight provers. Some stake with `stakeWithPermit`,
 * the others with approve + stake.
 */
import { type Address, type HDAccount, maxUint256, parseEther } from 'viem'
import { BlockProtocol } from '../../contracts-abi/BlockProtocol'
import { TaikoToken } from '../../contracts-abi/TaikoToken'
import {
  BANK_INDEX,
  DEPLOYER_INDEX,
  demoProverAccount,
  devAccount,
  PROPOSER_INDEX,
} from '../../lib/network/accounts'
import type { PoolConfig } from '../../lib/pool-math/config'
import { BPS, STAKE_UNIT } from '../../lib/pool-math/constants'
import { minCapacity } from '../../lib/pool-math/minCapacity'
import { minStake } from '../../lib/pool-math/minStake'
import { rewardPerGasRange } from '../../lib/pool-math/rewardPerGasRange'
import { StakerStatus } from '../../lib/pool-math/types'
import { weight } from '../../lib/pool-math/weight'
import { PERMIT_LIFETIME, permitSignatureParts, permitTypedData } from '../../lib/wallet/permit'
import { Actor, type Clients, type SendResult } from './chain'
import { type ProfileName, population, profiles } from './config'
import type { DemoProver } from './network'
import { Random } from './random'

export type ProverPlan = {
  /** 0-based position in the population (and in staking order). */
  n: number
  label: string
  profile: ProfileName
  /** Joins after the active list is full (and evicts). */
  late: boolean
  stake: bigint
  rewardPerGas: bigint
  capacity: bigint
  permit: boolean
}

/** Clamps `value` into `[min, max]`. */
function within(value: bigint, min: bigint, max: bigint): bigint {
  return value < min ? min : value > max ? max : value
}

/** The population's parameters at fee `feePerGas`; R and capacity always valid for an empty backlog. */
export function planPopulation(feePerGas: bigint, config: PoolConfig): ProverPlan[] {
  const random = new Random(population.seed)
  const range = rewardPerGasRange({ feePerGas }, config)
  const capacityFloor = minCapacity({ backlog: 0n }, config)
  const stakeFloor = minStake({ backlog: 0n }, config)
  return population.profiles.map((profile, n) => {
    const late = n >= population.initial
    const p = profiles[profile]
    const [stakeMin, stakeMax] = late ? population.lateStakeTko : population.initialStakeTko
    const [bpsMin, bpsMax] = late ? population.lateRewardBps : p.rewardBps
    // Round stakes to 10 TKO and R to 1e6 wei/gas so the numbers read well in the dashboard.
    const stake = BigInt(Math.round(random.between(stakeMin, stakeMax) / 10) * 10) * STAKE_UNIT
    const bps = BigInt(random.int(bpsMin, bpsMax))
    const rewardPerGas = within(((feePerGas * bps) / BPS / 1_000_000n) * 1_000_000n, range.min, range.max)
    const capacity = BigInt(random.int(p.capacity[0], p.capacity[1]))
    return {
      n,
      label: `prover-${String(n + 1).padStart(2, '0')}`,
      profile,
      late,
      stake: stake < stakeFloor ? stakeFloor : stake,
      rewardPerGas,
      capacity: capacity < capacityFloor ? capacityFloor : capacity,
      permit: n % population.permitEvery === 0,
    }
  })
}

export type PopulationProgress = { stage: 'funding' | 'staking'; done: number; total: number }

export type StakePopulationParameters = {
  clients: Clients
  addresses: { token: Address; protocol: Address }
  config: PoolConfig
  onProgress?: (progress: PopulationProgress) => void
}

export type StakePopulationReturnType = {
  provers: DemoProver[]
  active: number
  evicted: DemoProver[]
  exiting: DemoProver[]
}

/** Raised when a population transaction fails: the run cannot show what it promises. */
export class PopulationError extends Error {
  constructor(what: string, result: SendResult & { ok: false }) {
    super(`${what}: ${result.error}`)
    this.name = 'PopulationError'
  }
}

function must(what: string, result: SendResult): void {
  if (!result.ok) throw new PopulationError(what, result)
}

/**
 * Funds (ETH by anvil_setBalance, TKO minted by the deployer) and stakes the demo population, then
 * reports who is active, evicted and exiting. Expects a fresh deployment with an empty pool.
 */
export async function stakePopulation({
  clients,
  addresses,
  config,
  onProgress,
}: StakePopulationParameters): Promise<StakePopulationReturnType> {
  const { publicClient, testClient } = clients
  const protocol = { address: addresses.protocol, abi: BlockProtocol.abi } as const
  const token = { address: addresses.token, abi: TaikoToken.abi } as const
  const deployer = new Actor('deployer', devAccount(DEPLOYER_INDEX).account, clients)
  const read = <T>(functionName: string, args: readonly unknown[] = []) =>
    publicClient.readContract({ ...protocol, functionName, args } as never) as Promise<T>

  const feePerGas = await read<bigint>('feePerGas')
  const plans = planPopulation(feePerGas, config)
  const provers: DemoProver[] = plans.map((plan) => ({
    ...plan,
    actor: new Actor(plan.label, demoProverAccount(plan.n).account, clients),
  }))

  // Funding: ETH for gas, TKO for the stake plus some spare; the proposer gets TKO for fees.
  const total = provers.length + 2
  let funded = 0
  onProgress?.({ stage: 'funding', done: 0, total })
  const eth = parseEther(String(population.eth))
  await Promise.all(provers.map((p) => testClient.setBalance({ address: p.actor.address, value: eth })))
  const spare = BigInt(population.spareTko) * STAKE_UNIT
  const mints = [
    ...provers.map((p) => ({
      to: p.actor.address,
      amount: p.stake + spare,
      what: `minting TKO for ${p.label}`,
    })),
    {
      to: devAccount(PROPOSER_INDEX).address,
      amount: BigInt(population.proposerTko) * STAKE_UNIT,
      what: 'minting TKO for the proposer',
    },
    {
      to: devAccount(BANK_INDEX).address,
      amount: BigInt(population.bankTko) * STAKE_UNIT,
      what: 'minting TKO for the bank',
    },
  ]
  for (const { to, amount, what } of mints) {
    must(what, await deployer.send({ ...token, functionName: 'mint', args: [to, amount] }))
    onProgress?.({ stage: 'funding', done: ++funded, total })
  }

  // Staking, in order: the initial stakers fill the list, one exits, the late ones evict.
  let staked = 0
  onProgress?.({ stage: 'staking', done: 0, total: provers.length })
  const stakeOne = async (p: DemoProver) => {
    await join(p)
    onProgress?.({ stage: 'staking', done: ++staked, total: provers.length })
  }
  const join = async (p: DemoProver) => {
    if (p.late) await beatLowest(p)
    const args = [p.stake, p.rewardPerGas, p.capacity] as const
    if (p.permit) {
      const { v, r, s, deadline } = await signPermit(p, p.stake)
      must(
        `${p.label} stakeWithPermit`,
        await p.actor.send({
          ...protocol,
          functionName: 'stakeWithPermit',
          args: [...args, deadline, v, r, s],
        }),
      )
    } else {
      must(
        `${p.label} approve`,
        await p.actor.send({ ...token, functionName: 'approve', args: [addresses.protocol, maxUint256] }),
      )
      must(`${p.label} stake`, await p.actor.send({ ...protocol, functionName: 'stake', args }))
    }
  }
  /** Raises a late staker's stake (and mints the difference) until its weight beats the lowest active one. */
  const beatLowest = async (p: DemoProver) => {
    const [weights, owners, fee, maxActive] = await Promise.all([
      read<readonly bigint[]>('weights'),
      read<readonly Address[]>('slotOwners'),
      read<bigint>('feePerGas'),
      Promise.resolve(config.maxActiveProvers),
    ])
    const taken = owners.filter((o) => BigInt(o) !== 0n).length
    if (BigInt(taken) < maxActive) return
    const active = weights.slice(0, Number(maxActive))
    let lowest = active[0] ?? 0n
    for (const w of active) if (w < lowest) lowest = w
    const mine = (stake: bigint) =>
      weight({ stake, rewardPerGas: p.rewardPerGas, capacity: p.capacity, feePerGas: fee }, config)
    let stake = p.stake
    while (mine(stake) <= lowest) stake += 100n * STAKE_UNIT
    if (stake !== p.stake) {
      must(
        `minting more TKO for ${p.label}`,
        await deployer.send({ ...token, functionName: 'mint', args: [p.actor.address, stake - p.stake] }),
      )
      p.stake = stake
    }
  }
  const signPermit = async (p: DemoProver, value: bigint) => {
    const account = demoProverAccount(p.n).account as HDAccount
    const [domain, nonce, block] = await Promise.all([
      publicClient.readContract({ ...token, functionName: 'eip712Domain' }),
      publicClient.readContract({ ...token, functionName: 'nonces', args: [account.address] }),
      publicClient.getBlock(),
    ])
    const deadline = block.timestamp + PERMIT_LIFETIME
    const signature = await account.signTypedData(
      permitTypedData({
        domain,
        owner: account.address,
        spender: addresses.protocol,
        value,
        nonce,
        deadline,
      }),
    )
    return { ...permitSignatureParts(signature), deadline }
  }

  const initial = provers.filter((p) => !p.late)
  const late = provers.filter((p) => p.late)
  for (const p of initial) await stakeOne(p)
  const leaver = provers[population.exitingIndex]
  if (leaver) {
    must(
      `${leaver.label} requestExit`,
      await leaver.actor.send({ ...protocol, functionName: 'requestExit', args: [] }),
    )
  }
  for (const p of late) await stakeOne(p)

  // What the chain says now.
  const statuses = await Promise.all(
    provers.map(async (p) => {
      const info = (await read<{ status: number }>('getStaker', [p.actor.address])) as { status: number }
      return { p, status: info.status }
    }),
  )
  const byStatus = (s: number) => statuses.filter((x) => x.status === s).map((x) => x.p)
  return {
    provers,
    active: byStatus(StakerStatus.Active).length,
    evicted: byStatus(StakerStatus.Evicted),
    exiting: byStatus(StakerStatus.Exiting),
  }
}
