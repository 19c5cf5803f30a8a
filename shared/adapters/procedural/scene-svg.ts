import type { SceneLook } from '../../domain/monster/scene-look';
import { PROCEDURAL_RENDERER } from '../../ports/scenes';
import { sceneBackgrounds } from './backgrounds';
import { type Layer, partOf } from './monster-parts';
import { bodyColor, shade } from './palette';

/** What draws a procedural scene, for the scene cache key: a new version (in the ports) draws new images. */
export { PROCEDURAL_RENDERER };

const LAYERS_UNDER_THE_BODY: Layer[] = ['behind'];

/**
 * The monster of `look` in its scene, as a 1024 x 1024 SVG document:
 * deterministic (the same look gives the same text, byte for byte), built
 * from catalog codes only, with no text (a Lambda has no fonts to draw it).
 */
export function sceneSvg(look: SceneLook): string {
  const body = bodyColor(look.color);
  const parts = [
    ...look.features.map((code, i) => partOf('feature', code, i)),
    ...look.clothing.map((code, i) => partOf('clothing', code, i)),
    ...look.patterns.map((code, i) => partOf('pattern', code, i)),
    ...look.accessories.map((code, i) => partOf('accessory', code, i)),
  ];
  const layer = (name: Layer) =>
    parts
      .filter((part) => part.layer === name)
      .map((part) => part.draw(body))
      .join('');
  const outline = shade(body, 0.6);
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" width="1024" height="1024" viewBox="0 0 1024 1024">',
    '<defs><clipPath id="body"><ellipse cx="512" cy="600" rx="200" ry="220"/></clipPath></defs>',
    sceneBackgrounds[look.level] ?? sceneBackgrounds[0],
    '<ellipse cx="512" cy="832" rx="230" ry="26" fill="#000000" opacity="0.18"/>',
    ...LAYERS_UNDER_THE_BODY.map(layer),
    `<ellipse cx="305" cy="650" rx="42" ry="85" fill="${body}" stroke="${outline}" stroke-width="6" transform="rotate(25 305 650)"/>`,
    `<ellipse cx="719" cy="650" rx="42" ry="85" fill="${body}" stroke="${outline}" stroke-width="6" transform="rotate(-25 719 650)"/>`,
    `<ellipse cx="440" cy="818" rx="62" ry="30" fill="${outline}"/><ellipse cx="584" cy="818" rx="62" ry="30" fill="${outline}"/>`,
    `<ellipse cx="512" cy="600" rx="200" ry="220" fill="${body}" stroke="${outline}" stroke-width="6"/>`,
    '<g clip-path="url(#body)">',
    layer('pattern'),
    `<ellipse cx="512" cy="700" rx="120" ry="100" fill="${shade(body, 1.18)}"/>`,
    layer('clothing'),
    '</g>',
    '<circle cx="445" cy="520" r="40" fill="#ffffff"/><circle cx="579" cy="520" r="40" fill="#ffffff"/>',
    '<circle cx="452" cy="528" r="18" fill="#2b2b2b"/><circle cx="586" cy="528" r="18" fill="#2b2b2b"/>',
    '<circle cx="458" cy="520" r="6" fill="#ffffff"/><circle cx="592" cy="520" r="6" fill="#ffffff"/>',
    '<path d="M462 592 Q512 640 562 592" stroke="#2b2b2b" stroke-width="9" fill="none" stroke-linecap="round"/>',
    layer('front'),
    layer('accessory'),
    '</svg>',
  ].join('');
}
