import type { InferInsertModel, InferSelectModel, Table } from 'drizzle-orm'
import type { ContractEventArgsFromTopics, ContractEventName, Hash } from 'viem'
import type { blockProtocolAbi } from '../../../contracts-abi/BlockProtocol'

type CoreAbi = typeof blockProtocolAbi

export type CoreEventName = ContractEventName<CoreAbi>

/**
 * One decoded log of the core, as Ponder hands it to an indexing function (the fields the handlers
 * use): its arguments typed by the ABI, where it happened, and the transaction it came in.
 */
export type CoreEvent<name extends CoreEventName> = {
  args: ContractEventArgsFromTopics<CoreAbi, name>
  block: { number: bigint; timestamp: bigint }
  log: { logIndex: number }
  transaction: { hash: Hash }
}

type Row<T extends Table> = InferSelectModel<T>
type NewRow<T extends Table> = InferInsertModel<T>
type Change<T extends Table> = Partial<NewRow<T>> | ((row: Row<T>) => Partial<NewRow<T>>)

/**
 * The part of Ponder's `context.db` (its indexing store) the handlers use: find, insert (with an upsert),
 * update by primary key. Ponder's store fulfils it in the indexer; test/indexer's PGlite/PostgreSQL store
 * fulfils it in the handler tests.
 */
export type Store = {
  find<T extends Table>(table: T, key: Partial<Row<T>>): Promise<Row<T> | null>
  insert<T extends Table>(
    table: T,
  ): {
    values(row: NewRow<T>): PromiseLike<unknown> & {
      onConflictDoNothing(): PromiseLike<unknown>
      onConflictDoUpdate(change: Change<T>): PromiseLike<unknown>
    }
  }
  update<T extends Table>(table: T, key: Partial<Row<T>>): { set(change: Change<T>): PromiseLike<unknown> }
}

export type Handler<name extends CoreEventName> = (db: Store, event: CoreEvent<name>) => Promise<void>

/** A log's id: unique per chain block and position. */
export function logId(event: CoreEvent<CoreEventName>): string {
  return `${event.block.number}-${event.log.logIndex}`
}

/** UTC day number of a unix timestamp (seconds). */
export function dayOf(timestamp: bigint): number {
  return Number(timestamp / 86_400n)
}
