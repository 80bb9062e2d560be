import { z } from 'zod'
import { parseDeviceId } from './deviceId'

/**
 * What an invite carries, as a code to paste, a staffroom:// link or a QR code: who invites
 * (device id and a name to show), where to knock (pairing addresses, optional relay), the
 * single-use secret, when it expires, and what is shared.
 */
export interface InvitePayload {
  version: 1
  deviceId: string
  name: string
  addresses: string[]
  relay?: string
  secret: string
  expiresAt: number
  relation: 'own' | 'contact'
  shares: Array<{ title: string }>
}

const prefix = 'SR1.'
export const inviteLinkPrefix = 'staffroom://invite/'

const hostPort = z.string().regex(/^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]{1,253}):\d{1,5}$/)

const wire = z
  .object({
    v: z.literal(1),
    d: z.string().refine((id) => parseDeviceId(id) === id),
    n: z.string().max(200),
    a: z.array(hostPort).min(1).max(8),
    r: z.string().url().max(500).optional(),
    s: z.string().regex(/^[A-Z2-7]{26}$/),
    e: z.number().int().positive(),
    k: z.enum(['own', 'contact']),
    h: z.array(z.string().max(200)).max(100),
  })
  .strict()

export class InviteCodeError extends Error {}

export function encodeInvite(invite: InvitePayload): string {
  const body = { v: 1, d: invite.deviceId, n: invite.name, a: invite.addresses, ...(invite.relay ? { r: invite.relay } : {}), s: invite.secret, e: invite.expiresAt, k: invite.relation, h: invite.shares.map((s) => s.title) }
  return prefix + Buffer.from(JSON.stringify(body)).toString('base64url')
}

export function inviteLink(invite: InvitePayload): string {
  return inviteLinkPrefix + encodeInvite(invite)
}

/** Reads a code, a link, or either with stray spaces or line breaks from a chat app. */
export function parseInvite(text: string): InvitePayload {
  let code = text.replace(/\s+/g, '')
  if (code.startsWith(inviteLinkPrefix)) code = code.slice(inviteLinkPrefix.length)
  if (!code.startsWith(prefix) || code.length > 4_000) throw new InviteCodeError('This is not a Staffroom invite code. Copy the whole code, starting with “SR1.”.')
  let parsed: z.infer<typeof wire>
  try {
    parsed = wire.parse(JSON.parse(Buffer.from(code.slice(prefix.length), 'base64url').toString('utf8')))
  } catch {
    throw new InviteCodeError('This invite code is damaged or incomplete. Copy it again, whole, or ask for a new one.')
  }
  return { version: 1, deviceId: parsed.d, name: parsed.n, addresses: parsed.a, ...(parsed.r ? { relay: parsed.r } : {}), secret: parsed.s, expiresAt: parsed.e, relation: parsed.k, shares: parsed.h.map((title) => ({ title })) }
}
