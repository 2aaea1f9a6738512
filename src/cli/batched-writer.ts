/**
 * Writes many lines in few calls (a million JSON lines would otherwise be a million writes):
 * the CLI's large outputs, and the server's log lines.
 */
export class BatchedWriter {
  private parts: string[] = [];
  private size = 0;

  constructor(private readonly write: (text: string) => void) {}

  add(text: string): void {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= 1 << 20) this.flush();
  }

  flush(): void {
    if (this.parts.length === 0) return;
    this.write(this.parts.join(''));
    this.parts = [];
    this.size = 0;
  }
}
