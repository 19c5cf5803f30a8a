import { Duration } from 'aws-cdk-lib';
import { type Archive, EventBus } from 'aws-cdk-lib/aws-events';
import { Construct } from 'constructs';

import { EVENT_BUS_NAME } from '../../shared/bus/bus-name';

export { EVENT_BUS_NAME };

/**
 * The custom bus: activities in, outcome events (source `questline`) out.
 * Its name is fixed and documented so producers and consumers in the account
 * can target it without reading stack outputs.
 */
export interface GameEventBusProps {
  /** days the archive keeps events for replay; 0: forever */
  archiveDays: number;
}

export class GameEventBus extends Construct {
  readonly bus: EventBus;
  /** every event on the bus, in and out, kept for replay (StartReplay) */
  readonly archive: Archive;

  constructor(scope: Construct, id: string, props: GameEventBusProps) {
    super(scope, id);
    this.bus = new EventBus(this, 'Bus', {
      eventBusName: EVENT_BUS_NAME,
      description: 'Questline: activity.completed in; points, levels and milestones out (source questline)',
    });
    this.archive = this.bus.archive('Archive', {
      description: 'Questline: every event on the bus, for replay',
      // An archive needs a pattern: every account's events is every event of this bus.
      eventPattern: { account: [this.bus.stack.account] },
      retention: props.archiveDays === 0 ? undefined : Duration.days(props.archiveDays),
    });
  }
}
