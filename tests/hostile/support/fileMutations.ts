import fc from 'fast-check'

/**
 * Byte- and text-level damage any import file can suffer on its way to Staffroom: cut short,
 * bits flipped, saved in the wrong encoding, invalid UTF-8 pasted in, lines lost or repeated.
 * Each mutation is plain data (so fast-check prints and shrinks a failing case to something
 * readable) and `applyMutation` turns it into bytes. Format-specific damage (giant fields, deep
 * nesting, required fields removed) lives with each format and uses the `text` kind below.
 */
export type Mutation =
  | { kind: 'truncate'; atPerMille: number }
  | { kind: 'flip'; flips: Array<{ atPerMille: number; byte: number }> }
  | { kind: 'invalid-utf8'; atPerMille: number; sequence: number[] }
  | { kind: 'encode'; as: Encoding }
  | { kind: 'duplicate-lines'; atPerMille: number; count: number; times: number }
  | { kind: 'delete-lines'; atPerMille: number; count: number }
  | { kind: 'text'; name: string; edit: (text: string) => string }

export type Encoding = 'utf16le-bom' | 'utf16le' | 'utf16be-bom' | 'utf16be' | 'latin1' | 'utf8-bom'

/** Byte sequences no UTF-8 decoder accepts: lone continuation, overlong, surrogate, truncated, 0xFF. */
const invalidUtf8 = [[0x80], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xe2, 0x82], [0xff], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xc3, 0x28]]

const perMille = fc.integer({ min: 0, max: 1000 })

export const genericMutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), atPerMille: perMille }),
  fc.record({ kind: fc.constant('flip' as const), flips: fc.array(fc.record({ atPerMille: perMille, byte: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 8 }) }),
  fc.record({ kind: fc.constant('invalid-utf8' as const), atPerMille: perMille, sequence: fc.constantFrom(...invalidUtf8) }),
  fc.record({ kind: fc.constant('encode' as const), as: fc.constantFrom<Encoding>('utf16le-bom', 'utf16le', 'utf16be-bom', 'utf16be', 'latin1', 'utf8-bom') }),
  fc.record({ kind: fc.constant('duplicate-lines' as const), atPerMille: perMille, count: fc.integer({ min: 1, max: 6 }), times: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('delete-lines' as const), atPerMille: perMille, count: fc.integer({ min: 1, max: 4 }) }),
)

/** Only damage that keeps a binary file binary (no line or encoding games). */
export const byteMutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), atPerMille: perMille }),
  fc.record({ kind: fc.constant('flip' as const), flips: fc.array(fc.record({ atPerMille: perMille, byte: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 8 }) }),
)

/** A named text edit, printed by its name when fast-check reports a counterexample. */
export function textEdit(name: string, edit: (text: string) => string): Mutation {
  const mutation: Mutation = { kind: 'text', name, edit }
  Object.defineProperty(mutation, 'toString', { value: () => `text(${name})`, enumerable: false })
  return mutation
}

/** Applies mutations in order; text-level ones read the bytes as UTF-8 (already damaged or not). */
export function applyMutations(seed: Uint8Array, mutations: readonly Mutation[]): Uint8Array {
  return mutations.reduce<Uint8Array>((bytes, mutation) => applyMutation(bytes, mutation), seed)
}

export function applyMutation(bytes: Uint8Array, mutation: Mutation): Uint8Array {
  const at = (perMille: number) => Math.min(bytes.length, Math.floor((bytes.length * perMille) / 1000))
  switch (mutation.kind) {
    case 'truncate':
      return bytes.slice(0, at(mutation.atPerMille))
    case 'flip': {
      // A copy (Buffer's slice() is a view): the seed must stay intact for the next trial.
      const out = Uint8Array.from(bytes)
      for (const flip of mutation.flips) if (out.length > 0) out[Math.min(out.length - 1, at(flip.atPerMille))] = flip.byte
      return out
    }
    case 'invalid-utf8': {
      const cut = at(mutation.atPerMille)
      return Buffer.concat([bytes.subarray(0, cut), Uint8Array.from(mutation.sequence), bytes.subarray(cut)])
    }
    case 'encode':
      return encode(utf8(bytes), mutation.as)
    case 'duplicate-lines':
      return editLines(bytes, mutation.atPerMille, (lines, index) => lines.splice(index, 0, ...Array.from({ length: mutation.times }, () => lines.slice(index, index + mutation.count)).flat()))
    case 'delete-lines':
      return editLines(bytes, mutation.atPerMille, (lines, index) => lines.splice(index, mutation.count))
    case 'text':
      return Buffer.from(mutation.edit(utf8(bytes)), 'utf8')
  }
}

function editLines(bytes: Uint8Array, atPerMille: number, edit: (lines: string[], index: number) => void): Uint8Array {
  const lines = utf8(bytes).split('\n')
  edit(lines, Math.floor((lines.length * atPerMille) / 1001))
  return Buffer.from(lines.join('\n'), 'utf8')
}

export function utf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes)
}

/** The text in another encoding; Latin-1 loses what it cannot hold (as a real "Save as" would, with '?'). */
export function encode(text: string, as: Encoding): Uint8Array {
  const le = () => Buffer.from(text, 'utf16le')
  const be = () => le().swap16()
  switch (as) {
    case 'utf16le-bom':
      return Buffer.concat([Uint8Array.from([0xff, 0xfe]), le()])
    case 'utf16le':
      return le()
    case 'utf16be-bom':
      return Buffer.concat([Uint8Array.from([0xfe, 0xff]), be()])
    case 'utf16be':
      return be()
    case 'latin1':
      return Buffer.from([...text].map((c) => (c.charCodeAt(0) > 0xff ? '?' : c)).join(''), 'latin1')
    case 'utf8-bom':
      return Buffer.concat([Uint8Array.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])
  }
}

/** Field sizes just under, at and just over the limits a field meets (src/shared/limits.ts and the record schemas). */
export const limitSizes = [39, 40, 41, 199, 200, 201, 299, 300, 301, 500, 501, 19_999, 20_000, 20_001, 199_999, 200_000, 200_001, 500_001] as const
export const giantSize = fc.constantFrom(...limitSizes)

/** How a mutated file is described in a failure message: its mutations, without the edit functions. */
export function describeMutations(mutations: readonly Mutation[]): string {
  return mutations.map((m) => (m.kind === 'text' ? `text(${m.name})` : JSON.stringify(m))).join(' → ')
}
