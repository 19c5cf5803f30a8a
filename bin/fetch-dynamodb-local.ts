import { ensureDynamoDbLocalJar } from '../shared/local/dynamodb-local';

/** `npm run dynamodb:fetch`: fetch DynamoDB Local's jar once (CI runs it before the tests). */
const started = Date.now();
const dir = await ensureDynamoDbLocalJar();
console.log(`DynamoDB Local ready in ${dir} (${Date.now() - started} ms)`);
