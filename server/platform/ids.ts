import { randomFillSync } from "node:crypto";
import { v7 } from "uuid";

/**
 * UUIDv7: time-ordered, so new rows land at the end of primary-key indexes, and ids made by one
 * process sort in the order they were made, even within a millisecond: a counter (started at a
 * random value each millisecond, as uuid does when it draws its own random bytes) fills the
 * bits after the time. Without it, ids of the same millisecond sorted at random, and whatever
 * read rows "in id order" (the demo's candidates) got another order at each run.
 * Random bytes come from a pool filled 256 ids at a time: uuid asks the system for 16 bytes per
 * id, which was the largest single cost of a bulk import (~20 µs an id, measured).
 */
const POOL_IDS = 256;
const pool = Buffer.alloc(16 * POOL_IDS);
let next = POOL_IDS;
let msecs = -1;
let seq = 0;

export const newId = (): string => {
  if (next === POOL_IDS) {
    randomFillSync(pool);
    next = 0;
  }
  const random = pool.subarray(16 * next, 16 * ++next);
  const now = Date.now();
  if (now > msecs) {
    msecs = now;
    // 31 random bits: room for 2^31 more ids in this millisecond before the counter wraps.
    seq = random.readUInt32BE(6) & 0x7fffffff;
  } else if (++seq > 0xffffffff) {
    // Wrapped (or the clock went back): borrow the next millisecond, as uuid itself does.
    seq = 0;
    msecs++;
  }
  return v7({ random, msecs, seq });
};
