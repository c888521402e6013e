/**
 * Scenario director: walks the chosen scenario's phases, setting the conditions the other bots read,
 * and moves on when a phase's end condition (time, or emergency mode on/off) is met.
 */
import { bold, event } from '../log'
import type { Network } from '../network'
import type { Phase, Scenario } from '../scenarios'

export function startScenario(network: Network, scenario: Scenario): void {
  let index = -1
  let phaseStarted = 0
  /** Emergency state and switch counts when the phase began (to end on the logged event, not before). */
  let atStart = { emergency: false, on: 0, off: 0 }

  const enter = (i: number) => {
    const phase = scenario.phases[i] as Phase
    index = i
    phaseStarted = Date.now()
    atStart = {
      emergency: network.hasPool && network.pool.emergency,
      on: network.stats.emergencyOn,
      off: network.stats.emergencyOff,
    }
    network.conditions = phase.conditions
    network.phase = scenario.phases.length > 1 ? `${scenario.name}/${phase.name}` : phase.name
    if (scenario.phases.length > 1) event('scenario', `${bold(phase.name)}: ${phase.says}`)
  }
  enter(0)

  network.scheduler.add({
    name: 'scenario',
    periodMs: () => 1_000,
    run: async () => {
      const phase = scenario.phases[index]
      if (!phase || index >= scenario.phases.length - 1 || !network.hasPool) return
      const elapsed = Date.now() - phaseStarted
      const { end } = phase
      let done = false
      if (end.kind === 'after') done = elapsed >= end.ms
      if (end.kind === 'emergency') {
        const pool = network.pool
        // Wait for the watcher to have logged the switch, so the log reads in order.
        const switched = end.active
          ? network.stats.emergencyOn > atStart.on
          : network.stats.emergencyOff > atStart.off
        const reached =
          pool.emergency === end.active &&
          (switched || atStart.emergency === end.active) &&
          (end.maxBacklog === undefined || pool.backlog <= BigInt(end.maxBacklog))
        if (!reached && elapsed >= end.timeoutMs) {
          event(
            'scenario',
            `${phase.name}: emergency did not turn ${end.active ? 'on' : 'off'} within ${end.timeoutMs / 1000} s, moving on`,
          )
        }
        done = reached || elapsed >= end.timeoutMs
      }
      if (done) enter(index + 1)
    },
  })
}
