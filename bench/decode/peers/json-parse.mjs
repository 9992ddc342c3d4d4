/*
 * The floor: what a handler without validation does. For typed events it parses the JSON payload
 * inside the event too (each SQS body, the API request body), as a user without kata must.
 */
const utf8 = new TextDecoder();

function parseSqs(text) {
  const event = JSON.parse(text);
  for (const record of event.Records) record.body = JSON.parse(record.body);
  return event;
}

function parseApiRequest(text) {
  const event = JSON.parse(text);
  event.body = JSON.parse(event.body);
  return event;
}

export const jsonParse = {
  "sqs-10": parseSqs,
  eventbridge: JSON.parse,
  "apigw-v1": parseApiRequest,
  "apigw-v2": parseApiRequest,
  "sqs-1mb": parseSqs,
  "sqs-10-envelope": JSON.parse,
  "eventbridge-envelope": JSON.parse,
  "apigw-v1-envelope": JSON.parse,
  "apigw-v2-envelope": JSON.parse,
};

/** The same work from bytes, as the Runtime API's response body arrives. */
export const jsonParseBytes = Object.fromEntries(Object.entries(jsonParse).map(([id, parse]) => [id, (bytes) => parse(utf8.decode(bytes))]));
