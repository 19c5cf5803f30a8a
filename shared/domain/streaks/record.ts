import type { StreakMilestone, StreakTypeRule } from '../../rules/streaks-schema';
import type { StreakAction, StreakState, StreakUpdate } from './state';
import { walk } from './walk';

export interface RecordInput {
  type: string;
  rule: StreakTypeRule;
  milestones: readonly StreakMilestone[];
  state: StreakState;
  /** the streak day the activity counts for */
  day: string;
  /** freeze tokens the user holds now */
  held: number;
  cutoff: string;
}

export interface RecordResult {
  state: StreakState;
  change: StreakUpdate;
  held: number;
}

/**
 * One activity counted for one streak type. Milestones are paid once per run:
 * `paid` survives while the run goes on (a late activity that extends the run
 * backwards keeps it) and is cleared when the run breaks. A late activity that
 * joins two runs does not take back what the later run was paid.
 */
export function recordDay(input: RecordInput): RecordResult {
  const { state, day } = input;
  const already = state.days.includes(day) || (state.base.day !== null && day <= state.base.day);
  const days = already ? state.days : [...state.days, day].sort();
  const result = walk({
    base: state.base,
    days,
    shields: state.shields,
    tokens: input.held + state.frozen.length,
    freezable: input.rule.freezable,
    cutoff: input.cutoff,
  });
  const frozenNow = result.frozenAll.filter((d) => !state.frozen.includes(d));
  const broken = state.lastDay !== null && (result.runStart === null || result.runStart > state.lastDay);
  const action = actionOf(state, already, broken, frozenNow.length > 0, result.current);
  const stillPaid = broken ? [] : state.paid;
  const due = input.milestones.filter((m) => m.days <= result.current && !stillPaid.includes(m.days));
  const lastDay = result.lastDay ?? state.lastDay;

  const next: StreakState = {
    days: days.filter((d) => d >= input.cutoff),
    frozen: result.frozen,
    shields: state.shields.filter((d) => d >= input.cutoff),
    base: result.base,
    current: result.current,
    longest: result.longest,
    lastDay: lastDay !== null && state.lastDay !== null && state.lastDay > lastDay ? state.lastDay : lastDay,
    total: result.total,
    runStart: result.runStart,
    action,
    paid: [...stillPaid, ...due.map((m) => m.days)].sort((a, b) => a - b),
  };
  return {
    state: next,
    held: result.tokensLeft,
    change: {
      type: input.type,
      action,
      current: next.current,
      longest: next.longest,
      previous: state.current,
      previousLastDay: state.lastDay,
      day,
      totalDays: next.total,
      frozenDays: frozenNow,
      freezesLeft: result.tokensLeft,
      milestones: due.map((m) => ({ days: m.days, xp: m.xp, coins: m.coins })),
    },
  };
}

function actionOf(
  before: StreakState,
  already: boolean,
  broken: boolean,
  frozen: boolean,
  current: number,
): StreakAction {
  if (before.lastDay === null) return 'started';
  if (already) return 'maintained';
  if (broken) return 'broken';
  if (frozen) return 'frozen';
  return current > before.current ? 'increased' : 'maintained';
}
