import { createServer, type Server } from 'node:https'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { TLSSocket } from 'node:tls'
import type { DeviceIdentity } from './DeviceIdentityStore'
import { deviceIdOfPeerCertificate } from './tlsOptions'
import { listenOn } from '../net/listenOn'

export interface PairRequest {
  /** Proved by the TLS handshake: the certificate the new device presented. */
  certificateDer: Buffer
  deviceId: string
  body: unknown
}

export type PairResponse = { status: number; body: Record<string, unknown> }

const maxBodyBytes = 16 * 1024
const failuresBeforePause = 10
const pauseMs = 60_000

/**
 * The door an invited device knocks on before it is trusted. Unlike the sync port it accepts any
 * client certificate, because the point is to learn one; it only answers POST /pair, whose body
 * must carry a valid invite secret. After ten failed attempts it refuses everyone for a minute,
 * so a secret cannot be guessed at line speed.
 */
export class PairingListener {
  private readonly server: Server
  private failures = 0
  private pausedUntil = 0

  constructor(
    identity: DeviceIdentity,
    private readonly handle: (request: PairRequest) => PairResponse,
    private readonly now: () => number = Date.now,
  ) {
    this.server = createServer({
      key: identity.privateKeyPem,
      cert: identity.certificatePem,
      ca: [identity.certificatePem],
      requestCert: true,
      rejectUnauthorized: false,
      minVersion: 'TLSv1.3',
    })
    this.server.on('request', (request, response) => void this.route(request, response))
  }

  listen(port: number, host: string): Promise<number> {
    return listenOn(this.server, port, host)
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve())
      this.server.closeAllConnections()
    })
  }

  private async route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const reply = ({ status, body }: PairResponse) => response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))
    if (request.method !== 'POST' || request.url !== '/pair') return void reply({ status: 404, body: { error: 'not-found' } })
    if (this.now() < this.pausedUntil) return void reply({ status: 429, body: { error: 'paused', message: 'Too many wrong invite codes; pairing is paused for a minute.' } })
    const certificateDer = (request.socket as TLSSocket).getPeerCertificate(false)?.raw
    const deviceId = deviceIdOfPeerCertificate(certificateDer)
    if (!certificateDer || !deviceId) return void reply({ status: 400, body: { error: 'no-certificate' } })
    let body: unknown
    try {
      body = JSON.parse(await readBody(request))
    } catch {
      return void reply({ status: 400, body: { error: 'bad-request' } })
    }
    const result = this.handle({ certificateDer, deviceId, body })
    if (result.status === 200) this.failures = 0
    else if (++this.failures >= failuresBeforePause) {
      this.failures = 0
      this.pausedUntil = this.now() + pauseMs
    }
    reply(result)
  }
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    request.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > maxBodyBytes) {
        reject(new Error('too large'))
        request.destroy()
      } else chunks.push(chunk)
    })
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    request.on('error', reject)
  })
}
