import { formatInteger } from '@/lib/format/decimal'
import { formatBps } from '@/lib/format/percent'
import { nextFeePerGas } from '@/lib/pool-math/nextFeePerGas'
import { rewardPerGasBand } from '@/lib/pool-math/rewardPerGasBand'
import type { PoolView } from '@/lib/pool-math/types'

/**
 * How F moves, with the live parameters: a moving average of the rewards of proofs delivered in time.
 */
export function FeeExplainer({ pool }: { pool: PoolView }) {
  const c = pool.config
  const n = c.feeSmoothing
  // Proofs for F to cover half the distance to a steady R': ln 2 / -ln(1 - 1/n).
  const halfLife = Math.round(Math.log(2) / -Math.log(1 - 1 / Number(n)))
  // The largest step one proof can make: R' at the cap.
  const F = pool.feePerGas
  const { cap } = rewardPerGasBand({ feePerGas: F }, c)
  const up = nextFeePerGas({ feePerGas: F, effectiveRewardPerGas: cap }, c)
  const maxStep = F > 0n ? (Number(up - F) / Number(F)) * 100 : 0
  return (
    <div className="space-y-3 text-slate-800">
      <p>
        Proposers pay <strong>fee per gas × gas used</strong> when they propose a block. The fee per gas{' '}
        <em>F</em> is a moving average of what assigned provers are paid per gas:
      </p>
      <p className="rounded-md bg-slate-100 px-3 py-2 font-mono text-sm">
        F ← (F × ({formatInteger(n)} − 1) + R′) / {formatInteger(n)}
      </p>
      <ul className="list-disc space-y-1 pl-5">
        <li>
          <strong>feeSmoothing = {formatInteger(n)}</strong>: each proof moves F by 1/{formatInteger(n)} of
          the gap between F and that block&apos;s R′. About {formatInteger(halfLife)} proofs close half of any
          gap, so one prover cannot jerk the price.
        </li>
        <li>
          R′ is the assigned prover&apos;s stated reward per gas R, clamped to{' '}
          {formatBps(c.rewardFloorBps, 0)}–{formatBps(c.rewardCapBps, 0)} of F. F therefore moves at most{' '}
          {maxStep.toFixed(4)} % per proof.
        </li>
        <li>
          F moves only when the assigned prover proves <strong>inside its window</strong>. Open blocks and
          late proofs (paid {formatBps(c.openRewardBps, 0)} of the base reward) leave it alone.
        </li>
        <li>
          Provers bidding below F pull it down; bidding above pulls it up. Bidding below the{' '}
          {formatBps(c.rewardFloorBps, 0)} floor buys no extra selection weight.
        </li>
      </ul>
    </div>
  )
}
