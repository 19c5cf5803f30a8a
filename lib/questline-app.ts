import { type App, type Environment, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { questlineBusRoutes } from '../shared/bus/questline-routes';
import { rulesVersionOf } from '../shared/rules/version';
import { parseQuestlineContext } from './config';
import { loadRulesForBundling } from './rules-bundle';
import { StatefulStack } from './stateful-stack';
import { StatelessStack } from './stateless-stack';

export interface QuestlineStacks {
  stateful: StatefulStack;
  stateless: StatelessStack;
}

/**
 * Adds Questline's two stacks to `app`, configured from the context key
 * `questline`, with cdk-nag's AwsSolutions checks on everything. Shared by
 * bin/app.ts and the infra tests so both synthesize the same thing.
 */
export function defineQuestline(app: App, env?: Environment): QuestlineStacks {
  const config = parseQuestlineContext(app.node.tryGetContext('questline'));
  const { defineValue, rules } = loadRulesForBundling(config.rulesFile);

  const stateful = new StatefulStack(app, 'QuestlineStateful', {
    env,
    description: 'Questline state: the game table, the event bus, the user pool',
    config,
  });
  const stateless = new StatelessStack(app, 'QuestlineStateless', {
    env,
    description: 'Questline code: HTTP and WebSocket APIs, functions, stream consumers, bus rules, alarms',
    table: stateful.table,
    bus: stateful.eventBus.bus,
    jwtAuth: stateful.jwtAuth,
    rulesDefine: defineValue,
    rulesVersion: rulesVersionOf(rules).id,
    busRoutes: questlineBusRoutes(rules),
    logRetention: config.logRetentionDays,
    sceneImages: stateful.sceneImages,
    scenes: config.scenes,
    userPool: stateful.userPool?.pool,
    dashboard: config.dashboard,
    capacity: config.capacity,
    internalCallers: config.internalCallers,
  });

  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { stateful, stateless };
}
