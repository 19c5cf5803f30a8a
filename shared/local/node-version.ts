/**
 * Which Node.js runs `npm start`. The Lambda functions run Node.js 22
 * (lib/constructs/api-function.ts), so 22 is the version to develop on; 20.19
 * still runs everything pinned here (the AWS SDK 3.11xx, middy 6, vitest 4),
 * but Node 20 is past its end of life and the AWS SDK's releases from January
 * 2027 on need 22.
 */

export const LAMBDA_NODE_MAJOR = 22;
const MINIMUM = { major: 20, minor: 19 };
const INSTALL = `install Node.js ${LAMBDA_NODE_MAJOR} LTS (for example \`nvm install ${LAMBDA_NODE_MAJOR} && nvm use ${LAMBDA_NODE_MAJOR}\`, or your package manager's nodejs ${LAMBDA_NODE_MAJOR})`;

export class UnsupportedNodeError extends Error {
  override readonly name = 'UnsupportedNodeError';
}

/**
 * Throws for a Node.js too old to run the service, saying what to install;
 * for one that runs it but is not what Lambda runs, answers a one-line notice.
 */
export function checkNodeVersion(version: string = process.versions.node): { notice?: string } {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  if (major < MINIMUM.major || (major === MINIMUM.major && minor < MINIMUM.minor)) {
    throw new UnsupportedNodeError(
      `Questline needs Node.js ${LAMBDA_NODE_MAJOR} (what its Lambda functions run), or at least ${MINIMUM.major}.${MINIMUM.minor}; this is Node.js ${version}: ${INSTALL}.`,
    );
  }
  if (major < LAMBDA_NODE_MAJOR) {
    return {
      notice: `Node.js ${version} runs Questline, but Node ${major} is past its end of life and Lambda runs ${LAMBDA_NODE_MAJOR}: ${INSTALL}.`,
    };
  }
  return {};
}
