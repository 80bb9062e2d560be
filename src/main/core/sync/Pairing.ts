import { X509Certificate } from 'node:crypto'
import { networkInterfaces } from 'node:os'
import { z } from 'zod'
import type { CoreSync } from './CoreSync'
import { deviceIdOfCertificate } from './deviceId'
import { encodeInvite, inviteLink, parseInvite, type InvitePayload } from './inviteCode'
import type { InviteShare, InviteStore } from './InviteStore'
import { PairingListener, type PairRequest, type PairResponse } from './PairingListener'
import { PairingUnreachable, requestPairing } from './requestPairing'
import type { Relay } from './Relay'
import type { ShareLists } from './ShareLists'
import type { TrustedDevice } from './TrustedDevices'

export class InviteError extends Error {
  constructor(
    readonly code: 'invite-invalid' | 'invite-used' | 'invite-expired' | 'invite-unreachable' | 'invite-self',
    message: string,
  ) {
    super(message)
  }
}

const pairBody = z.object({ secret: z.string().regex(/^[A-Z2-7]{26}$/), name: z.string().min(1).max(200) }).strict()
const pairAnswer = z
  .object({
    certificatePem: z.string().max(10_000),
    name: z.string().max(200),
    syncPort: z.number().int().min(1).max(65_535),
    shares: z
      .array(
        z
          .object({
            documentId: z.string().max(100),
            url: z.string().max(200),
            title: z.string().max(200),
            role: z.enum(['owner', 'editor', 'viewer']),
            /** The inviter syncs this share through its relay (the invite's `relay`). */
            relayed: z.boolean(),
          })
          .strict(),
      )
      .max(100),
    workspaceUrl: z.string().max(200).optional(),
    shareListUrl: z.string().max(200).optional(),
  })
  .strict()

export interface AcceptedInvite {
  device: TrustedDevice
  shares: Array<{ documentId: string; url: string; title: string; relayed: boolean }>
  /** For an own device: the inviter's workspace, which this device should adopt. */
  workspaceUrl?: string
}

/**
 * Invites and their acceptance. The inviter opens a pairing door next to the sync port; the
 * invitee proves the secret there with its certificate; both sides then pin each other, the
 * invitee is made a member of what was shared, and they sync over the mutual-TLS link.
 */
export class Pairing {
  private listener: PairingListener | undefined
  private pairingPort: number | undefined
  private relay: Relay | undefined
  private shareLists: ShareLists | undefined
  private pairingHost = '0.0.0.0'

  constructor(
    private readonly sync: Pick<CoreSync, 'identity' | 'trusted' | 'members' | 'service'>,
    private readonly invites: InviteStore,
    private readonly describe: { deviceName: () => string; workspaceUrl: () => string; urlOf: (documentId: string) => string },
  ) {}

  /** Opens the pairing door (the sync listener must be up: its port goes into every answer). */
  async listen({ port = 0, host = '0.0.0.0' }: { port?: number; host?: string } = {}): Promise<number> {
    this.listener = new PairingListener(this.sync.identity, (request) => this.answer(request))
    this.pairingPort = await this.listener.listen(port, host)
    this.pairingHost = host
    return this.pairingPort
  }

  async close(): Promise<void> {
    await this.listener?.close()
    this.listener = undefined
    this.pairingPort = undefined
  }

  /** Where shares marked `relay` are relayed: the inviter marks them, the invitee follows the answer's `relayed`. */
  useRelay(relay: Relay): void {
    this.relay = relay
  }

  /** Where each pair of colleagues keeps what they share (made by the inviter, adopted by the invitee). */
  useShareLists(shareLists: ShareLists): void {
    this.shareLists = shareLists
  }

  /** The pairing door's port while it is open. */
  get port(): number | undefined {
    return this.pairingPort
  }

  createInvite(input: { relation: 'own' | 'contact'; contactId?: string; shares?: InviteShare[]; validForMinutes?: number; addresses?: string[]; relay?: string }): { code: string; link: string; payload: InvitePayload } {
    if (this.pairingPort === undefined) throw new Error('Pairing is not listening.')
    const everywhere = this.pairingHost === '0.0.0.0' || this.pairingHost === '::'
    const addresses = input.addresses ?? (everywhere ? lanAddresses(this.pairingPort) : [`${this.pairingHost}:${this.pairingPort}`])
    const relay = input.relay ?? (input.shares?.some((s) => s.relay) ? (this.relay?.status().url ?? undefined) : undefined)
    const issued = this.invites.issue({ relation: input.relation, contactId: input.contactId, shares: input.shares, validForMs: (input.validForMinutes ?? 60 * 24) * 60_000 })
    const payload: InvitePayload = {
      version: 1,
      deviceId: this.sync.identity.deviceId,
      name: this.describe.deviceName(),
      addresses,
      ...(relay ? { relay } : {}),
      secret: issued.secret,
      expiresAt: issued.expiresAt,
      relation: input.relation,
      shares: issued.shares.map((s) => ({ title: s.title })),
    }
    return { code: encodeInvite(payload), link: inviteLink(payload), payload }
  }

  async acceptInvite(text: string, { name, contactId, now = Date.now() }: { name: string; contactId?: string; now?: number }): Promise<AcceptedInvite> {
    const invite = parseInvite(text)
    if (invite.deviceId === this.sync.identity.deviceId) throw new InviteError('invite-self', 'This invite was made on this device; open it on the other one.')
    if (invite.expiresAt <= now) throw new InviteError('invite-expired', `This invite expired on ${new Date(invite.expiresAt).toLocaleString()}. Ask ${invite.name} for a new one.`)
    let lastFailure = ''
    for (const address of invite.addresses) {
      let result: { status: number; body: Record<string, unknown> }
      try {
        result = await requestPairing(this.sync.identity, invite.deviceId, address, { secret: invite.secret, name })
      } catch (error) {
        lastFailure = error instanceof PairingUnreachable ? error.message : String(error)
        continue
      }
      if (result.status !== 200) throw refusal(result.body, invite)
      const answer = pairAnswer.safeParse(result.body)
      if (!answer.success || !certificateIs(answer.data.certificatePem, invite.deviceId)) throw new InviteError('invite-invalid', `${invite.name}'s device gave an answer Staffroom cannot use.`)
      const host = address.slice(0, address.lastIndexOf(':'))
      const device = this.sync.trusted.pin({ certificatePem: answer.data.certificatePem, name: answer.data.name, relation: invite.relation, contactId, addresses: [`${host}:${answer.data.syncPort}`] })
      for (const share of answer.data.shares) this.sync.members.add(share.documentId, device.deviceId, 'owner')
      if (invite.relation === 'contact' && answer.data.shareListUrl) this.shareLists?.adopt(device.deviceId, answer.data.shareListUrl)
      this.followRelay(invite, answer.data.shares)
      this.sync.service.startDialing()
      return { device, shares: answer.data.shares, ...(answer.data.workspaceUrl ? { workspaceUrl: answer.data.workspaceUrl } : {}) }
    }
    throw new InviteError('invite-unreachable', `Could not reach ${invite.name}'s device (${lastFailure}). Both devices must be online and on the same network, or use a relay.`)
  }

  private answer(request: PairRequest): PairResponse {
    const body = pairBody.safeParse(request.body)
    if (!body.success) return { status: 400, body: { error: 'invite-invalid', message: 'Malformed pairing request.' } }
    const redeemed = this.invites.redeem(body.data.secret, request.deviceId)
    if (typeof redeemed === 'string') return { status: redeemed === 'invite-invalid' ? 403 : 410, body: { error: redeemed } }
    const certificatePem = new X509Certificate(request.certificateDer).toString()
    this.sync.trusted.pin({ certificatePem, name: body.data.name, relation: redeemed.relation, contactId: redeemed.contactId })
    for (const share of redeemed.shares) {
      this.sync.members.add(share.documentId, request.deviceId, share.role)
      // Now that it is shared, the document may be marked for relay, as the invite asked.
      if (share.relay) this.markForRelay(share.documentId)
    }
    const syncPort = this.sync.service.status().listening?.port
    if (syncPort === undefined) return { status: 503, body: { error: 'not-listening' } }
    const shared = redeemed.shares.map((s) => ({ documentId: s.documentId, url: this.describe.urlOf(s.documentId), title: s.title, role: s.role === 'viewer' ? ('viewer' as const) : ('editor' as const), kind: 'note' as const }))
    const shareListUrl = redeemed.relation === 'contact' ? this.shareLists?.create(request.deviceId, shared) : undefined
    return {
      status: 200,
      body: {
        certificatePem: this.sync.identity.certificatePem,
        name: this.describe.deviceName(),
        syncPort,
        shares: redeemed.shares.map((s) => ({ documentId: s.documentId, url: this.describe.urlOf(s.documentId), title: s.title, role: s.role, relayed: this.relay?.isMarked(s.documentId) ?? false })),
        ...(redeemed.relation === 'own' ? { workspaceUrl: this.describe.workspaceUrl() } : {}),
        ...(shareListUrl ? { shareListUrl } : {}),
      },
    }
  }

  /**
   * Marks the shares the inviter relays and connects to a relay: the profile's own if it has one
   * (one relay per profile), otherwise the invite's, which then becomes the profile's relay.
   */
  private followRelay(invite: InvitePayload, shares: Array<{ documentId: string; relayed: boolean }>): void {
    const relayed = shares.filter((s) => s.relayed)
    if (!this.relay || relayed.length === 0) return
    for (const share of relayed) this.markForRelay(share.documentId)
    const url = this.relay.status().url ?? invite.relay
    try {
      if (url) this.relay.connect(url)
    } catch {
      // A relay address we cannot use: the pairing stands, and the shares sync directly.
    }
  }

  private markForRelay(documentId: string): void {
    try {
      this.relay?.mark(documentId)
    } catch {
      // Only a shared document can be marked; the caller has just shared it, so this is not expected.
    }
  }
}

function refusal(body: Record<string, unknown>, invite: InvitePayload): InviteError {
  switch (body.error) {
    case 'invite-used':
      return new InviteError('invite-used', `This invite has already been used. Ask ${invite.name} for a new one.`)
    case 'invite-expired':
      return new InviteError('invite-expired', `This invite has expired. Ask ${invite.name} for a new one.`)
    case 'paused':
      return new InviteError('invite-invalid', `${invite.name}'s device saw too many wrong codes and paused pairing for a minute. Try again shortly.`)
    default:
      return new InviteError('invite-invalid', `${invite.name}'s device does not recognise this invite. Check you copied it whole, or ask for a new one.`)
  }
}

function certificateIs(pem: string, deviceId: string): boolean {
  try {
    return deviceIdOfCertificate(pem) === deviceId
  } catch {
    return false
  }
}

/** This machine's LAN addresses (IPv4, not loopback) with the port: where invitees on the school network can knock. */
export function lanAddresses(port: number): string[] {
  const addresses: string[] = []
  for (const list of Object.values(networkInterfaces())) for (const info of list ?? []) if (info.family === 'IPv4' && !info.internal) addresses.push(`${info.address}:${port}`)
  return addresses.length > 0 ? addresses.slice(0, 8) : [`127.0.0.1:${port}`]
}

