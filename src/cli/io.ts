/** Where the CLI writes: injected so that tests capture output without spawning processes. */
export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** The clock, read only by adapters: the domain always receives time as input. */
  readonly now: () => number;
  /** Whether `err` goes to a terminal (progress bars are drawn only there unless asked for). */
  readonly errIsTerminal?: boolean | undefined;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  now: () => Date.now(),
  errIsTerminal: process.stderr.isTTY,
};
