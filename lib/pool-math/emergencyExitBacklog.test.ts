import { describe, expect, it } from 'vitest'
import { defaultConfig, demoConfig } from './config'
import { emergencyExitBacklog } from './emergencyExitBacklog'

describe('emergencyExitBacklog', () => {
  it('is a quarter of the congestion backlog, rounded down', () => {
    expect(emergencyExitBacklog(defaultConfig)).toBe(64n)
    expect(emergencyExitBacklog(demoConfig)).toBe(8n)
    expect(emergencyExitBacklog({ congestionBacklog: 7n })).toBe(1n)
    expect(emergencyExitBacklog({ congestionBacklog: 3n })).toBe(0n)
  })
})
