// What `npm start` does, as one function over injected steps so the decisions are testable.

export const fallbackSentences = {
  noBinary: 'The Electron app cannot run here because its binary could not be downloaded; starting Staffroom in your browser instead.',
  noSqlite: "The Electron app cannot run here because Staffroom's database module could not be built for Electron; starting Staffroom in your browser instead.",
}

/**
 * @param {{
 *   binaryStatus(): { present: true, executable: string } | { present: false },
 *   downloadElectron(): Promise<boolean>,
 *   downloadFailedRecently(): boolean,
 *   rememberDownloadFailure(): void,
 *   electronSqliteBuilt(): boolean,
 *   buildElectronSqlite(): Promise<boolean>,
 *   launchElectron(executable: string): Promise<number>,
 *   runServe(): Promise<number>,
 *   say(line: string): void,
 * }} steps
 * @returns {Promise<number>} the exit status
 */
export async function startStaffroom(steps) {
  let status = steps.binaryStatus()
  // One bounded attempt with Electron's own installer; its failure is expected offline, and is
  // remembered for a day so an offline machine does not wait for the timeout on every start.
  if (!status.present && !steps.downloadFailedRecently()) {
    await steps.downloadElectron()
    status = steps.binaryStatus()
    if (!status.present) steps.rememberDownloadFailure()
  }
  if (!status.present) {
    steps.say(fallbackSentences.noBinary)
    return steps.runServe()
  }
  if (!steps.electronSqliteBuilt() && !(await steps.buildElectronSqlite())) {
    steps.say(fallbackSentences.noSqlite)
    return steps.runServe()
  }
  return steps.launchElectron(status.executable)
}
