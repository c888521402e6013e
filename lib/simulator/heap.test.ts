import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { EventQueue } from './heap'

type Item = { time: number; seq: number; tag: number }

describe('EventQueue', () => {
  it('pops by time, and in insertion order at equal times', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 200 }), (times) => {
        const q = new EventQueue<Item>()
        for (const [tag, time] of times.entries()) q.push({ time, tag })
        const out: number[] = []
        for (let item = q.pop(); item; item = q.pop()) out.push(item.tag)
        const expected = times
          .map((time, tag) => ({ time, tag }))
          .sort((a, b) => a.time - b.time || a.tag - b.tag)
        expect(out).toEqual(expected.map((e) => e.tag))
        expect(q.size).toBe(0)
      }),
    )
  })

  it('interleaves pushes and pops', () => {
    const q = new EventQueue<Item>()
    q.push({ time: 5, tag: 1 })
    q.push({ time: 1, tag: 2 })
    expect(q.peek()?.tag).toBe(2)
    expect(q.pop()?.tag).toBe(2)
    q.push({ time: 5, tag: 3 })
    q.push({ time: 3, tag: 4 })
    expect([q.pop()?.tag, q.pop()?.tag, q.pop()?.tag, q.pop()]).toEqual([4, 1, 3, undefined])
  })
})
