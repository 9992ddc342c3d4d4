/*
 * 100-record Kinesis and DynamoDB Streams batches with the test config's typed payloads
 * (`OrderStream`: an order in each record's data; `OrderItem`: an order item in each NewImage),
 * and for each a copy broken in record 50's payload that every validating peer must reject.
 */
const order = (i) => ({ orderId: `ord-${i}`, quantity: 1 + (i % 5), items: [`sku-${i}`, `sku-${i + 1}`], total: { amount: 1000 + i, currency: "EUR" } });

export function kinesisBatch(count = 100) {
  const records = Array.from({ length: count }, (_, i) => ({
    kinesis: {
      kinesisSchemaVersion: "1.0",
      partitionKey: `order-${i}`,
      sequenceNumber: `4959033827149025660855969253836157109592157598913658${String(8800 + i)}`,
      data: Buffer.from(JSON.stringify(order(i))).toString("base64"),
      approximateArrivalTimestamp: 1764493200.123 + i,
    },
    eventSource: "aws:kinesis",
    eventVersion: "1.0",
    eventID: `shardId-000000000006:4959033827149025660855969253836157109592157598913658${String(8800 + i)}`,
    eventName: "aws:kinesis:record",
    invokeIdentityArn: "arn:aws:iam::123456789012:role/orders-stream-reader",
    awsRegion: "us-east-1",
    eventSourceARN: "arn:aws:kinesis:us-east-1:123456789012:stream/orders-stream",
  }));
  const broken = structuredClone({ Records: records });
  broken.Records[50].kinesis.data = Buffer.from(JSON.stringify({ ...order(50), quantity: 0 })).toString("base64");
  return { text: JSON.stringify({ Records: records }), broken: JSON.stringify(broken) };
}

const image = (i) => ({
  pk: { S: `ORDER#ord-${i}` },
  orderId: { S: `ord-${i}` },
  quantity: { N: String(1 + (i % 5)) },
  price: { N: `${19 + i}.99` },
  status: { S: i % 2 ? "PLACED" : "SHIPPED" },
  tags: { SS: ["gift", `batch-${i % 7}`] },
  address: { M: { city: { S: "Lyon" }, zip: { S: "69001" } } },
});

export function dynamodbBatch(count = 100) {
  const records = Array.from({ length: count }, (_, i) => ({
    eventID: `c4ca4238a0b923820dcc509a6f7584${String(10 + i).padStart(2, "0")}`,
    eventName: "INSERT",
    eventVersion: "1.1",
    eventSource: "aws:dynamodb",
    awsRegion: "us-east-1",
    dynamodb: {
      ApproximateCreationDateTime: 1764493200,
      Keys: { pk: { S: `ORDER#ord-${i}` } },
      NewImage: image(i),
      SequenceNumber: `44215845000000000174504${String(39091 + i)}`,
      SizeBytes: 180,
      StreamViewType: "NEW_AND_OLD_IMAGES",
    },
    eventSourceARN: "arn:aws:dynamodb:us-east-1:123456789012:table/orders/stream/2026-11-30T09:00:00.000",
  }));
  const broken = structuredClone({ Records: records });
  broken.Records[50].dynamodb.NewImage.address.M.city = { N: "7" };
  return { text: JSON.stringify({ Records: records }), broken: JSON.stringify(broken) };
}
