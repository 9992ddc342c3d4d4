import { describeCognitoSchema } from "./cognito-fixtures.js";

describeCognitoSchema("cognito-authentication", ["base", "pre-token-generation-v3"]);
