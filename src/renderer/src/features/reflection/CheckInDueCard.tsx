/** Says when a check-in is due on the teacher's schedule and starts it. Being built in this session (issue 6). */
export function CheckInDueCard(_props: { today: string }) {
  return null
}
