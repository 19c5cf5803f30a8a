import { inject } from 'vitest';

/**
 * Setup file of the integration and api tiers: exposes the run's DynamoDB
 * Local to test code the way the functions read it, as an environment variable.
 */
process.env.DYNAMODB_ENDPOINT = inject('dynamodbEndpoint');
// Node 20 is this project's runtime; the SDK's notice about Node 22 is noise in test output.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
