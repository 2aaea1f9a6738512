/**
 * A one-line progress bar on stderr: share of the file read, rows, rows per second and the
 * time left at the current rate. Redrawn at most five times a second.
 */
const REDRAW_MS = 200;
const WIDTH = 24;

export interface ProgressState {
  readonly bytesRead: number;
  readonly totalBytes: number;
  readonly rows: number;
  readonly rejectedRows: number;
}

const count = (n: number): string => Math.round(n).toLocaleString('en-US');

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '--:--';
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

export class ProgressBar {
  private lastDraw = -Infinity;
  private drawn = false;

  constructor(
    private readonly write: (text: string) => void,
    private readonly now: () => number,
    private readonly started = now(),
  ) {}

  update(state: ProgressState, force = false): void {
    const now = this.now();
    if (!force && now - this.lastDraw < REDRAW_MS) return;
    this.lastDraw = now;
    this.drawn = true;
    this.write(`\r${ProgressBar.line(state, (now - this.started) / 1000)}`);
  }

  /** Draws the final state and ends the line. */
  done(state: ProgressState): void {
    this.update(state, true);
    if (this.drawn) this.write('\n');
  }

  /** The bar for a state after `seconds` (exported for tests). */
  static line(state: ProgressState, seconds: number): string {
    const share = state.totalBytes > 0 ? Math.min(1, state.bytesRead / state.totalBytes) : 1;
    const filled = Math.round(share * WIDTH);
    const rate = seconds > 0 ? state.rows / seconds : 0;
    const eta = share > 0 && share < 1 ? (seconds / share) * (1 - share) : share >= 1 ? 0 : Infinity;
    const refused = state.rejectedRows > 0 ? `  ${count(state.rejectedRows)} refused` : '';
    return `[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${String(Math.floor(share * 100)).padStart(3)}%  ${count(state.rows)} rows  ${count(rate)} rows/s  ETA ${duration(eta)}${refused}  `;
  }
}
