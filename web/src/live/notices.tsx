/** What a push shows: a small toast, or a celebration for a level or an achievement. */
import { Icon } from '../icons';
import type { PushFrame } from './socket';

export interface Notice {
  id: number;
  kind: 'toast' | 'celebration';
  text: string;
}

let next = 0;

/** The notice a frame deserves, if any. */
export function noticeFor(frame: PushFrame): Notice | null {
  const d = frame.data;
  const id = ++next;
  switch (frame.event) {
    case 'points_awarded':
      return {
        id,
        kind: 'toast',
        text: `+${d.points} XP${Number(d.coins) > 0 ? `, +${d.coins} coins` : ''}`,
      };
    case 'level_up':
      return {
        id,
        kind: 'celebration',
        text: d.title_changed ? `Level ${d.new_level}! You are now ${d.title}.` : `Level ${d.new_level}!`,
      };
    case 'achievement_unlocked':
      return { id, kind: 'celebration', text: `Achievement unlocked: ${d.name}` };
    case 'milestone_reached':
      return { id, kind: 'toast', text: `New scene reached: ${d.description}` };
    case 'scene_generated':
      return { id, kind: 'toast', text: 'Your new scene is ready.' };
    default:
      return null;
  }
}

/** The live region the notices appear in: read out by screen readers, never stealing focus. */
export function Notices({ notices }: { notices: Notice[] }) {
  return (
    <div class="notices" role="status" aria-live="polite">
      {notices.map((notice) => (
        <p key={notice.id} class={notice.kind} data-testid={notice.kind}>
          {notice.kind === 'celebration' && <Icon name="star" />}
          {notice.text}
        </p>
      ))}
    </div>
  );
}
