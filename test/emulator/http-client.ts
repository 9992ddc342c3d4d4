import { request } from "node:http";

export interface HttpReply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface HttpCall {
  /** An array value sends the header once per value. */
  headers?: Record<string, string | string[]>;
  body?: string | Buffer;
  /** Sends the body chunked and ends it with these HTTP trailers (as a streaming runtime does). */
  trailers?: Record<string, string>;
}

/** One HTTP/1.1 request on a fresh connection; resolves with the whole reply. */
export function httpCall(base: string, method: string, path: string, call: HttpCall = {}): Promise<HttpReply> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | string[]> = { ...call.headers };
    if (call.trailers !== undefined) headers["Trailer"] = Object.keys(call.trailers).join(", ");
    const req = request(new URL(path, base), { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
    });
    req.on("error", reject);
    if (call.trailers !== undefined) {
      req.setHeader("Transfer-Encoding", "chunked");
      if (call.body !== undefined) req.write(call.body);
      req.addTrailers(call.trailers);
      req.end();
    } else req.end(call.body);
  });
}
