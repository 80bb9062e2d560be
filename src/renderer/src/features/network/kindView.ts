import type { ApiClient } from '@shared/api/ApiClient'
import type { IndexKind } from '@shared/api/events'
import type { UndoReceipt } from '@shared/api/networkCommon'
import type { RpcResult } from '@shared/errors'
import type { RecordKind, RecordOf } from '@shared/network/records'
import type { ReactNode } from 'react'
import type { NetworkSection } from '../../app/route'
import type { KindForm } from './formSpec'
import type { Show } from './trash'
import type { LoadPage } from './usePagedRows'

/**
 * Everything the generic list/detail/form view needs to show one kind of record:
 * its words, its form, and the contract methods that list, read, save and delete it.
 */
export interface KindView<K extends RecordKind, Row, Detail> {
  section: NetworkSection
  /** "Communities" (list heading and navbar). */
  plural: string
  /** "community" (in messages). */
  singular: string
  form: KindForm<K>
  /** Index changes of these kinds refresh the list and the open record. */
  indexKinds: IndexKind[]
  /** The list's pages for a filter text, of current or deleted records. */
  list: (query: string, show: Show) => LoadPage<Row>
  rowId: (row: Row) => string
  renderRow: (row: Row) => ReactNode
  rowHeight: number
  get: (api: ApiClient, id: string) => Promise<RpcResult<Detail>>
  recordOf: (detail: Detail) => RecordOf<K>
  titleOf: (record: RecordOf<K>) => string
  create: (api: ApiClient, fields: Record<string, unknown>) => Promise<RpcResult<Detail>>
  update: (api: ApiClient, id: string, patch: Record<string, unknown>) => Promise<RpcResult<Detail>>
  remove: (api: ApiClient, id: string) => Promise<RpcResult<UndoReceipt>>
  /** Brings a deleted record back. */
  restore: (api: ApiClient, id: string) => Promise<RpcResult<unknown>>
  /** The row's name in the trash (e.g. "Restore “Maths PLC”"). */
  rowTitle: (row: Row) => string
  /** What the kind shows beyond its fields (progress, attendees, engagement log). */
  renderExtra?: (detail: Detail) => ReactNode
  /** Buttons under the list's filter (e.g. export to a calendar). */
  renderListActions?: () => ReactNode
  /** Buttons beside Edit and Delete. */
  renderActions?: (detail: Detail) => ReactNode
  /** Fields the extra part shows its own way. */
  skipFields?: string[]
  emptyHint: string
}

// The views are stored side by side in one table, so their row and detail types are erased there.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyKindView = KindView<any, any, any>
