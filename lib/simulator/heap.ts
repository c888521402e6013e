/** One scheduled happening of the simulation; `seq` breaks ties in time by insertion order (determinism). */
export type Scheduled = { time: number; seq: number }

/** A binary min-heap on `(time, seq)`: the event queue of the simulator. */
export class EventQueue<T extends Scheduled> {
  #items: T[] = []
  #seq = 0

  get size(): number {
    return this.#items.length
  }

  /** Adds `item`, stamping its `seq`. */
  push(item: Omit<T, 'seq'>): void {
    const entry = item as T
    entry.seq = this.#seq++
    const items = this.#items
    let i = items.length
    items.push(entry)
    while (i > 0) {
      const parent = (i - 1) >> 1
      const p = items[parent]!
      if (!before(entry, p)) break
      items[i] = p
      i = parent
    }
    items[i] = entry
  }

  /** The earliest item without removing it. */
  peek(): T | undefined {
    return this.#items[0]
  }

  /** Removes and returns the earliest item. */
  pop(): T | undefined {
    const items = this.#items
    const top = items[0]
    const last = items.pop()
    if (top === undefined || last === undefined || items.length === 0) return top
    let i = 0
    const n = items.length
    for (;;) {
      const left = 2 * i + 1
      if (left >= n) break
      const right = left + 1
      const child = right < n && before(items[right]!, items[left]!) ? right : left
      if (!before(items[child]!, last)) break
      items[i] = items[child]!
      i = child
    }
    items[i] = last
    return top
  }
}

function before(a: Scheduled, b: Scheduled): boolean {
  return a.time < b.time || (a.time === b.time && a.seq < b.seq)
}
