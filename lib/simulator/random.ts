/**
 * The simulator's only source of randomness: a seeded `sfc32` generator (small, fast, passes PractRand), so
 * a scenario with the same seed replays draw for draw in Node and in the browser.
 */
export class Random {
  #a: number
  #b: number
  #c: number
  #d: number
  #spare: number | null = null

  /**
   * `stream` separates independent sequences of one seed (demand, population, proving, selection), so that
   * changing how one is used (another design, more provers) leaves the others' draws as they were.
   */
  constructor(seed: number, stream = 0) {
    // splitmix32 spreads a small integer seed over the four words of state.
    let s = (seed ^ Math.imul(stream, 0x632be5ab)) >>> 0
    const next = () => {
      s = (s + 0x9e3779b9) >>> 0
      let z = s
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
      return (z ^ (z >>> 16)) >>> 0
    }
    this.#a = next()
    this.#b = next()
    this.#c = next()
    this.#d = next()
    for (let i = 0; i < 12; i++) this.uint32()
  }

  /** A uniform 32-bit unsigned integer. */
  uint32(): number {
    const t = (((this.#a + this.#b) >>> 0) + this.#d) >>> 0
    this.#d = (this.#d + 1) >>> 0
    this.#a = this.#b ^ (this.#b >>> 9)
    this.#b = (this.#c + (this.#c << 3)) >>> 0
    this.#c = (this.#c << 21) | (this.#c >>> 11)
    this.#c = (this.#c + t) >>> 0
    return t
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.uint32() / 4_294_967_296
  }

  /** A standard normal draw (Box–Muller; the second value of each pair is kept for the next call). */
  normal(): number {
    if (this.#spare !== null) {
      const z = this.#spare
      this.#spare = null
      return z
    }
    let u = this.next()
    while (u === 0) u = this.next()
    const v = this.next()
    const r = Math.sqrt(-2 * Math.log(u))
    this.#spare = r * Math.sin(2 * Math.PI * v)
    return r * Math.cos(2 * Math.PI * v)
  }

  /** An exponential draw with the given mean. */
  exponential(mean: number): number {
    return -Math.log(1 - this.next()) * mean
  }

  /** A uniform 256-bit number (a selection seed). */
  uint256(): bigint {
    let x = 0n
    for (let i = 0; i < 8; i++) x = (x << 32n) | BigInt(this.uint32())
    return x
  }

  /** 32 random bytes as a 0x-prefixed hex string (a parent hash). */
  bytes32(): `0x${string}` {
    let hex = '0x'
    for (let i = 0; i < 8; i++) hex += this.uint32().toString(16).padStart(8, '0')
    return hex as `0x${string}`
  }
}
