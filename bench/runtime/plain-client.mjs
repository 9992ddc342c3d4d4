/**
 * The baseline: the plain node:http keep-alive loop a hand-written custom runtime would use
 * (one socket, JSON.parse the event, JSON.stringify the result). No error handling, no context.
 */
import http from "node:http";
import { plainSqs, trivial } from "./handlers.mjs";
import { reportUsageOnRequest } from "./report-usage.mjs";

const handler = process.argv[2] === "sqs" ? plainSqs : trivial;
const [host, port] = process.env.AWS_LAMBDA_RUNTIME_API.split(":");
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

function send(method, path, body) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host, port, method, path, agent }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => (text += chunk));
      res.on("end", () => resolve({ headers: res.headers, text }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

reportUsageOnRequest();
for (;;) {
  const next = await send("GET", "/2018-06-01/runtime/invocation/next");
  const requestId = next.headers["lambda-runtime-aws-request-id"];
  const result = await handler(JSON.parse(next.text), { awsRequestId: requestId });
  await send("POST", `/2018-06-01/runtime/invocation/${requestId}/response`, JSON.stringify(result));
}
