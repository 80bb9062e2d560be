/** Shares a link to a project or circle and records it as a resource given. Being built in this session (issue 6). */
export function ShareToSpaceButton(_props: { title: string; url: string | null; readingId?: string }) {
  return null
}
