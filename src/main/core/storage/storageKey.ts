import type { StorageKey } from '@automerge/automerge-repo'

/**
 * A storage key as one text: each part URI-encoded (so it never contains '/') and the parts
 * joined by '/'. Keys that start with a prefix then form one contiguous range of the index.
 */
export function encodeStorageKey(key: StorageKey): string {
  return key.map((part) => encodeURIComponent(part)).join('/')
}

export function decodeStorageKey(text: string): StorageKey {
  return text.split('/').map((part) => decodeURIComponent(part))
}

/**
 * The index range holding the prefix itself and every key below it:
 * `key = exact OR (key >= exact + '/' AND key < exact + '0')`, '0' being the character after '/'.
 */
export function storageKeyRange(prefix: StorageKey): { exact: string; from: string; to: string } {
  const exact = encodeStorageKey(prefix)
  return { exact, from: `${exact}/`, to: `${exact}0` }
}
