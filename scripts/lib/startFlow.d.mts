export const fallbackSentences: { noBinary: string; noSqlite: string }
export interface StartSteps {
  binaryStatus(): { present: true; executable: string } | { present: false }
  downloadElectron(): Promise<boolean>
  /** True when a download failed less than a day ago. */
  downloadFailedRecently(): boolean
  rememberDownloadFailure(): void
  electronSqliteBuilt(): boolean
  buildElectronSqlite(): Promise<boolean>
  launchElectron(executable: string): Promise<number>
  runServe(): Promise<number>
  say(line: string): void
}
export function startStaffroom(steps: StartSteps): Promise<number>
