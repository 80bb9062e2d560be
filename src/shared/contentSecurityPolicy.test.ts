import { describe, expect, it } from 'vitest'
import { contentSecurityPolicy } from './contentSecurityPolicy'

describe('contentSecurityPolicy', () => {
  it('is strict by default: no eval, no inline scripts, nothing but self', () => {
    const policy = contentSecurityPolicy({})
    expect(policy).toContain("default-src 'self'")
    expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval';")
    expect(policy).not.toMatch(/'unsafe-eval'/)
    expect(policy).toContain("connect-src 'self';")
    expect(policy).toContain("object-src 'none'")
    expect(policy).toContain("frame-ancestors 'none'")
  })

  it('loads images over https (feed images after consent) but scripts and connections only from self', () => {
    const policy = contentSecurityPolicy({})
    expect(policy).toContain("img-src 'self' data: blob: https:;")
    expect(policy).not.toMatch(/img-src[^;]*http:/)
    expect(policy).not.toMatch(/(script|connect|default)-src[^;]*https:/)
  })

  it('adds connect sources and inline scripts only when asked', () => {
    const policy = contentSecurityPolicy({ connectSources: ['ws://127.0.0.1:4280'], allowInlineScripts: true })
    expect(policy).toContain("connect-src 'self' ws://127.0.0.1:4280;")
    expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval' 'unsafe-inline';")
  })
})
