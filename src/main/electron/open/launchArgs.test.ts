import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { inviteCodeOf, maxLinkLength, openRequestsFromArgv } from './launchArgs'

const link = 'staffroom://invite/SR1.eyJ2IjoxfQ'
const cwd = path.resolve('/home/teacher/Downloads')
const existing = new Set([path.join(cwd, 'Term plan.staffroom'), path.join(cwd, 'LOUD.STAFFROOM'), path.resolve('/media/usb/circle.staffroom')])
const context = { cwd, fileExists: (file: string) => existing.has(file) }

describe('links and bundle files in a launch’s arguments', () => {
  it('keeps staffroom:// links and existing .staffroom files, and nothing else', () => {
    const argv = [
      'C:\\Program Files\\Staffroom\\Staffroom.exe',
      '--hidden',
      '--no-sandbox',
      '--allow-file-access-from-files',
      '--original-process-start-time=13347',
      '--',
      link,
      'notes.txt',
      'Term plan.staffroom',
      'missing.staffroom',
      'LOUD.STAFFROOM',
      path.resolve('/media/usb/circle.staffroom'),
      '--inspect=staffroom://invite/SR1.x',
      'https://example.org/',
    ]
    expect(openRequestsFromArgv(argv, { ...context, isPackaged: true })).toEqual([
      { kind: 'link', url: link },
      { kind: 'file', path: path.join(cwd, 'Term plan.staffroom') },
      { kind: 'file', path: path.join(cwd, 'LOUD.STAFFROOM') },
      { kind: 'file', path: path.resolve('/media/usb/circle.staffroom') },
    ])
  })

  it('skips the executable, and in development the app path too', () => {
    expect(openRequestsFromArgv(['Term plan.staffroom', link], { ...context, isPackaged: true })).toEqual([{ kind: 'link', url: link }])
    expect(openRequestsFromArgv(['/repo/node_modules/electron/dist/electron', 'Term plan.staffroom', link], { ...context, isPackaged: false })).toEqual([{ kind: 'link', url: link }])
    expect(openRequestsFromArgv(['/repo/node_modules/electron/dist/electron'], { ...context, isPackaged: false })).toEqual([])
  })

  it('reads relative paths from the launching process’s folder', () => {
    const other = { cwd: path.resolve('/media/usb'), fileExists: (file: string) => existing.has(file) }
    expect(openRequestsFromArgv(['Staffroom', 'circle.staffroom', 'Term plan.staffroom'], { ...other, isPackaged: true })).toEqual([
      { kind: 'file', path: path.resolve('/media/usb/circle.staffroom') },
    ])
  })

  it('passes on any staffroom: link (its checks come later), whatever the case of the scheme', () => {
    expect(openRequestsFromArgv(['exe', 'STAFFROOM://other', 'staffroom:x'], { ...context, isPackaged: true }).map((r) => r.kind)).toEqual(['link', 'link'])
  })
})

describe('invite links', () => {
  it('gives the code of a staffroom://invite/ link, without a slash an OS added', () => {
    expect(inviteCodeOf(link)).toEqual({ ok: true, code: 'SR1.eyJ2IjoxfQ' })
    expect(inviteCodeOf(`${link}/`)).toEqual({ ok: true, code: 'SR1.eyJ2IjoxfQ' })
    expect(inviteCodeOf('Staffroom://Invite/SR1.abc_-')).toEqual({ ok: true, code: 'SR1.abc_-' })
  })

  it('refuses anything else: other schemes, other paths, odd characters, overlong links', () => {
    for (const hostile of [
      'javascript:alert(1)',
      'https://example.org/staffroom://invite/SR1.x',
      'staffroom://settings/reset',
      'staffroom://invite/',
      'staffroom://invite/SR1.x<script>',
      'staffroom://invite/SR1.x y',
      'staffroom://invite/SR1.x%0Aevil',
      'staffroom://invite/SR1.x/../../etc',
      'staffroom://invite/SR1.x?y=1',
      `staffroom://invite/SR1.${'a'.repeat(maxLinkLength)}`,
    ])
      expect(inviteCodeOf(hostile), hostile).toMatchObject({ ok: false })
    expect(inviteCodeOf(`staffroom://invite/${'a'.repeat(maxLinkLength - 19)}`)).toMatchObject({ ok: true })
    expect(inviteCodeOf(`staffroom://invite/${'a'.repeat(maxLinkLength - 18)}`)).toMatchObject({ ok: false })
  })
})
