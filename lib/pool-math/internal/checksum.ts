import { type Address, getAddress } from 'viem'

const cache = new Map<string, Address>()

/**
 * `getAddress` (EIP-55 checksum, throws on a malformed address), memoised: the model normalises every
 * address it is given, and a checksum costs a keccak. Addresses are few (stakers, proposers), so the cache stays small.
 */
export function checksum(address: string): Address {
  let a = cache.get(address)
  if (a === undefined) {
    a = getAddress(address)
    cache.set(address, a)
  }
  return a
}
