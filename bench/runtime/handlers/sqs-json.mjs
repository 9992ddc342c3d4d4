// A 10-record SQS batch with no validation: JSON.parse of each body, the floor the decoders are
// measured against (the loop has already parsed the envelope).
import { ALL_DONE, processOrder } from "./orders.mjs";

export const handler = async (event) => {
  for (const record of event.Records) await processOrder(JSON.parse(record.body));
  return ALL_DONE;
};
