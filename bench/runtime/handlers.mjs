/**
 * The handlers both loops run. `trivial` answers at once. `sqs` handles a 10-record SQS batch:
 * kata's loop gets `onSQS(...)` from kata's handlers (decoded and validated from the raw bytes)
 * when that module is built, otherwise the same plain function as the node:http loop.
 */
export const trivial = async () => ({ ok: true });

export const plainSqs = async (event) => {
  for (const record of event.Records) await handleBody(record.body);
  return { batchItemFailures: [] };
};

async function handleBody(body) {
  if (typeof body !== "string") throw new Error("SQS body must be a string");
}

/** `{ handler, decoder }` for kata's loop. */
export async function kataSqs() {
  try {
    const { onSQS } = await import(new URL("../../dist/handlers/builtin.js", import.meta.url).href);
    return { handler: onSQS(handleBody), decoder: "onSQS (generated SQSEvent decoder)" };
  } catch {
    return { handler: plainSqs, decoder: "none: JSON.parse (dist/handlers/builtin.js not built)" };
  }
}
