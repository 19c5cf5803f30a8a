import { describe, expect, it } from 'vitest';
import { ForbiddenError, UnauthorizedError } from '../../shared/domain/errors';
import { requireIamCaller } from '../../shared/http/auth';
import { internalCallersFrom, isAllowedCaller, principalOf } from '../../shared/http/internal-callers';
import { httpEvent } from '../api/support/events';

const ROLE = 'arn:aws:iam::123456789012:role/backend/studyapp-api';
const SESSION = 'arn:aws:sts::123456789012:assumed-role/studyapp-api/i-0abc';

describe('the internal callers allowlist', () => {
  it('takes a role session as the role it assumed, whatever the role path', () => {
    expect(principalOf(SESSION)).toEqual(principalOf(ROLE));
    expect(isAllowedCaller(SESSION, [ROLE])).toBe(true);
  });

  it('refuses another role, the same role name in another account or partition, and a user of that name', () => {
    expect(isAllowedCaller('arn:aws:sts::123456789012:assumed-role/intern-laptop/s', [ROLE])).toBe(false);
    expect(isAllowedCaller('arn:aws:sts::999999999999:assumed-role/studyapp-api/s', [ROLE])).toBe(false);
    expect(isAllowedCaller('arn:aws-cn:sts::123456789012:assumed-role/studyapp-api/s', [ROLE])).toBe(false);
    expect(isAllowedCaller('arn:aws:iam::123456789012:user/studyapp-api', [ROLE])).toBe(false);
    expect(isAllowedCaller('arn:aws:iam::123456789012:root', [ROLE])).toBe(false);
  });

  it('takes a listed IAM user, and lets every caller through when nothing is listed', () => {
    const user = 'arn:aws:iam::123456789012:user/ops/batch';
    expect(isAllowedCaller(user, [ROLE, user])).toBe(true);
    expect(isAllowedCaller('arn:aws:sts::123456789012:assumed-role/anyone/s', [])).toBe(true);
  });

  it('reads the list from INTERNAL_CALLER_ARNS, comma-separated, blanks ignored', () => {
    expect(internalCallersFrom({ INTERNAL_CALLER_ARNS: ` ${ROLE}, ,arn:aws:iam::1:user/x ` })).toEqual([
      ROLE,
      'arn:aws:iam::1:user/x',
    ]);
    expect(internalCallersFrom({})).toEqual([]);
  });
});

describe('requireIamCaller', () => {
  const signedBy = (userArn: string) => {
    const event = httpEvent({ method: 'POST', route: '/v1/internal/activities', auth: { kind: 'iam' } });
    const iam = event.requestContext.authorizer?.iam;
    if (iam) iam.userArn = userArn;
    return event;
  };

  it('answers 403 forbidden for a signer off the list, 401 for no signature', () => {
    expect(() => requireIamCaller(signedBy(SESSION), [ROLE])).not.toThrow();
    expect(() =>
      requireIamCaller(signedBy('arn:aws:sts::123456789012:assumed-role/other/s'), [ROLE]),
    ).toThrow(ForbiddenError);
    const unsigned = httpEvent({ method: 'POST', route: '/v1/internal/activities', auth: { kind: 'none' } });
    expect(() => requireIamCaller(unsigned, [ROLE])).toThrow(UnauthorizedError);
  });
});
