/**
 * What the monster is doing at each scene level (0..6), as in the seeds. Level
 * 0 is every new user's scene; levels 1..6 are reached at the rules' milestones.
 */
export const sceneDescriptions: readonly string[] = [
  'sitting at a simple desk in a cozy bedroom',
  'in a study room surrounded by colorful textbooks',
  'in a grand library with tall bookshelves',
  'teaching a class full of smaller monster students',
  'walking across a beautiful university campus',
  'at a graduation ceremony wearing a cap and gown',
  'in a hall of fame with trophies and awards',
];

export const MAX_SCENE_LEVEL = sceneDescriptions.length - 1;

/** The description for a scene level, clamped to 0..6 (a fraction is truncated, NaN reads as 0). */
export function sceneDescription(level: number): string {
  const whole = Number.isFinite(level) ? Math.trunc(level) : level > 0 ? MAX_SCENE_LEVEL : 0;
  const clamped = Math.min(Math.max(0, whole), MAX_SCENE_LEVEL);
  return sceneDescriptions[clamped] ?? '';
}
