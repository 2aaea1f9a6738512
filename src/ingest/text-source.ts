/**
 * A file read as UTF-8 text, chunk by chunk, with the encoding checks every import makes:
 * a UTF-8 byte-order mark is dropped; UTF-16 (with or without its mark), NUL bytes and lines
 * ended by CR alone are refused for the whole file, with what to do about it; bytes that
 * are not valid UTF-8 are noted so that the rows holding them can be refused one by one.
 */
import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

/** A problem with the whole file: nothing of it is imported. */
export class FileFormatError extends Error {
  constructor(
    readonly line: number,
    reason: string,
  ) {
    super(reason);
    this.name = 'FileFormatError';
  }
}

export interface TextChunk {
  readonly text: string;
  /** Bytes read so far, for progress. */
  readonly bytesRead: number;
  /**
   * True from the first chunk that held bytes that are not valid UTF-8 on: the decoder put
   * U+FFFD in their place, and rows holding U+FFFD are to be refused.
   */
  readonly invalidUtf8: boolean;
}

const CHUNK_BYTES = 1 << 16;
const CR_ONLY = 'lines end with a carriage return alone (old Mac format); save the file with LF or CRLF line ends';

/** Reads `file` as UTF-8 text; throws FileFormatError for a file that is not UTF-8 text at all. */
export async function* readText(file: string): AsyncGenerator<TextChunk> {
  const decoder = new StringDecoder('utf8');
  let bytesRead = 0;
  let first = true;
  let invalid = false;
  let sawNewline = false;
  for await (const data of createReadStream(file, { highWaterMark: CHUNK_BYTES })) {
    let chunk = data as Buffer;
    bytesRead += chunk.length;
    if (first) {
      first = false;
      if ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff)) {
        throw new FileFormatError(1, 'the file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8');
      }
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3);
    }
    if (chunk.includes(0)) {
      throw new FileFormatError(1, 'the file holds NUL bytes: it is binary or UTF-16, not UTF-8 text; save it as UTF-8');
    }
    const text = decoder.write(chunk);
    if (!sawNewline) {
      sawNewline = text.includes('\n');
      // A carriage return followed by more text, and no line feed anywhere before: CR line ends.
      if (!sawNewline && /\r[^\r]/.test(text)) throw new FileFormatError(1, CR_ONLY);
    }
    if (!invalid && text.includes('\uFFFD')) invalid = true;
    yield { text, bytesRead, invalidUtf8: invalid };
  }
  const rest = decoder.end();
  if (rest !== '') yield { text: rest, bytesRead, invalidUtf8: invalid || rest.includes('\uFFFD') };
}
