/**
 * What a function may do with the table; CDK grants exactly this, whatever
 * the function serves (an HTTP route, a bus route, a stream consumer, a scene
 * task). The stats levels reach only the unlock statistics partition
 * (STATS#ACHIEVEMENTS), never a user's items: 'read-stats' for the public
 * catalog, 'write-stats' for the stream consumer that keeps the counts.
 * 'backfill' is 'read-write' plus Scan, for the rules backfill job alone:
 * it walks every user.
 */
export type TableAccess = 'none' | 'read' | 'read-write' | 'read-stats' | 'write-stats' | 'backfill';
