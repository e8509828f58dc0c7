// JSON batch input, streamed: the elements of one top-level array, or a sequence of top-level
// values (NDJSON, one per line), split as the text arrives so a file of any size is read in constant
// memory. Own code: JSON.parse needs the whole text, and the streaming JSON libraries on npm
// (stream-json, clarinet) are Node-only or unmaintained; splitting is a small state machine.
import { MAX_RECORD_CHARS } from './csv';

/** One top-level value's text and the file line it starts on (1-based). */
export interface JsonPiece { text: string; line: number }

/** Text that is not a JSON array or sequence of values: `line` is where it goes wrong. */
export class JsonShapeError extends Error {
  constructor(readonly line: number, message: string) {
    super(message);
    this.name = 'JsonShapeError';
  }
}

/**
 * Splits JSON text pushed in chunks into its values: the elements of a top-level array (`shape`
 * "array"), or each top-level value of a sequence ("sequence": NDJSON, or one object). The shape is
 * set by the first non-blank character ("[" is an array). Strings and nesting are respected; a
 * value longer than MAX_RECORD_CHARS throws JsonShapeError. The pieces are not parsed.
 */
export class JsonSplitter {
  shape: 'array' | 'sequence' | null = null;
  private buf = '';
  private scan = 0;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private start = -1;
  private startLine = 1;
  private line = 1;
  private closed = false;

  push(text: string): JsonPiece[] {
    this.buf += text;
    return this.drain();
  }

  end(): JsonPiece[] {
    const pieces = this.drain();
    if (this.shape === 'array' && !this.closed) throw new JsonShapeError(this.line, `the array is never closed (a "]" is missing at the end)`);
    if (this.start >= 0) {
      const rest = this.buf.slice(this.start).trim();
      if (this.depth > 0 || this.inString) throw new JsonShapeError(this.startLine, `the value starting on line ${this.startLine} is never closed`);
      if (rest) pieces.push({ text: rest, line: this.startLine });
    }
    return pieces;
  }

  private drain(): JsonPiece[] {
    const out: JsonPiece[] = [];
    const s = this.buf;
    let i = this.scan;
    for (; i < s.length; i++) {
      const ch = s[i]!;
      if (ch === '\n') this.line++;
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (ch === '\\') this.escaped = true;
        else if (ch === '"') this.inString = false;
        continue;
      }
      if (this.shape === null) {
        if (/\s/.test(ch) || ch === '\uFEFF') continue;
        if (ch === '[') { this.shape = 'array'; this.depth = 1; continue; }
        this.shape = 'sequence';
      }
      if (this.closed) {
        if (!/\s/.test(ch)) throw new JsonShapeError(this.line, `text after the end of the array on line ${this.line}`);
        continue;
      }
      if (this.start < 0) {
        if (/\s/.test(ch) || (ch === ',' && this.shape === 'array')) continue;
        if (ch === ']' && this.shape === 'array' && this.depth === 1) { this.closed = true; this.depth = 0; continue; }
        this.start = i;
        this.startLine = this.line;
      }
      if (ch === '"') this.inString = true;
      else if (ch === '{' || ch === '[') this.depth++;
      else if (ch === '}' || ch === ']') {
        this.depth--;
        if (this.depth < this.depth0()) {
          // The closing bracket of the top-level array ends the element before it.
          out.push({ text: s.slice(this.start, i).trim(), line: this.startLine });
          this.start = -1;
          this.closed = true;
          this.depth = 0;
          continue;
        }
        if (this.depth === this.depth0()) {
          out.push({ text: s.slice(this.start, i + 1), line: this.startLine });
          this.start = -1;
        }
      } else if (this.depth === this.depth0() && (ch === ',' || ch === '\n') && this.start >= 0 && i > this.start) {
        // A scalar element (a number, true, null) ends at the next comma or line end.
        const piece = s.slice(this.start, i).trim();
        if (piece) out.push({ text: piece, line: this.startLine });
        this.start = -1;
      }
    }
    // Keep only the value under way.
    const keepFrom = this.start >= 0 ? this.start : i;
    this.buf = s.slice(keepFrom);
    if (this.start >= 0) this.start = 0;
    this.scan = i - keepFrom;
    if (this.buf.length > MAX_RECORD_CHARS) throw new JsonShapeError(this.startLine, `the value starting on line ${this.startLine} is longer than ${MAX_RECORD_CHARS} characters`);
    return out;
  }

  private depth0() {
    return this.shape === 'array' ? 1 : 0;
  }
}
