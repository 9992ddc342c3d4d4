// A 10-record SQS batch as a Powertools user writes it: the runtime has JSON.parse'd the event;
// `parse` validates the envelope and every body (JSON text, then OrderMessage) with Zod.
import { parse } from "@aws-lambda-powertools/parser";
import { JSONStringified } from "@aws-lambda-powertools/parser/helpers";
import { SqsRecordSchema, SqsSchema } from "@aws-lambda-powertools/parser/schemas/sqs";
import { z } from "zod";
import { OrderMessage } from "../../decode/peers/zod-payloads.mjs";
import { ALL_DONE, processOrder } from "./orders.mjs";

const OrderMessageEvent = SqsSchema.extend({ Records: z.array(SqsRecordSchema.extend({ body: JSONStringified(OrderMessage) })) });

export const handler = async (event) => {
  for (const record of parse(event, undefined, OrderMessageEvent).Records) await processOrder(record.body);
  return ALL_DONE;
};
