import type { PairedDevice } from '@shared/api'
import type { CliCommand } from './cliArgs'
import type { CallApi, CliEnvironment } from './runCli'

/** The value of an RPC result, or its error message thrown as the command's one-line failure. */
async function value<T>(result: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const settled = await result
  if (!settled.ok) throw new Error(settled.error.message)
  return settled.value
}

export async function inviteCreate(env: CliEnvironment, api: CallApi, command: Extract<CliCommand, { command: 'invite-create' }>): Promise<number> {
  const invite = await value(
    api('sync.createInvite', { relation: command.own ? 'own' : 'contact', noteIds: command.noteIds, ...(command.minutes ? { validForMinutes: command.minutes } : {}) }),
  )
  if (command.json) {
    env.out(JSON.stringify(invite))
    return 0
  }
  env.out(command.own ? 'Invite for another device of yours (it will get everything):' : `Invite for a colleague${invite.shares.length ? `, sharing: ${invite.shares.map((s) => `“${s.title}”`).join(', ')}` : ''}:`)
  env.out(`  ${invite.code}`)
  env.out(`Link: ${invite.link}`)
  env.out(`Reachable at ${invite.addresses.join(', ')}; usable once, until ${new Date(invite.expiresAt).toLocaleString()}.`)
  return 0
}

export async function inviteAccept(env: CliEnvironment, api: CallApi, command: Extract<CliCommand, { command: 'invite-accept' }>): Promise<number> {
  const accepted = await value(api('sync.acceptInvite', { code: command.code }))
  if (command.json) {
    env.out(JSON.stringify(accepted))
    return 0
  }
  env.out(`Paired with ${accepted.device.name} (${accepted.device.shownId}) as ${accepted.device.relation === 'own' ? 'one of your devices' : 'a colleague'}.`)
  for (const share of accepted.shares) env.out(`  shared with you: “${share.title}”`)
  return 0
}

export async function devices(env: CliEnvironment, api: CallApi, json: boolean): Promise<number> {
  const status = await value(api('sync.status', {}))
  if (json) {
    env.out(JSON.stringify({ deviceId: status.deviceId, deviceName: status.deviceName, devices: status.devices }))
    return 0
  }
  env.out(`This device: ${status.deviceName} ${status.shownId}`)
  if (status.devices.length === 0) env.out('No paired devices yet: `staffroom invite create` makes an invite.')
  for (const device of status.devices) env.out(`  ${describe(device)}`)
  return 0
}

export async function peers(env: CliEnvironment, api: CallApi, json: boolean): Promise<number> {
  const status = await value(api('sync.status', {}))
  const online = status.devices.filter((d) => d.online)
  if (json) {
    env.out(JSON.stringify({ listening: status.listening, online, refusedHandshakes: status.refusedHandshakes, cutOff: status.cutOff }))
    return 0
  }
  env.out(status.listening ? `Accepting paired devices on port ${status.listening.port} (pairing on ${status.listening.pairingPort}).` : 'Not accepting other devices (sync is off, or serve is not running).')
  env.out(online.length === 0 ? 'No paired device is connected.' : `${online.length} connected:`)
  for (const device of online) env.out(`  ${describe(device)}`)
  if (status.refusedHandshakes > 0) env.out(`Refused ${status.refusedHandshakes} connection${status.refusedHandshakes === 1 ? '' : 's'} from unpaired devices.`)
  for (const cut of status.cutOff.slice(-5)) env.out(`Cut off ${cut.deviceId.slice(0, 9)}… at ${new Date(cut.at).toLocaleTimeString()}: ${cut.reason}`)
  return 0
}

function describe(device: PairedDevice): string {
  const state = device.revokedAt !== null ? 'removed' : device.online ? 'online' : device.lastSeenAt ? `last seen ${new Date(device.lastSeenAt).toLocaleString()}` : 'never connected'
  return `${device.name} (${device.relation === 'own' ? 'own device' : 'colleague'}) ${device.shownId} — ${state}`
}
