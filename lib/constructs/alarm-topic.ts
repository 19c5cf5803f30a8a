import { CfnOutput } from 'aws-cdk-lib';
import { Alarm } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { Construct, type IConstruct } from 'constructs';

/**
 * The one place every alarm reports to: an SNS topic an operator subscribes
 * to (email, chat, a pager), output as AlarmTopicArn. Encrypted with a key of
 * its own, because CloudWatch cannot publish to a topic under the AWS-managed
 * SNS key: this key's policy lets CloudWatch use it, and only for this.
 */
export class AlarmTopic extends Construct {
  readonly topic: Topic;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const key = new Key(this, 'Key', {
      description: 'Questline alarm notifications',
      enableKeyRotation: true,
    });
    key.grant(new ServicePrincipal('cloudwatch.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');
    this.topic = new Topic(this, 'Topic', {
      displayName: 'Questline alarms',
      masterKey: key,
      enforceSSL: true,
    });
    new CfnOutput(this, 'AlarmTopicArn', {
      key: 'AlarmTopicArn',
      value: this.topic.topicArn,
      description: 'Subscribe here to receive every Questline alarm (and its return to OK)',
    });
  }

  /** Sends every alarm under `scope` here, when it fires and when it clears. */
  notifyAll(scope: IConstruct): Alarm[] {
    const action = new SnsAction(this.topic);
    const alarms = scope.node.findAll().filter((c): c is Alarm => c instanceof Alarm);
    for (const alarm of alarms) {
      alarm.addAlarmAction(action);
      alarm.addOkAction(action);
    }
    return alarms;
  }
}
