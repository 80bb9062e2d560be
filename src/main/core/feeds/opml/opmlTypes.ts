/** One feed the teacher follows, as OPML carries it. */
export interface OpmlSubscription {
  /** The feed's address: http(s) only, normalised by the WHATWG URL parser, without a fragment. */
  feedUrl: string
  /** The outline's text (or title), whitespace collapsed; the feed address when it has neither. */
  title: string
  /** The site's address (htmlUrl) when it is a valid http(s) URL, else null. */
  siteUrl: string | null
  /** Enclosing folder outlines' names joined with ' / ', or null at the top level. */
  folder: string | null
}

/** An outline that was not imported, with its 1-based position among all outlines and why. */
export interface OpmlSkipped {
  index: number
  reason: string
}

export type OpmlErrorCode =
  | 'too-large'
  | 'unsupported-encoding'
  | 'bad-encoding'
  | 'doctype-refused'
  | 'not-xml'
  | 'not-opml'
  | 'too-deep'
  | 'too-many-outlines'

export interface OpmlError {
  code: OpmlErrorCode
  message: string
}

export type ParseOpmlResult =
  | { ok: true; title: string; subscriptions: OpmlSubscription[]; skipped: OpmlSkipped[] }
  | { ok: false; error: OpmlError }

export interface OpmlLimits {
  maxBytes: number
  maxOutlines: number
  /** Outline nesting depth below <body>; real exports use one or two levels of folders. */
  maxDepth: number
}

/** Limits in one place. 10,000 outlines is twice the largest export we plan for (5,000 feeds). */
export const defaultOpmlLimits: OpmlLimits = {
  maxBytes: 10 * 1024 * 1024,
  maxOutlines: 10_000,
  maxDepth: 32,
}
