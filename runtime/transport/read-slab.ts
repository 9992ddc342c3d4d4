/**
 * Read buffers for `net.connect({ onread })`. Reading into caller-supplied memory skips the
 * stream machinery and a 64 KiB allocation per read; a response body that arrived in one read is
 * then returned as a view of that memory, so the region it occupies is never read into again:
 * reads move on through the slab, and a fresh slab is taken when too little of it is left.
 * This relies on `net` asking `onread.buffer()` for the memory of every next read, as it has
 * since onread exists (Node 12); test/transport checks that earlier bodies survive later reads.
 */

const SLAB_SIZE = 64 * 1024;
/** Below this much free space a read could only deliver a small part of a typical response. */
const MIN_READ = 16 * 1024;

export class ReadSlab {
  private slab = Buffer.allocUnsafe(SLAB_SIZE);
  private offset = 0;
  private region: Buffer = this.slab;

  /** Called by `net` after every read: the memory for the next read. */
  readonly next = (): Buffer => this.region;

  /** The last read's `n` bytes (at the start of the current region) are still referenced. */
  keep(n: number): void {
    this.offset += n;
    if (SLAB_SIZE - this.offset < MIN_READ) {
      this.slab = Buffer.allocUnsafe(SLAB_SIZE);
      this.offset = 0;
    }
    this.region = this.slab.subarray(this.offset);
  }
}
