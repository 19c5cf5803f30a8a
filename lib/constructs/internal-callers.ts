import { Annotations, Stack } from 'aws-cdk-lib';
import { CfnEventBusPolicy, type IEventBus } from 'aws-cdk-lib/aws-events';
import type { IRole } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { EVENT_SOURCE } from '../../events/envelope';
import type { RouteDefinition } from '../../shared/http/define-route';
import type { QuestlineHttpApi } from './http-api';

export interface InternalCallersProps {
  httpApi: QuestlineHttpApi;
  routes: readonly RouteDefinition[];
  bus: IEventBus;
  /** the roles that publish Questline's own events (the outbox and the leaderboard projector) */
  publishers: readonly IRole[];
  /** the operator's allowlist (config internalCallers): role or user ARNs */
  callers: readonly string[];
}

/**
 * Who may act as Questline's backends. API Gateway's IAM auth accepts any
 * principal of the account allowed to invoke the API, and the bus any
 * allowed to put events; so:
 *
 * - the /v1/internal routes check the signer against the operator's
 *   allowlist (INTERNAL_CALLER_ARNS, shared/http/internal-callers.ts);
 * - the bus's policy denies `source: questline` events to everyone but the
 *   publisher roles, so nobody else can push to users' sockets or fake an
 *   outcome; and, with an allowlist, denies every other event (the inbound
 *   activities, which grant XP and coins) to everyone but the listed callers.
 *
 * Without an allowlist, synth warns: any principal of the account may record
 * activities and grant coins.
 */
export class InternalCallers extends Construct {
  constructor(scope: Construct, id: string, props: InternalCallersProps) {
    super(scope, id);
    const callers = [...props.callers];
    for (const route of props.routes.filter((r) => r.auth === 'iam')) {
      const fn = props.httpApi.functions.get(route.id);
      if (fn && callers.length > 0) fn.fn.addEnvironment('INTERNAL_CALLER_ARNS', callers.join(','));
    }
    const deny = (sid: string, condition: Record<string, unknown>) =>
      new CfnEventBusPolicy(this, sid, {
        eventBusName: props.bus.eventBusName,
        statementId: sid,
        statement: {
          Sid: sid,
          Effect: 'Deny',
          Principal: '*',
          Action: 'events:PutEvents',
          Resource: props.bus.eventBusArn,
          Condition: condition,
        },
      });
    deny('OnlyQuestlinePublishesQuestlineEvents', {
      StringEquals: { 'events:source': EVENT_SOURCE },
      ArnNotLike: { 'aws:PrincipalArn': props.publishers.map((role) => role.roleArn) },
    });
    if (callers.length > 0) {
      deny('OnlyInternalCallersPutInboundEvents', {
        StringNotEquals: { 'events:source': EVENT_SOURCE },
        ArnNotLike: { 'aws:PrincipalArn': callers },
      });
    } else {
      Annotations.of(Stack.of(this)).addWarningV2(
        'questline:internal-callers',
        'No `internalCallers` set: any IAM principal of this account that may invoke the API or put events on the bus can record activities and grant XP and coins. List your backends\' role ARNs in cdk.json (README, "Deploying to AWS").',
      );
    }
  }
}
