import { describe, expect, it } from 'vitest'
import { SessionToken } from './SessionToken'
import { readCookie, withoutToken } from './RequestGuard'

describe('SessionToken', () => {
  it('is 32 random bytes in base64url, different each time', () => {
    const a = new SessionToken()
    const b = new SessionToken()
    expect(a.value).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(a.value).not.toBe(b.value)
  })

  it('matches only the exact token', () => {
    const token = new SessionToken('abc')
    expect(token.matches('abc')).toBe(true)
    for (const other of ['abd', 'ab', 'abcd', '', null, undefined]) expect(token.matches(other)).toBe(false)
  })
})

describe('token and cookie helpers', () => {
  it('drops only the token from the redirect target', () => {
    expect(withoutToken('/?token=x')).toBe('/')
    expect(withoutToken('/a/b?x=1&token=t&y=2')).toBe('/a/b?x=1&y=2')
  })

  it('reads one cookie among several', () => {
    expect(readCookie('a=1; staffroom_session_80=tok; b=2', 'staffroom_session_80')).toBe('tok')
    expect(readCookie('staffroom_session_81=tok', 'staffroom_session_80')).toBeUndefined()
    expect(readCookie(undefined, 'x')).toBeUndefined()
  })
})
