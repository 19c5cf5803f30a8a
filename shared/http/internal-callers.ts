/**
 * Who may call the /v1/internal routes: the operator's allowlist of role (or
 * user) ARNs, from the CDK config `internalCallers`, given to those
 * functions as INTERNAL_CALLER_ARNS (comma-separated). API Gateway has
 * checked the SigV4 signature; this checks the signer. Without a list, any
 * principal of the account that may invoke the API is a caller (synth warns).
 */

interface Principal {
  partition: string;
  account: string;
  kind: 'role' | 'user';
  /** a role's name without its path (a session's ARN carries no path) */
  name: string;
}

const ROLE_OR_USER = /^arn:([\w-]+):iam::(\d{12}):(role|user)\/(?:[\w+=,.@/-]*\/)?([\w+=,.@-]+)$/;
const ASSUMED_ROLE = /^arn:([\w-]+):sts::(\d{12}):assumed-role\/([\w+=,.@-]+)\/[\w+=,.@-]+$/;

/** The role or user an ARN names, a role session's included; null for anything else. */
export function principalOf(arn: string): Principal | null {
  const direct = ROLE_OR_USER.exec(arn);
  if (direct) {
    const [, partition = '', account = '', kind, name = ''] = direct;
    return { partition, account, kind: kind as Principal['kind'], name };
  }
  const session = ASSUMED_ROLE.exec(arn);
  if (session) {
    const [, partition = '', account = '', name = ''] = session;
    return { partition, account, kind: 'role', name };
  }
  return null;
}

const samePrincipal = (a: Principal, b: Principal) =>
  a.partition === b.partition && a.account === b.account && a.kind === b.kind && a.name === b.name;

/** Whether the caller (its SigV4 identity's ARN) is on the allowlist; an empty list allows every caller. */
export function isAllowedCaller(callerArn: string, allowlist: readonly string[]): boolean {
  if (allowlist.length === 0) return true;
  const caller = principalOf(callerArn);
  if (!caller) return false;
  return allowlist.some((entry) => {
    const allowed = principalOf(entry);
    return allowed !== null && samePrincipal(caller, allowed);
  });
}

/** The allowlist from the environment: INTERNAL_CALLER_ARNS, comma-separated; empty when unset. */
export function internalCallersFrom(env: Record<string, string | undefined>): string[] {
  return (env.INTERNAL_CALLER_ARNS ?? '')
    .split(',')
    .map((arn) => arn.trim())
    .filter((arn) => arn !== '');
}
