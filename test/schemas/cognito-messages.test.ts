import { describeCognitoSchema } from "./cognito-fixtures.js";

describeCognitoSchema("cognito-messages", ["base", "custom-email-sender-account-takeover"]);
