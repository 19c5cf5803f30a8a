import { describe, expect, it } from 'vitest';
import {
  AWS_ENDPOINT_POLICY,
  endpointProblem,
  isForbiddenAddress,
  LOCAL_ENDPOINT_POLICY,
} from '../../../shared/adapters/webhooks/address-guard';
import { GIVE_UP_AFTER_SECONDS, retryDelaySeconds } from '../../../shared/domain/webhooks/retry-schedule';
import { signatureOf, verifySignature } from '../../../shared/domain/webhooks/signature';

describe('the addresses a webhook may not reach', () => {
  it.each([
    '10.1.2.3',
    '172.20.0.1',
    '192.168.1.1',
    '127.0.0.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '::1',
    'fd00:ec2::254',
    'fe80::1',
    '::ffff:127.0.0.1',
    '::ffff:10.0.0.1',
    'not-an-ip',
  ])('refuses %s', (address) => {
    expect(isForbiddenAddress(address)).toBe(true);
  });

  it.each(['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111'])('allows the public %s', (address) => {
    expect(isForbiddenAddress(address)).toBe(false);
  });
});

describe('registering an endpoint on AWS', () => {
  const resolvesTo = (address: string) => async () => [{ address, family: address.includes(':') ? 6 : 4 }];

  it.each([
    ['http://hooks.example.com/q', 'must be https'],
    ['https://user:pw@hooks.example.com/q', 'must not carry credentials'],
    [
      'https://169.254.169.254/latest/meta-data',
      'its host resolves to 169.254.169.254, a private, loopback, link-local or reserved address',
    ],
    ['https://[::1]/q', 'its host resolves to ::1, a private, loopback, link-local or reserved address'],
    ['nonsense', 'not a URL'],
  ])('refuses %s: %s', async (url, problem) => {
    expect(await endpointProblem(url, AWS_ENDPOINT_POLICY, resolvesTo('93.184.216.34'))).toBe(problem);
  });

  it('refuses a name that resolves to a private address, and accepts one that resolves to a public one', async () => {
    expect(
      await endpointProblem('https://internal.example.com/q', AWS_ENDPOINT_POLICY, resolvesTo('10.0.0.5')),
    ).toMatch(/resolves to 10\.0\.0\.5/);
    expect(
      await endpointProblem('https://hooks.example.com/q', AWS_ENDPOINT_POLICY, resolvesTo('93.184.216.34')),
    ).toBeNull();
  });

  it('accepts any http URL locally', async () => {
    expect(await endpointProblem('http://localhost:4000/hook', LOCAL_ENDPOINT_POLICY)).toBeNull();
  });
});

describe('signatures', () => {
  const body = '{"a":1}';
  const at = new Date('2026-12-04T10:00:00Z');

  it('verifies with either secret, and not after five minutes', () => {
    const header = signatureOf(body, ['s-new', 's-old'], at);
    expect(verifySignature(header, body, 's-old', at)).toBe(true);
    expect(verifySignature(header, body, 's-new', new Date(at.getTime() + 299_000))).toBe(true);
    expect(verifySignature(header, body, 's-new', new Date(at.getTime() + 301_000))).toBe(false);
    expect(verifySignature(header, '{"a":2}', 's-new', at)).toBe(false);
  });
});

describe('the retry schedule', () => {
  const first = new Date('2026-12-04T00:00:00Z');

  it('backs off exponentially from 30 s to 15 minutes, with jitter in the upper half', () => {
    const delays = [1, 2, 3, 6, 10].map((attempt) => retryDelaySeconds(attempt, first, first, () => 1));
    expect(delays).toEqual([30, 60, 120, 900, 900]);
    expect(retryDelaySeconds(1, first, first, () => 0)).toBe(15);
  });

  it('gives up a day after the first attempt', () => {
    const late = new Date(first.getTime() + (GIVE_UP_AFTER_SECONDS - 100) * 1000);
    expect(retryDelaySeconds(40, first, late, () => 1)).toBeNull();
    expect(retryDelaySeconds(40, first, late, () => 0)).toBeNull();
  });
});
