/** The built-in samples, as `kata events` lists them. */
export const SAMPLES = [
  ...["alb", "apigw-v1", "apigw-v2", "eventbridge", "function-url", "sqs"],
  // Issue 11: streams, storage, messaging, CloudWatch and WebSocket APIs.
  ...["activemq", "apigw-websocket", "cloudwatch-alarm", "cloudwatch-logs", "dynamodb", "firehose", "kafka", "kinesis"],
  ...["rabbitmq", "s3", "s3-batch", "s3-eventbridge", "s3-object-lambda", "scheduled", "sns"],
  // Issue 11: authorizers, Cognito, CloudFormation and the other request-response sources.
  ...["apigw-authorizer", "apigw-authorizer-v2", "appsync", "cloudformation", "cloudfront", "codepipeline", "cognito-auth-challenge", "cognito-authentication", "cognito-messages", "cognito-sign-up", "connect", "lex", "lex-v2", "secrets-manager", "ses", "transfer-family", "vpc-lattice"],
].sort();
