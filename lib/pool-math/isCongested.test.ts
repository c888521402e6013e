import { describe, expect, it } from 'vitest'
import { demoConfig } from './config'
import { emergencyExitBacklog } from './emergencyExitBacklog'
import { isCongested } from './isCongested'

describe('isCongested', () => {
  it('is on from the congestion backlog up, and off again well before emergency mode may end', () => {
    expect(isCongested({ backlog: demoConfig.congestionBacklog - 1n }, demoConfig)).toBe(false)
    expect(isCongested({ backlog: demoConfig.congestionBacklog }, demoConfig)).toBe(true)
    expect(isCongested({ backlog: emergencyExitBacklog(demoConfig) }, demoConfig)).toBe(false)
  })
})
