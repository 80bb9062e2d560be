/** Exports the range's dashboard and check-ins as a printable term report. Being built in this session (issue 6). */
export function TermReportButton(_props: { from: string; to: string; today: string }) {
  return null
}
