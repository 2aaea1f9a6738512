/**
 * Where an export writes: a file (written to a temporary name and renamed when complete, so
 * that a crash never leaves a half-written export under the final name) or standard output.
 */
import { createWriteStream, renameSync, rmSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';

export interface TextSink {
  write(text: string): Promise<void>;
  /** Completes the output (renames a file into place). */
  close(): Promise<void>;
  /** Gives up: removes a partial file. */
  abort(): Promise<void>;
}

class FileSink implements TextSink {
  private readonly partial: string;
  private readonly stream: WriteStream;
  private failure: Error | undefined;

  constructor(private readonly path: string) {
    this.partial = `${path}.partial`;
    this.stream = createWriteStream(this.partial);
    this.stream.on('error', (error) => (this.failure = error));
  }

  async write(text: string): Promise<void> {
    if (this.failure !== undefined) throw this.failure;
    if (text !== '' && !this.stream.write(text)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    this.stream.end();
    if (!this.stream.closed) await once(this.stream, 'close');
    if (this.failure !== undefined) throw this.failure;
    renameSync(this.partial, this.path);
  }

  async abort(): Promise<void> {
    this.stream.destroy();
    if (!this.stream.closed) await once(this.stream, 'close');
    rmSync(this.partial, { force: true });
  }
}

/** A file sink, or standard output (`write`) for `-`. */
export function textSink(path: string, stdout: (text: string) => void): TextSink {
  if (path !== '-') return new FileSink(path);
  return {
    write: (text) => {
      if (text !== '') stdout(text);
      return Promise.resolve();
    },
    close: () => Promise.resolve(),
    abort: () => Promise.resolve(),
  };
}
