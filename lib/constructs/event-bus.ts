import { EventBus } from 'aws-cdk-lib/aws-events';
import { Construct } from 'constructs';

/** Name other services put `activity.completed` on and subscribe to Questline's events from. */
export const EVENT_BUS_NAME = 'questline';

/**
 * The custom bus: activities in, outcome events (source `questline`) out.
 * Its name is fixed and documented so producers and consumers in the account
 * can target it without reading stack outputs.
 */
export class GameEventBus extends Construct {
  readonly bus: EventBus;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.bus = new EventBus(this, 'Bus', {
      eventBusName: EVENT_BUS_NAME,
      description: 'Questline: activity.completed in; points, levels and milestones out (source questline)',
    });
  }
}
