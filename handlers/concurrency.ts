/**
 * Runs `work` on every item with at most `limit` calls in flight, starting items in order.
 * Resolves when all are done; `work` must not throw (callers turn failures into results).
 */
export async function forEachConcurrently<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
