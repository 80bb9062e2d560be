/** Suggestions for the range, each explained by its data and dismissible. Being built in this session (issue 6). */
export function SuggestionsPanel(_props: { from: string; to: string; today: string }) {
  return null
}
