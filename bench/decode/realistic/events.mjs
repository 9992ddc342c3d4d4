/*
 * Realistic events, one per source, written from the shapes in the AWS documentation ("Input
 * format of a Lambda function for proxy integration", "HTTP API payload format 2.0", "Lambda
 * functions as ALB targets", "Using Lambda with Amazon SQS", "Amazon EventBridge events"), sized as
 * real traffic is: a browser's 20 headers through CloudFront, a JWT with its claims, a full batch.
 * Every field AWS sends is present, so these events measure decoding with nothing to fill.
 */

const TRACE = "Root=1-6742f0a1-3b9c5d7e1f2a4b6c8d0e2f4a";
const USER_AGENT = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Safari/605.1.15";

/** REST API (v1) behind CloudFront, as the console's test event shows it: 20 headers in both maps, a repeated query key. */
export function restConsoleEvent() {
  const host = "a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com";
  const multiValueHeaders = {
    Accept: ["text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"],
    "Accept-Encoding": ["gzip, deflate, br"],
    "Accept-Language": ["en-GB,en;q=0.9", "de-DE;q=0.7"],
    "Cache-Control": ["max-age=0"],
    "CloudFront-Forwarded-Proto": ["https"],
    "CloudFront-Is-Desktop-Viewer": ["true"],
    "CloudFront-Is-Mobile-Viewer": ["false"],
    "CloudFront-Is-SmartTV-Viewer": ["false"],
    "CloudFront-Is-Tablet-Viewer": ["false"],
    "CloudFront-Viewer-ASN": ["3320"],
    "CloudFront-Viewer-Country": ["DE"],
    Cookie: ["session=8f2c1e9a7b; theme=dark"],
    Host: [host],
    "Upgrade-Insecure-Requests": ["1"],
    "User-Agent": [USER_AGENT],
    Via: ["2.0 a3f5c7e9b1d2e4f6a8c0b2d4e6f8a0c2.cloudfront.net (CloudFront)"],
    "X-Amz-Cf-Id": ["cDehVQoZnx43VYQb9j2-nvCh-9z396Uhbp027Y2JvkCPNLmGJHqlaA=="],
    "X-Amzn-Trace-Id": [TRACE],
    "X-Forwarded-For": ["198.51.100.23, 130.176.118.65"],
    "X-Forwarded-Proto": ["https"],
  };
  const multiValueQueryStringParameters = { status: ["open"], tag: ["mugs", "tea"], page: ["2"] };
  const last = (map) => Object.fromEntries(Object.entries(map).map(([k, v]) => [k, v.at(-1)]));
  return {
    resource: "/customers/{customerId}/orders",
    path: "/customers/cus-4711/orders",
    httpMethod: "GET",
    headers: last(multiValueHeaders),
    multiValueHeaders,
    queryStringParameters: last(multiValueQueryStringParameters),
    multiValueQueryStringParameters,
    pathParameters: { customerId: "cus-4711" },
    stageVariables: { backend: "orders-v2" },
    requestContext: {
      accountId: "123456789012",
      apiId: "a1b2c3d4e5",
      authorizer: { claims: { sub: "7d8e9f0a-1b2c-3d4e-5f6a-7b8c9d0e1f2a", email: "ada@example.com", "cognito:username": "ada", email_verified: "true" } },
      deploymentId: "x9y8z7",
      domainName: host,
      domainPrefix: "a1b2c3d4e5",
      extendedRequestId: "BxH3fGTqDoEFkDw=",
      httpMethod: "GET",
      identity: {
        accessKey: null, accountId: null, apiKey: null, apiKeyId: null, caller: null, clientCert: null,
        cognitoAuthenticationProvider: null, cognitoAuthenticationType: null, cognitoIdentityId: null, cognitoIdentityPoolId: null,
        principalOrgId: null, sourceIp: "198.51.100.23", user: null, userAgent: USER_AGENT, userArn: null,
      },
      path: "/prod/customers/cus-4711/orders",
      protocol: "HTTP/1.1",
      requestId: "c6af9ac6-7b61-11e6-9a41-93e8deadbeef",
      requestTime: "24/Nov/2024:10:15:30 +0000",
      requestTimeEpoch: 1732443330000,
      resourceId: "r4nd0m",
      resourcePath: "/customers/{customerId}/orders",
      stage: "prod",
    },
    body: null,
    isBase64Encoded: false,
  };
}

/** HTTP API (v2) with a JWT authorizer: 15 headers, cookies, a JSON body. */
export function httpApiJwtEvent() {
  const host = "r3pmxmplak.execute-api.eu-west-1.amazonaws.com";
  return {
    version: "2.0",
    routeKey: "POST /orders",
    rawPath: "/orders",
    rawQueryString: "dryRun=false&source=web",
    cookies: ["session=8f2c1e9a7b", "theme=dark", "consent=analytics%3Dfalse"],
    headers: {
      accept: "application/json",
      "accept-encoding": "gzip, deflate, br",
      "accept-language": "en-GB,en;q=0.9",
      authorization: "Bearer eyJhbGciOiJSUzI1NiIsImtpZCI6IjEyMyJ9.eyJzdWIiOiI3ZDhlOWYwYSJ9.c2lnbmF0dXJl",
      "content-length": "96",
      "content-type": "application/json",
      host,
      origin: "https://shop.example.com",
      referer: "https://shop.example.com/basket",
      "user-agent": USER_AGENT,
      "x-amzn-trace-id": TRACE,
      "x-forwarded-for": "198.51.100.23",
      "x-forwarded-port": "443",
      "x-forwarded-proto": "https",
      "x-request-id": "4b2a9c1e-3d5f-4e6a-8b7c-9d0e1f2a3b4c",
    },
    queryStringParameters: { dryRun: "false", source: "web" },
    requestContext: {
      accountId: "123456789012",
      apiId: "r3pmxmplak",
      authorizer: {
        jwt: {
          claims: {
            sub: "7d8e9f0a-1b2c-3d4e-5f6a-7b8c9d0e1f2a",
            iss: "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEfGhI",
            aud: "6u5t4s3r2q1p0o9n8m7l6k5j4i",
            client_id: "6u5t4s3r2q1p0o9n8m7l6k5j4i",
            token_use: "access",
            scope: "orders/write orders/read",
            auth_time: "1732443000",
            iat: "1732443000",
            exp: "1732446600",
            jti: "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0",
            username: "ada",
          },
          scopes: ["orders/write", "orders/read"],
        },
        principalId: "",
        integrationLatency: 0,
      },
      domainName: host,
      domainPrefix: "r3pmxmplak",
      http: { method: "POST", path: "/orders", protocol: "HTTP/1.1", sourceIp: "198.51.100.23", userAgent: USER_AGENT },
      requestId: "JKJaXmPLvHcESHA=",
      routeKey: "POST /orders",
      stage: "$default",
      time: "24/Nov/2024:10:15:30 +0000",
      timeEpoch: 1732443330000,
    },
    body: JSON.stringify({ customerId: "cus-4711", lines: [{ sku: "sku-red-mug", quantity: 2 }, { sku: "sku-tea", quantity: 1 }], note: "leave at the door" }),
    isBase64Encoded: false,
  };
}

/** ALB target group (multi-value headers off, the default): a browser request with its headers. */
export function albEvent() {
  return {
    requestContext: { elb: { targetGroupArn: "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/orders-lambda/6d0ecf831eec9f09" } },
    httpMethod: "GET",
    path: "/orders",
    queryStringParameters: { status: "open", q: "red%20mug", page: "2" },
    headers: {
      accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
      "accept-encoding": "gzip, deflate, br",
      "accept-language": "en-GB,en;q=0.9",
      connection: "keep-alive",
      cookie: "session=8f2c1e9a7b; theme=dark",
      host: "orders-alb-1234567890.eu-west-1.elb.amazonaws.com",
      "upgrade-insecure-requests": "1",
      "user-agent": USER_AGENT,
      "x-amzn-trace-id": TRACE,
      "x-forwarded-for": "198.51.100.23",
      "x-forwarded-port": "443",
      "x-forwarded-proto": "https",
    },
    body: "",
    isBase64Encoded: false,
  };
}

/** A full batch of 10 SQS messages, each with three message attributes and a trace header. */
export function sqsBatchEvent() {
  const Records = [];
  for (let i = 1; i <= 10; i++) {
    const id = String(i).padStart(4, "0");
    Records.push({
      messageId: `9f2b7c3e-5a1d-4e8b-b0c4-00000000${id}`,
      receiptHandle: `AQEBcmVjZWlwdC0ke2l9LW9yZGVycw==Zx8kLq3vN2mP7sQ9tR1uV3wX5yZ7aB9cD1eF3gH5iJ7kL9mN1oP3qR5sT7uV9wX1yZ3${id}`,
      body: JSON.stringify({ orderId: `ord-${id}`, quantity: i, items: ["sku-red-mug", "sku-tea"] }),
      attributes: {
        ApproximateReceiveCount: "1",
        AWSTraceHeader: TRACE,
        SentTimestamp: String(1732450000000 + i * 37),
        SenderId: "AROAEXAMPLEROLEID12:order-service",
        ApproximateFirstReceiveTimestamp: String(1732450000050 + i * 37),
      },
      messageAttributes: {
        Priority: { stringValue: "high", stringListValues: [], binaryListValues: [], dataType: "String" },
        TenantId: { stringValue: "acme", stringListValues: [], binaryListValues: [], dataType: "String" },
        Attempt: { stringValue: "1", stringListValues: [], binaryListValues: [], dataType: "Number" },
      },
      md5OfMessageAttributes: "5b8a8e7e1c0b4c2d9e3f6a7b8c9d0e1f",
      md5OfBody: "9ef6697d4c5d9b0ba862ff27356e42e9",
      eventSource: "aws:sqs",
      eventSourceARN: "arn:aws:sqs:eu-west-1:123456789012:orders",
      awsRegion: "eu-west-1",
    });
  }
  return { Records };
}

/** An EventBridge event whose detail nests objects and arrays three levels deep. */
export function eventBridgeNestedEvent() {
  return {
    version: "0",
    id: "7bf73129-1428-4cd3-a780-95db273d1602",
    "detail-type": "Order Placed",
    source: "com.example.orders",
    account: "123456789012",
    time: "2024-11-24T10:15:30Z",
    region: "eu-west-1",
    resources: ["arn:aws:dynamodb:eu-west-1:123456789012:table/orders"],
    detail: {
      orderId: "ord-4711",
      placedAt: "2024-11-24T10:15:29Z",
      customer: { id: "cus-4711", tier: "gold", address: { street: "1 Market St", city: "Berlin", postcode: "10115", country: "DE" } },
      lines: [
        { sku: "sku-red-mug", quantity: 2, price: { amount: "12.50", currency: "EUR" }, tags: ["kitchen", "gift"] },
        { sku: "sku-tea", quantity: 1, price: { amount: "6.90", currency: "EUR" }, tags: ["food"] },
        { sku: "sku-notebook", quantity: 3, price: { amount: "4.20", currency: "EUR" }, tags: [] },
      ],
      total: { amount: "44.50", currency: "EUR" },
      metadata: { channel: "web", experiment: { id: "checkout-v2", variant: "b" } },
    },
  };
}
