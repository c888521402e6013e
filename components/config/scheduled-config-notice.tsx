import { Notice } from '@/components/ui/notice'
import { configFieldLabel, formatConfigValue } from '@/lib/format/config'
import { formatRelative, formatTimestamp } from '@/lib/format/time'
import { poolConfigKeys } from '@/lib/pool-math/config-keys'
import type { PoolView } from '@/lib/pool-math/types'

/**
 * What `ScheduledConfig` shows (its own chunk: the field labels and formats load only on a page that
 * has something to say): the scheduled change, or how far ahead changes are announced.
 */
export default function ScheduledConfigNotice({ pool }: { pool: PoolView }) {
  // The lens reports "nothing scheduled" as `pendingConfigAt` 0 (and an all-zero `pendingConfig`).
  if (pool.pendingConfigAt === 0n) {
    return (
      <p className="text-sm text-slate-700">
        No config change is scheduled (version {pool.configVersion.toString()} is in force). Changes are
        announced at least {formatConfigValue('configDelay', pool.config.configDelay)} before they can apply.
      </p>
    )
  }
  const pending = pool.pendingConfig
  const activatesAt = pool.pendingConfigAt
  const changes = poolConfigKeys.filter((key) => pending[key] !== pool.config[key])
  const due = activatesAt <= pool.chainTimestamp
  return (
    <Notice tone="warning" title="A config change is scheduled">
      <p>
        {due
          ? `It may be applied now (due since ${formatTimestamp(activatesAt)}); anyone can apply it.`
          : `It can apply ${formatRelative(activatesAt, pool.chainTimestamp)} (${formatTimestamp(activatesAt)}), not before.`}{' '}
        Blocks proposed before then keep the windows, rewards and slashes of version{' '}
        {pool.configVersion.toString()}.
      </p>
      {changes.length === 0 ? (
        <p>It changes no value.</p>
      ) : (
        <table className="mt-2 text-sm">
          <caption className="sr-only">Scheduled config changes</caption>
          <thead>
            <tr className="text-left">
              <th scope="col" className="pr-4 font-medium">
                Parameter
              </th>
              <th scope="col" className="pr-4 font-medium">
                Now
              </th>
              <th scope="col" className="font-medium">
                Scheduled
              </th>
            </tr>
          </thead>
          <tbody>
            {changes.map((key) => (
              <tr key={key}>
                <th scope="row" className="pr-4 text-left font-normal">
                  {configFieldLabel(key)}
                </th>
                <td className="pr-4 tabular">{formatConfigValue(key, pool.config[key])}</td>
                <td className="tabular font-medium">{formatConfigValue(key, pending[key])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Notice>
  )
}
