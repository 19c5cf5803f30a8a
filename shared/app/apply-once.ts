import { ConflictError, RuleRefusedError } from '../domain/errors';
import { newProfile } from '../domain/profile';
import type { AppliedOutcome, Outcome, Profile } from '../domain/types';
import {
  type ActivityState,
  EventAlreadyAppliedError,
  MarkerTakenError,
  StaleProfileError,
  type SubjectKey,
} from '../ports/game';
import type { BusinessMetrics } from '../ports/operations';
import { rulesVersionOf } from '../rules/version';
import { type Backoff, startBackoff } from './contention-retry';
import type { AppDeps } from './deps';
import { createKeyedQueue } from './user-queue';

export interface RecordResult {
  /** true when the event id was applied before: `outcome` is that first outcome */
  duplicate: boolean;
  outcome: AppliedOutcome;
}

export interface OnceRequest<S extends ActivityState = ActivityState> {
  userId: string;
  eventId: string;
  /** read the once-per-subject marker too */
  subject?: SubjectKey;
  /** what to read before each decision; default: the profile (and the subject's marker) */
  load?: () => Promise<S>;
  /** the pure domain decision on the profile as loaded */
  decide(profile: Profile, now: Date, state: S): Outcome;
  /** whether a stored outcome answers this same request (and not another reusing its event id) */
  sameRequest(existing: AppliedOutcome): boolean;
}

/**
 * The write path shared by activities and adjustments: load -> decide ->
 * save in one transaction, applied once per event id. Writes for one user
 * take turns within the process (see user-queue.ts); a race lost to another
 * process (stale profile, marker taken) reloads and decides again, so the
 * domain always sees what is stored.
 *
 * A replay is not looked for up front (that would cost every activity a
 * read): the transaction's create-only put of the event item fails and hands
 * back the first outcome. Only when the rules refuse is the event item read,
 * because a refusal writes nothing and so cannot find out: an event applied
 * before must answer as a duplicate even if the rules would refuse it now
 * (say its cap has been reached since).
 */
export function makeApplyOnce(
  deps: AppDeps,
): <S extends ActivityState = ActivityState>(request: OnceRequest<S>) => Promise<RecordResult> {
  const queue = createKeyedQueue();
  // once per use case: the rules do not change within a process
  const rulesVersion = rulesVersionOf(deps.rules).id;
  return (request) => {
    // The budget starts now, so it covers the wait for this user's turn: a
    // request whose budget ran out in the queue gives up without touching the
    // table, and a long queue drains fast.
    const backoff = startBackoff(deps);
    return queue(request.userId, () => applyWithRetries(deps, rulesVersion, request, backoff));
  };
}

async function applyWithRetries<S extends ActivityState>(
  deps: AppDeps,
  rulesVersion: string,
  request: OnceRequest<S>,
  backoff: Backoff,
): Promise<RecordResult> {
  const { store } = deps;
  backoff.check();
  for (;;) {
    const state = request.load
      ? await request.load()
      : ((await store.loadActivityState(request.userId, request.subject)) as S);
    const now = notBefore(deps.clock.now(), state.profile);
    const outcome = request.decide(state.profile ?? newProfile(request.userId, now), now, state);
    if (outcome.status === 'refused') {
      const applied = await store.findAppliedOutcome(request.userId, request.eventId);
      if (applied) return replay(deps, request, applied);
      throw new RuleRefusedError(outcome.reason, outcome.message);
    }
    // Recorded with the entry, so a later replay of the past knows which rules decided it.
    outcome.entry.rulesVersion = rulesVersion;
    try {
      await store.saveOutcome(outcome);
      countApplied(deps.metrics, outcome);
      // The activity rode along for the evaluators; it is not part of the answer (nor stored).
      const { activity: _activity, ...answer } = outcome;
      return { duplicate: false, outcome: answer };
    } catch (error) {
      if (error instanceof EventAlreadyAppliedError) {
        // DynamoDB hands the stored item back with the cancellation; read it only if it did not.
        const existing = error.existing ?? (await store.findAppliedOutcome(request.userId, request.eventId));
        if (existing) return replay(deps, request, existing);
      } else if (!(error instanceof StaleProfileError || error instanceof MarkerTakenError)) {
        throw error;
      }
      await backoff.wait(error);
    }
  }
}

/**
 * The ledger sorts by the instant an outcome is recorded. Clocks of
 * concurrent processes disagree by a few ms, so each write is dated at least
 * 1 ms after the profile it builds on: per user, ledger order is then commit
 * order, and each entry's balance follows from the one before it.
 */
function notBefore(now: Date, profile: Profile | null): Date {
  const last = profile ? Date.parse(profile.updatedAt) : Number.NaN;
  return last >= now.getTime() ? new Date(last + 1) : now;
}

function replay<S extends ActivityState>(
  deps: AppDeps,
  request: OnceRequest<S>,
  existing: AppliedOutcome,
): RecordResult {
  if (!request.sameRequest(existing)) {
    throw new ConflictError(
      'event_id_reused',
      `event_id ${request.eventId} was already applied to a different ${existing.entry.kind}`,
    );
  }
  deps.metrics?.count('Duplicates');
  return { duplicate: true, outcome: existing };
}

/** What a committed ledger entry did to the economy, for operators. */
function countApplied(metrics: BusinessMetrics | undefined, { entry, achievements }: AppliedOutcome): void {
  if (!metrics) return;
  if (entry.kind === 'activity') metrics.count('ActivitiesApplied');
  if (entry.kind === 'purchase') metrics.count('CoinsSpent', -entry.coins);
  else {
    metrics.count('XpAwarded', entry.xp);
    metrics.count('CoinsAwarded', entry.coins);
  }
  metrics.count('AchievementsUnlocked', achievements.length);
}
