import type { UserChange, WhatIfReport } from '../domain/replay/what-if';

/** The what-if report as an operator reads it in a terminal. */
export function whatIfLines(report: WhatIfReport, opts: { maxUsers?: number } = {}): string[] {
  const { economy, changes } = report;
  const shown = changes.slice(0, opts.maxUsers ?? 200);
  const lines = [`Users that change: ${count(changes.length)} of ${count(economy.users)}`];
  for (const change of shown) lines.push(`  ${change.userId}: ${userLine(change)}`);
  if (shown.length < changes.length)
    lines.push(`  ... and ${count(changes.length - shown.length)} more (--json for all)`);
  lines.push(
    '',
    'Economy',
    `  XP issued:    ${delta(economy.xpIssued.before, economy.xpIssued.after)}`,
    `  coins issued: ${delta(economy.coinsIssued.before, economy.coinsIssued.after)}`,
    `  levels (users at each): ${levelLine(economy.levels.before, economy.levels.after)}`,
  );
  const achievements = Object.entries(economy.achievements).sort(([a], [b]) => a.localeCompare(b));
  lines.push(
    `  achievements: ${achievements.map(([id, n]) => `${id} +${n.gained}/-${n.lost}`).join(', ') || 'no change'}`,
  );
  if (report.unfaithful.length > 0) {
    lines.push(
      '',
      `Note: for ${count(report.unfaithful.length)} user(s) the replay under the current rules does not match the stored totals`,
      '  (history from before rules versions, or rules changed since): their diffs compare replays, not stored state.',
      `  ${report.unfaithful.slice(0, 10).join(', ')}${report.unfaithful.length > 10 ? ', ...' : ''}`,
    );
  }
  const losing = changes.filter((c) => c.losses.length > 0);
  if (losing.length > 0) {
    lines.push('', `Losses: ${count(losing.length)} user(s) would lose something they have:`);
    for (const change of losing.slice(0, opts.maxUsers ?? 200)) {
      lines.push(`  ${change.userId}: ${change.losses.join('; ')}`);
    }
  }
  return lines;
}

function userLine({ before, after, achievementsGained, achievementsLost, positions }: UserChange): string {
  const parts: string[] = [];
  if (before.xp !== after.xp) parts.push(`XP ${delta(before.xp, after.xp)}`);
  if (before.level !== after.level) parts.push(`level ${before.level} -> ${after.level}`);
  if (before.title !== after.title) parts.push(`title ${before.title} -> ${after.title}`);
  if (before.coinsEarned !== after.coinsEarned)
    parts.push(`coins earned ${delta(before.coinsEarned, after.coinsEarned)}`);
  if (before.refusedActivities !== after.refusedActivities) {
    parts.push(`activities refused ${before.refusedActivities} -> ${after.refusedActivities}`);
  }
  if (achievementsGained.length > 0) parts.push(`gains ${achievementsGained.join(', ')}`);
  if (achievementsLost.length > 0) parts.push(`loses ${achievementsLost.join(', ')}`);
  for (const type of new Set([...Object.keys(before.streaks), ...Object.keys(after.streaks)])) {
    const was = before.streaks[type];
    const will = after.streaks[type];
    if (was?.current !== will?.current || was?.longest !== will?.longest) {
      parts.push(
        `streak ${type} ${was?.current ?? 0}/${was?.longest ?? 0} -> ${will?.current ?? 0}/${will?.longest ?? 0} (current/longest)`,
      );
    }
  }
  for (const [board, rank] of Object.entries(positions)) {
    parts.push(
      `${board} board ${rank.before === null ? 'unranked' : `#${rank.before}`} -> ${rank.after === null ? 'unranked' : `#${rank.after}`}`,
    );
  }
  return parts.join('; ');
}

function levelLine(before: Record<number, number>, after: Record<number, number>): string {
  const levels = [...new Set([...Object.keys(before), ...Object.keys(after)].map(Number))].sort(
    (a, b) => a - b,
  );
  return levels
    .map((level) => {
      const was = before[level] ?? 0;
      const will = after[level] ?? 0;
      return was === will ? `${level}: ${count(was)}` : `${level}: ${count(was)} -> ${count(will)}`;
    })
    .join(', ');
}

function delta(before: number, after: number): string {
  if (before === after) return count(before);
  const change = after - before;
  const percent = before === 0 ? '' : ` (${change > 0 ? '+' : ''}${((change / before) * 100).toFixed(1)}%)`;
  return `${count(before)} -> ${count(after)}${percent}`;
}

const count = (n: number) => n.toLocaleString('en-US');
