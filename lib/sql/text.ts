/**
 * TextBuilder appends the pieces of one generated text (a statement, a table's declaration) and hands
 * it out flat. Helpers write their pieces into it instead of returning strings that the caller then
 * splices into a template, which on a large model is many intermediate strings per line. One builder
 * is reused for many texts: `take()` returns the text so far and starts the next one.
 *
 * Pieces are appended with `+=` (V8 links them without copying), and the text is flattened once when
 * taken. Array join was tried: its per-piece cost is several times that of an append.
 */
export class TextBuilder {
  private text = '';

  add(piece: string): this {
    this.text += piece;
    return this;
  }

  /** size is the length of the text so far (a mark for `insert`). */
  get size(): number {
    return this.text.length;
  }

  /** insert puts a piece at a `size` taken earlier (for text known only later; rare: it copies the text). */
  insert(at: number, piece: string): void {
    this.text = this.text.slice(0, at) + piece + this.text.slice(at);
  }

  /** take returns the text added since the last take, as one flat string, and empties the builder. */
  take(): string {
    const text = this.text;
    this.text = '';
    // Reading a character makes V8 flatten the text: it is then held as one string, not as the tree
    // of pieces it was built from (several times its size), until whoever asked for it is done.
    text.charCodeAt(0);
    return text;
  }
}

/**
 * CHUNK is the length at which a run of generated text (statements, declarations) is taken as one
 * string: past V8's large-object size (128 KB), so a large model's text lives outside the young
 * generation and is not copied by each scavenge until its file is joined, as a string per block would be.
 */
export const CHUNK = 1 << 18;
