/**
 * Splits text pushed chunk by chunk into lines (LF or CRLF), for JSON lines. A line longer
 * than `maxLineChars` is skipped, never held, and reported with its number.
 */
export interface LineSink {
  line(text: string, lineNumber: number): void;
  tooLong(lineNumber: number): void;
}

export class LineReader {
  private buffer = '';
  private lineNumber = 1;
  /** Skipping an over-long line until its end. */
  private skipping = false;

  constructor(
    private readonly sink: LineSink,
    private readonly maxLineChars: number,
  ) {}

  push(text: string): void {
    let s = this.buffer.length === 0 ? text : this.buffer + text;
    let pos = 0;
    if (this.skipping) {
      const end = s.indexOf('\n');
      if (end < 0) {
        this.buffer = '';
        return;
      }
      this.skipping = false;
      this.sink.tooLong(this.lineNumber);
      this.lineNumber += 1;
      pos = end + 1;
    }
    for (;;) {
      const end = s.indexOf('\n', pos);
      if (end < 0) break;
      const stop = end > pos && s.charCodeAt(end - 1) === 13 ? end - 1 : end;
      if (stop - pos > this.maxLineChars) this.sink.tooLong(this.lineNumber);
      else this.sink.line(s.slice(pos, stop), this.lineNumber);
      this.lineNumber += 1;
      pos = end + 1;
    }
    s = s.slice(pos);
    if (s.length > this.maxLineChars) {
      this.skipping = true;
      s = '';
    }
    this.buffer = s;
  }

  end(): void {
    if (this.skipping) {
      this.sink.tooLong(this.lineNumber);
      this.skipping = false;
    } else if (this.buffer !== '') {
      const s = this.buffer.endsWith('\r') ? this.buffer.slice(0, -1) : this.buffer;
      this.sink.line(s, this.lineNumber);
    }
    this.buffer = '';
  }
}
