/**
 * Differential test: every formula of lib/pool-math against PoolMath on chain (through PoolMathHarness),
 * on at least 1,000 random inputs per formula plus the edges, compared to the wei. See docs/pool-math.md.
 */
import { isDeepStrictEqual } from 'node:util'
import fc from 'fast-check'
import { type Hex, toHex } from 'viem'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  BPS,
  batchSize,
  configBounds,
  defaultConfig,
  demoConfig,
  effectiveRewardPerGas,
  healthBps,
  MAX_REWARD_PER_GAS,
  MAX_STAKE,
  minCapacity,
  minStake,
  nextAvgProofDelay,
  nextFeePerGas,
  type PoolConfig,
  type ProofKind,
  poolConfigKeys,
  proofReward,
  proofWindow,
  proposalFee,
  quantiseStake,
  STAKE_UNIT,
  seedWeight,
  selectionSeed,
  selectProver,
  slashAmount,
  weight,
} from '@/lib/pool-math'
import {
  backlogArb,
  capacityArb,
  configArb,
  feePerGasArb,
  gasUsedArb,
  rewardPerGasArb,
  secondsArb,
  stakeArb,
} from '@/lib/pool-math/internal/arbitraries'
import { deployHarness } from './harness'

const N = 1_000
const seed = Number(process.env.DIFFERENTIAL_SEED ?? Date.now() % 2 ** 31)
const sample = <T>(arb: fc.Arbitrary<T>, numRuns = N) => fc.sample(arb, { numRuns, seed })

let deployed: Awaited<ReturnType<typeof deployHarness>>
beforeAll(async () => {
  deployed = await deployHarness()
})
afterAll(async () => {
  await deployed?.stop()
})

/** Calls the harness for every input (batched) and compares with the module, listing the first mismatches. */
async function agree<I>(
  inputs: readonly I[],
  chain: (input: I) => Promise<unknown>,
  local: (input: I) => unknown,
) {
  const results = await Promise.all(
    inputs.map((input) =>
      chain(input).then(
        (value) => ({ value }),
        (error: Error) => ({ reverted: error.message }),
      ),
    ),
  )
  const mismatches = inputs.flatMap((input, k) => {
    const want = local(input)
    const got = results[k]!
    return 'value' in got && isDeepStrictEqual(got.value, want) ? [] : [{ input, chain: got, module: want }]
  })
  expect(
    mismatches.slice(0, 3),
    `${mismatches.length} of ${inputs.length} inputs differ (DIFFERENTIAL_SEED=${seed})`,
  ).toEqual([])
  expect(inputs.length).toBeGreaterThanOrEqual(N)
}

const configs: PoolConfig[] = [defaultConfig, demoConfig]
const withConfig = <T>(arb: fc.Arbitrary<T>) =>
  fc.tuple(
    arb,
    fc.oneof({ weight: 1, arbitrary: fc.constantFrom(...configs) }, { weight: 3, arbitrary: configArb }),
  )

/** R at, just below and just above the pay floor `F*rewardFloorBps/BPS`, and at the cap. */
const floorEdges = (feePerGas: bigint, config: PoolConfig) => {
  const floor = (feePerGas * config.rewardFloorBps) / BPS
  const cap = (feePerGas * config.rewardCapBps) / BPS
  return [0n, 1n, floor - 1n, floor, floor + 1n, cap - 1n, cap, cap + 1n, MAX_REWARD_PER_GAS].filter(
    (r) => r >= 0n && r <= MAX_REWARD_PER_GAS,
  )
}
const feeEdges = [0n, 1n, 19n, 1_000_000_000n, 2n ** 32n - 1n, 2n ** 64n - 1n]
const stakeEdges = [0n, STAKE_UNIT - 1n, STAKE_UNIT, STAKE_UNIT + 1n, 10_000n * STAKE_UNIT, MAX_STAKE]

describe(`lib/pool-math equals PoolMath on chain (DIFFERENTIAL_SEED=${seed})`, () => {
  const h = () => deployed.harness.read

  it('quantiseStake', async () => {
    const inputs = [...stakeEdges, ...sample(stakeArb)]
    await agree(
      inputs,
      (stake) => h().quantiseStake([stake]),
      (stake) => quantiseStake({ stake }),
    )
  })

  it('effectiveRewardPerGas', async () => {
    const edges = feeEdges.flatMap((f) =>
      configs.flatMap((c) => floorEdges(f, c).map((r) => [[r, f], c] as const)),
    )
    const inputs = [...edges, ...sample(withConfig(fc.tuple(rewardPerGasArb, feePerGasArb)))]
    await agree(
      inputs,
      ([[r, f], config]) => h().effectiveRewardPerGas([r, f, config]),
      ([[rewardPerGas, feePerGas], config]) => effectiveRewardPerGas({ rewardPerGas, feePerGas }, config),
    )
  })

  it('weight', async () => {
    const edges = feeEdges.flatMap((f) =>
      configs.flatMap((c) =>
        floorEdges(f, c).flatMap((r) =>
          stakeEdges.flatMap((a) => [0n, 1n, 255n].map((cap) => [[a, r, cap, f], c] as const)),
        ),
      ),
    )
    const inputs = [
      ...edges,
      ...sample(withConfig(fc.tuple(stakeArb, rewardPerGasArb, capacityArb, feePerGasArb))),
    ]
    await agree(
      inputs,
      ([[a, r, cap, f], config]) => h().weight([a, r, cap, f, config]),
      ([[stake, rewardPerGas, capacity, feePerGas], config]) =>
        weight({ stake, rewardPerGas, capacity, feePerGas }, config),
    )
  })

  it('seedWeight', async () => {
    const inputs = [
      ...stakeEdges.flatMap((a) =>
        [0n, 1n, 2n, MAX_REWARD_PER_GAS].map((r) => [a, r, 1n, 1_000_000_000n] as const),
      ),
      ...sample(fc.tuple(stakeArb, rewardPerGasArb, capacityArb, feePerGasArb)),
    ]
    await agree(
      inputs,
      ([a, r, cap, f]) => h().seedWeight([a, r, cap, f]),
      ([stake, rewardPerGas, capacity, feePerGas]) =>
        seedWeight({ stake, rewardPerGas, capacity, feePerGas }),
    )
  })

  it('selectionSeed', async () => {
    const hash = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((bytes) => toHex(bytes))
    const inputs: (readonly [Hex, bigint])[] = [
      [`0x${'00'.repeat(32)}`, 0n],
      [`0x${'ff'.repeat(32)}`, 2n ** 256n - 1n],
      ...sample(fc.tuple(hash, fc.bigInt({ min: 0n, max: 2n ** 256n - 1n }))),
    ]
    await agree(
      inputs,
      ([parentHash, blockId]) => h().selectionSeed([parentHash, blockId]),
      ([parentHash, blockId]) => selectionSeed({ parentHash, blockId }),
    )
  })

  it('selectProver', async () => {
    const weights = fc.array(
      fc.oneof(fc.constant(0n), fc.bigInt({ min: 0n, max: 100n }), fc.bigInt({ min: 0n, max: 2n ** 200n })),
      { maxLength: 32 },
    )
    const inputs: (readonly [bigint[], bigint])[] = [
      [[], 5n],
      [[0n, 0n], 5n],
      [[0n, 5n, 0n, 3n], 7n],
      [[0n, 5n, 0n, 3n], 8n],
      ...sample(fc.tuple(weights, fc.bigInt({ min: 0n, max: 2n ** 256n - 1n }))),
    ]
    await agree(
      inputs,
      ([w, s]) => h().selectProver([w, s]),
      ([w, s]) => {
        const i = selectProver({ weights: w, seed: s })
        return i === null ? [false, 0n] : [true, BigInt(i)]
      },
    )
  })

  it('configBounds', async () => {
    // Valid configs and configs with one field anywhere in 0 … 2^40: cross-field bounds read it.
    const anyConfig = fc
      .tuple(configArb, fc.nat({ max: poolConfigKeys.length - 1 }), fc.bigInt({ min: 0n, max: 2n ** 40n }))
      .map(([config, k, value]) => ({ ...config, [poolConfigKeys[k]!]: value }))
    const inputs = sample(fc.tuple(fc.nat({ max: poolConfigKeys.length - 1 }), anyConfig))
    await agree(
      inputs,
      ([i, config]) => h().configBounds([BigInt(i), config]),
      ([i, config]) => {
        const { min, max } = configBounds(poolConfigKeys[i]!, config)
        return [min, max]
      },
    )
  })

  it('nextFeePerGas', async () => {
    const inputs = sample(withConfig(fc.tuple(feePerGasArb, feePerGasArb)))
    await agree(
      inputs,
      ([[f, r], config]) => h().nextFeePerGas([f, r, config]),
      ([[feePerGas, effectiveRewardPerGas], config]) =>
        nextFeePerGas({ feePerGas, effectiveRewardPerGas }, config),
    )
    // Small F next to R' (the one-wei step of Revision 2.6), with the default smoothing.
    const small = sample(
      fc.tuple(fc.bigInt({ min: 0n, max: 30_000n }), fc.bigInt({ min: -2_000n, max: 2_000n })),
    )
    await agree(
      small,
      ([f, d]) => h().nextFeePerGas([f, f + d < 0n ? 0n : f + d, defaultConfig]),
      ([f, d]) =>
        nextFeePerGas({ feePerGas: f, effectiveRewardPerGas: f + d < 0n ? 0n : f + d }, defaultConfig),
    )
  })

  it('nextAvgProofDelay', async () => {
    const inputs = sample(withConfig(fc.tuple(secondsArb, secondsArb)))
    await agree(
      inputs,
      ([[avg, delay], config]) => h().nextAvgProofDelay([avg, delay, config]),
      ([[avgProofDelay, delay], config]) => nextAvgProofDelay({ avgProofDelay, delay }, config),
    )
  })

  it('proofWindow', async () => {
    // avg in ms; the edges of the clamp (600 s / 5,400 s at ×3) and of the floor of avgMs·3/1000
    const edges = [
      0n,
      1n,
      199_999n,
      200_000n,
      200_333n,
      200_334n,
      201_000n,
      1_799_999n,
      1_800_000n,
      1_800_001n,
    ].map((avg) => [avg, defaultConfig] as const)
    const inputs = [...edges, ...sample(withConfig(secondsArb))]
    await agree(
      inputs,
      ([avg, config]) => h().proofWindow([avg, config]),
      ([avgProofDelayMs, config]) => proofWindow({ avgProofDelayMs }, config),
    )
  })

  it('proposalFee', async () => {
    const inputs = sample(fc.tuple(feePerGasArb, gasUsedArb))
    await agree(
      inputs,
      ([f, g]) => h().proposalFee([f, g]),
      ([feePerGas, gasUsed]) => proposalFee({ feePerGas, gasUsed }),
    )
  })

  it('proofReward', async () => {
    const kind = fc.constantFrom<ProofKind>('inWindow', 'open', 'late')
    const args = fc.record({
      kind,
      r: feePerGasArb,
      gas: gasUsedArb,
      delay: secondsArb,
      avg: secondsArb,
      emergency: fc.boolean(),
      batched: fc.boolean(),
    })
    // The performance tier edges (delay in s, avg in ms): 2·delay·1000 = avg, delay·1000 = avg, delay = avg + 1 s,
    // and the average one millisecond either side of them.
    const edges = [10n, 11n, 20n, 21n].flatMap((delay) =>
      [19_999n, 20_000n, 20_001n].flatMap((avg) =>
        [false, true].map(
          (b) =>
            [
              { kind: 'inWindow' as const, r: 3n, gas: 3n, delay, avg, emergency: false, batched: b },
              defaultConfig,
            ] as const,
        ),
      ),
    )
    const inputs = [...edges, ...sample(withConfig(args))]
    await agree(
      inputs,
      ([p, config]) =>
        h().proofReward([p.r, p.gas, p.delay, p.avg, p.kind === 'inWindow', p.emergency, p.batched, config]),
      ([p, config]) => {
        const r = proofReward(
          {
            kind: p.kind,
            rewardPerGas: p.r,
            gasUsed: p.gas,
            delay: p.delay,
            avgProofDelayMs: p.avg,
            stabilized: p.emergency || p.batched,
          },
          config,
        )
        return [r.base, r.performanceBonus, r.stabilizationBonus, r.total]
      },
    )
  })

  it('slashAmount', async () => {
    const inputs = [
      ...stakeEdges.flatMap((stake) =>
        [0n, 1n, stake / 400n, stake].map((base) => [[stake, base], defaultConfig] as const),
      ),
      ...sample(withConfig(fc.tuple(stakeArb, stakeArb))),
    ]
    await agree(
      inputs,
      ([[stake, base], config]) => h().slashAmount([stake, base, config]),
      ([[stake, baseReward], config]) => slashAmount({ stake, baseReward }, config),
    )
  })

  it('healthBps', async () => {
    const pair = fc
      .tuple(stakeArb, stakeArb)
      .map(([a, b]) => (a >= b ? ([a, b] as const) : ([b, a] as const)))
    const inputs = [[0n, 0n] as const, [3n, 1n] as const, [7n, 7n] as const, ...sample(pair)]
    await agree(
      inputs,
      ([deposited, slashed]) => h().healthBps([deposited, slashed]),
      ([deposited, slashed]) => healthBps({ deposited, slashed }),
    )
  })

  const backlogs = fc.oneof(fc.bigInt({ min: 0n, max: 1_000n }), backlogArb)

  it('minStake', async () => {
    const inputs = sample(withConfig(backlogs))
    await agree(
      inputs,
      ([b, config]) => h().minStake([b, config]),
      ([backlog, config]) => minStake({ backlog }, config),
    )
  })

  it('minCapacity', async () => {
    const inputs = sample(withConfig(backlogs))
    await agree(
      inputs,
      ([b, config]) => h().minCapacity([b, config]),
      ([backlog, config]) => minCapacity({ backlog }, config),
    )
  })

  it('batchSize', async () => {
    const edges = [0n, 127n, 128n, 129n, 256n, 257n, 10_000n].map((b) => [b, defaultConfig] as const)
    const inputs = [...edges, ...sample(withConfig(backlogs))]
    await agree(
      inputs,
      ([b, config]) => h().batchSize([b, config]),
      ([backlog, config]) => batchSize({ backlog }, config),
    )
  })
})
