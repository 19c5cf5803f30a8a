import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { JwtAuthConfig, QuestlineConfig } from './config';
import { GameEventBus } from './constructs/event-bus';
import { GameTable } from './constructs/game-table';
import { SceneImages } from './constructs/scene-images';
import { GameUserPool } from './constructs/user-pool';

export interface StatefulStackProps extends StackProps {
  config: QuestlineConfig;
}

/**
 * What holds data and must outlive any deployment of the code: the table,
 * the bus, the scene images (with the CDN that serves them), and (unless the
 * operator brings an OIDC issuer) the user pool, since accounts are state too.
 */
export class StatefulStack extends Stack {
  readonly table: GameTable;
  readonly eventBus: GameEventBus;
  readonly userPool: GameUserPool | undefined;
  /** the scene images' bucket and the CDN in front of it (together: OAC writes the bucket's policy) */
  readonly sceneImages: SceneImages;
  /** who API Gateway trusts for end-user JWTs */
  readonly jwtAuth: JwtAuthConfig;

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, props);
    const { config } = props;
    this.table = new GameTable(this, 'GameTable', { deletionProtection: config.deletionProtection });
    this.eventBus = new GameEventBus(this, 'EventBus', { archiveDays: config.eventArchiveDays });
    this.sceneImages = new SceneImages(this, 'SceneImages');
    if (config.auth) {
      this.userPool = undefined;
      this.jwtAuth = config.auth;
    } else {
      this.userPool = new GameUserPool(this, 'Users', { deletionProtection: config.deletionProtection });
      this.jwtAuth = this.userPool.jwtAuth();
      new CfnOutput(this, 'UserPoolId', { key: 'UserPoolId', value: this.userPool.pool.userPoolId });
      new CfnOutput(this, 'UserPoolClientId', {
        key: 'UserPoolClientId',
        value: this.userPool.client.userPoolClientId,
      });
    }
    new CfnOutput(this, 'TableName', { key: 'TableName', value: this.table.table.tableName });
    new CfnOutput(this, 'EventBusName', { key: 'EventBusName', value: this.eventBus.bus.eventBusName });
  }
}
