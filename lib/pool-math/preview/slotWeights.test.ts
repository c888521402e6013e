import { describe, expect, it } from 'vitest'
import { alice, bob, carol, newModel, stake } from '../model/testing'
import { slotWeights } from './slotWeights'

describe('slotWeights', () => {
  it('puts each weight at its slot index, empty slots 0, slotless provers left out', () => {
    expect(
      slotWeights([
        { slot: 3n, weight: 7n },
        { slot: 1n, weight: 5n },
        { slot: 0n, weight: 9n },
      ]),
    ).toEqual([5n, 0n, 7n])
    expect(slotWeights([])).toEqual([])
  })

  it('gives back the model’s weights from its lens read', () => {
    const model = newModel()
    for (const p of [alice, bob, carol]) stake(model, p)
    expect(slotWeights(model.lens().provers)).toEqual(model.weights().slice(0, 3))
  })
})
