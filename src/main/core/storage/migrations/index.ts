import { migration0001 } from './0001_storage_and_meta'
import { migration0002 } from './0002_notes_index'
import { migration0003 } from './0003_network_index'
import { migration0004 } from './0004_sync_devices'
import { migration0005 } from './0005_document_members'
import { migration0006 } from './0006_invites'
import { migration0007 } from './0007_relayed_documents'
import { migration0008 } from './0008_share_lists'
import { migration0009 } from './0009_space_seen'
import { migration0010 } from './0010_reflection_index'
import type { Migration } from './Migration'

/** Every schema step, in order; append only, never edit a released one. */
export const migrations: readonly Migration[] = [migration0001, migration0002, migration0003, migration0004, migration0005, migration0006, migration0007, migration0008, migration0009, migration0010]
