import type { SQSRecord } from "../generated/sqs.js";

/** How a FIFO batch keeps order when a record fails. */
export type FifoMode = "batch" | "per-group";

/** FIFO queue names, and so their ARNs, end in `.fifo`. */
export function isFifoQueue(eventSourceARN: string | undefined): boolean {
  return eventSourceARN?.endsWith(".fifo") ?? false;
}

/**
 * Splits a batch into sequences that must run in order, each stopping at its first failure.
 * Standard queue: every record alone (no order to keep). FIFO: the whole batch as one sequence,
 * or with `per-group` one sequence per `MessageGroupId`, so a failure holds back only its own group.
 * Each sequence holds indexes into the batch, in batch order.
 */
export function orderedSequences(records: readonly SQSRecord<unknown>[], fifoMode: FifoMode): number[][] {
  if (!isFifoQueue(records[0]?.eventSourceARN)) return records.map((_, index) => [index]);
  if (fifoMode === "batch") return [records.map((_, index) => index)];
  const groups = new Map<string, number[]>();
  records.forEach((record, index) => {
    const group = record.attributes.MessageGroupId ?? "";
    const sequence = groups.get(group);
    if (sequence) sequence.push(index);
    else groups.set(group, [index]);
  });
  return [...groups.values()];
}
