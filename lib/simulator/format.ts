import type { SimulationResult } from './result'
import type { Scenario } from './scenario'

const WEI_PER_TKO = 10n ** 18n

/** Wei as TKO with `digits` decimals (string math: exact for any size). */
export function tko(wei: string | bigint, digits = 2): string {
  const v = BigInt(wei)
  const sign = v < 0n ? '-' : ''
  const a = v < 0n ? -v : v
  const scale = 10n ** BigInt(digits)
  const rounded = (a * scale + WEI_PER_TKO / 2n) / WEI_PER_TKO
  const whole = (rounded / scale).toLocaleString('en-US')
  return digits === 0
    ? `${sign}${whole}`
    : `${sign}${whole}.${(rounded % scale).toString().padStart(digits, '0')}`
}

/** Wei per gas as gwei with 4 decimals. */
export function gwei(wei: string | bigint): string {
  return (Number(BigInt(wei)) / 1e9).toFixed(4)
}

export function percent(part: number, whole: number, digits = 1): string {
  return whole === 0 ? '—' : `${((100 * part) / whole).toFixed(digits)} %`
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  const line = (r: string[]) =>
    r.map((c, i) => (i <= 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n')
}

/** The CLI's readable summary: the run's totals, then one row per prover (the first 64). */
export function formatResult(r: SimulationResult, scenario: Scenario): string {
  const perBlock = r.blocks > 0 ? (r.redundantProofs / r.blocks).toFixed(2) : '—'
  const lines = [
    `${scenario.name} — design ${r.scenario.design}, weight ${r.scenario.weight}, seed ${r.scenario.seed}, ${r.scenario.provers} provers`,
    '',
    `blocks proposed        ${r.blocks.toLocaleString('en-US')} (${r.refusedProposals} refused: too many open blocks), ${(r.simulatedSeconds / 3_600).toFixed(1)} h simulated`,
    `proofs submitted       ${r.proofsSubmitted.toLocaleString('en-US')}, redundant ${r.redundantProofs.toLocaleString('en-US')} (${perBlock} per block)`,
    `open blocks            ${r.openBlocks.toLocaleString('en-US')} (${r.emergencyBlocks.toLocaleString('en-US')} in emergency mode, ${r.emergencyEpisodes.length} episodes)`,
    `late proofs, slashes   ${r.lateProofs}, ${r.slashes}`,
    `unproven at the end    ${r.unprovenBlocks}`,
    `fee per gas at the end ${gwei(r.finalFeePerGas)} gwei`,
    `treasury (TKO)         start ${tko(r.treasury.start, 4)}, end ${tko(r.treasury.end, 4)}, lowest ${tko(r.treasury.min, 4)}, owed ${tko(r.treasury.owed, 4)}`,
    `treasury emptied       ${
      r.treasury.firstEmptied
        ? `${r.treasury.emptied} times, first at block ${r.treasury.firstEmptied.block.toLocaleString('en-US')} (hour ${r.treasury.firstEmptied.hours.toFixed(1)})`
        : 'never'
    }`,
    `rewards paid           ${tko(r.rewardsPaid, 4)} TKO`,
    `batches                largest ${r.batches.largest}; ${Object.entries(r.batches.sizes)
      .map(([size, n]) => `${n}×${size}`)
      .join(', ')}`,
  ]
  if (Object.keys(r.unexpectedReverts).length > 0)
    lines.push(`unexpected reverts     ${JSON.stringify(r.unexpectedReverts)}`)
  if (r.underbidding)
    lines.push(
      `underbidder            ${r.underbidding.underbidderBlocks} blocks vs ${r.underbidding.peerMeanBlocks.toFixed(1)} per peer: ${r.underbidding.ratio.toFixed(2)}×`,
    )
  const won = (p: SimulationResult['provers'][number]) =>
    r.scenario.design === 'pool' ? p.blocksAssigned : p.blocksProven
  const totalWon = r.provers.reduce((n, p) => n + won(p), 0)
  const totalStake = r.provers.reduce((n, p) => n + BigInt(p.initialStake), 0n)
  const rows = r.provers
    .slice(0, 64)
    .map((p) => [
      `${p.id}${p.underbidder ? '*' : ''}`,
      p.label,
      p.status,
      tko(p.initialStake, 0),
      percent(Number((BigInt(p.initialStake) * 1_000_000n) / (totalStake || 1n)), 1_000_000),
      gwei(p.rewardPerGas),
      String(p.blocksAssigned),
      String(p.blocksProven),
      percent(won(p), totalWon),
      String(p.redundantProofs),
      String(p.slashes),
      `${(p.healthBps / 100).toFixed(1)} %`,
      tko(p.rewards, 4),
    ])
  lines.push(
    '',
    table(
      [
        'id',
        'label',
        'status',
        'stake TKO',
        'stake %',
        'R gwei',
        'assigned',
        'proven',
        'blocks %',
        'wasted',
        'slashes',
        'health',
        'rewards TKO',
      ],
      rows,
    ),
  )
  if (r.provers.length > 64) lines.push(`… and ${r.provers.length - 64} more provers (--json lists all)`)
  if (r.provers.some((p) => p.underbidder)) lines.push('* underbidder')
  return lines.join('\n')
}
