// The cold-start function with no validation at all: the runtime's JSON.parse is the only check.
export const handler = async (event) => {
  if (process.env.BENCH_EVENT_SOURCE !== undefined && process.env.BENCH_EVENT_SOURCE !== "sqs") return { statusCode: 204, body: "" };
  for (const record of event.Records) if (record.body.length === 0) throw new Error("empty message");
  return { batchItemFailures: [] };
};
