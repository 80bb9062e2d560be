export const fallbackSentences: { noBinary: string; noSqlite: string }
export interface StartSteps {
  binaryStatus(): { present: true; executable: string } | { present: false }
  downloadElectron(): Promise<boolean>
  electronSqliteBuilt(): boolean
  buildElectronSqlite(): Promise<boolean>
  launchElectron(executable: string): Promise<number>
  runServe(): Promise<number>
  say(line: string): void
}
export function startStaffroom(steps: StartSteps): Promise<number>
