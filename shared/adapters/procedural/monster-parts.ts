import { colorOf, shade } from './palette';
import { star } from './shapes';

/**
 * The monster's parts, drawn on the 1024 x 1024 canvas: the body is an
 * ellipse at (512, 600), 400 wide and 440 tall. Each part has a layer (what
 * it is drawn over) and draws from the body colour. The shipped catalog's
 * codes have their own drawings; any other code (an operator's catalog) gets
 * its type's generic drawing in a colour derived from the code.
 */

export type PartKind = 'accessory' | 'clothing' | 'feature' | 'pattern';

export type Layer = 'behind' | 'pattern' | 'clothing' | 'front' | 'accessory';

export interface Part {
  layer: Layer;
  draw(body: string): string;
}

const WHITE = '#fffdf7';
const INK = '#2b2b2b';

const heart = (x: number, y: number, s: number, fill: string) =>
  `<path d="M${x} ${y + s * 0.3} c0 -${s * 0.4} -${s * 0.6} -${s * 0.4} -${s * 0.6} 0 c0 ${s * 0.35} ${s * 0.6} ${s * 0.6} ${s * 0.6} ${s * 0.7} c0 -${s * 0.1} ${s * 0.6} -${s * 0.35} ${s * 0.6} -${s * 0.7} c0 -${s * 0.4} -${s * 0.6} -${s * 0.4} -${s * 0.6} 0 z" fill="${fill}"/>`;
/** A garment: the body's lower part in `fill` (the caller clips it to the body). */
const garment = (fill: string, top = 610) =>
  `<rect x="300" y="${top}" width="424" height="240" fill="${fill}"/>`;
const grid = (step: number, draw: (x: number, y: number, i: number) => string) =>
  Array.from({ length: Math.ceil(400 / step) * Math.ceil(440 / step) }, (_, i) => {
    const columns = Math.ceil(400 / step);
    const x = 312 + (i % columns) * step + (Math.floor(i / columns) % 2) * (step / 2);
    const y = 380 + Math.floor(i / columns) * step;
    return draw(x, y, i);
  }).join('');

const features: Record<string, Part> = {
  horns: {
    layer: 'behind',
    draw: () =>
      `<polygon points="420,420 395,300 470,395" fill="${WHITE}" stroke="${INK}" stroke-width="4"/><polygon points="604,420 629,300 554,395" fill="${WHITE}" stroke="${INK}" stroke-width="4"/>`,
  },
  antennae: {
    layer: 'behind',
    draw: (body) =>
      `<path d="M470 400 Q440 330 420 290" stroke="${INK}" stroke-width="8" fill="none"/><circle cx="420" cy="285" r="16" fill="${shade(body, 0.7)}"/><path d="M554 400 Q584 330 604 290" stroke="${INK}" stroke-width="8" fill="none"/><circle cx="604" cy="285" r="16" fill="${shade(body, 0.7)}"/>`,
  },
  wings: {
    layer: 'behind',
    draw: (body) =>
      `<path d="M330 560 L150 430 L190 560 L120 600 L210 650 L330 640 z" fill="${shade(body, 0.65)}"/><path d="M694 560 L874 430 L834 560 L904 600 L814 650 L694 640 z" fill="${shade(body, 0.65)}"/>`,
  },
  tail_fluffy: {
    layer: 'behind',
    draw: (body) =>
      `<circle cx="715" cy="770" r="55" fill="${shade(body, 1.15)}"/><circle cx="760" cy="740" r="40" fill="${shade(body, 1.25)}"/>`,
  },
  claws: {
    layer: 'front',
    draw: () =>
      [285, 305, 325]
        .map((x) => `<polygon points="${x},700 ${x + 8},730 ${x + 16},700" fill="${WHITE}"/>`)
        .join('') +
      [699, 719, 739]
        .map((x) => `<polygon points="${x},700 ${x + 8},730 ${x + 16},700" fill="${WHITE}"/>`)
        .join(''),
  },
  fangs: {
    layer: 'front',
    draw: () =>
      `<polygon points="480,598 492,628 504,598" fill="${WHITE}"/><polygon points="520,598 532,628 544,598" fill="${WHITE}"/>`,
  },
  third_eye: {
    layer: 'front',
    draw: () =>
      `<ellipse cx="512" cy="455" rx="30" ry="22" fill="${WHITE}" stroke="${INK}" stroke-width="4"/><circle cx="512" cy="455" r="11" fill="${INK}"/>`,
  },
};

const clothing: Record<string, Part> = {
  tshirt_blue: { layer: 'clothing', draw: () => garment('#3a7bd5') },
  tshirt_red: { layer: 'clothing', draw: () => garment('#d63031') },
  tshirt_questline: { layer: 'clothing', draw: () => garment('#2d3436') + star(512, 700, 40, '#fdcb6e') },
  hoodie_cozy: {
    layer: 'clothing',
    draw: () =>
      `${garment('#95a5a6', 590)}<rect x="440" y="720" width="144" height="60" rx="20" fill="#7f8c8d"/>`,
  },
  dress_red: {
    layer: 'clothing',
    draw: () =>
      `${garment('#c0392b', 640)}<polygon points="330,700 694,700 760,850 264,850" fill="#c0392b"/>`,
  },
  sweater_library: {
    layer: 'clothing',
    draw: () =>
      `${garment('#7b2d26')}${[650, 700, 750].map((y) => `<rect x="300" y="${y}" width="424" height="14" fill="#e1b12c"/>`).join('')}`,
  },
  cape_hero: {
    layer: 'behind',
    draw: () => '<path d="M360 500 L270 860 L754 860 L664 500 z" fill="#e84118"/>',
  },
  gown_graduation: {
    layer: 'clothing',
    draw: () => `${garment('#1e272e', 580)}<rect x="496" y="580" width="32" height="260" fill="#485460"/>`,
  },
  suit_tuxedo: {
    layer: 'clothing',
    draw: () =>
      `${garment('#1e1e1e')}<polygon points="470,610 512,720 554,610" fill="${WHITE}"/><circle cx="512" cy="750" r="8" fill="${WHITE}"/>`,
  },
};

const accessories: Record<string, Part> = {
  glasses_scholar: {
    layer: 'accessory',
    draw: () =>
      `<g fill="none" stroke="${INK}" stroke-width="8"><circle cx="445" cy="520" r="46"/><circle cx="579" cy="520" r="46"/><line x1="491" y1="520" x2="533" y2="520"/></g>`,
  },
  monocle: {
    layer: 'accessory',
    draw: () =>
      `<circle cx="579" cy="520" r="48" fill="none" stroke="#c7a008" stroke-width="8"/><path d="M620 545 q30 60 10 120" stroke="#c7a008" stroke-width="4" fill="none"/>`,
  },
  pencil_ear: {
    layer: 'accessory',
    draw: () =>
      '<g transform="rotate(-35 680 430)"><rect x="640" y="420" width="110" height="22" fill="#fbc531"/><polygon points="750,420 780,431 750,442" fill="#e1b48c"/><rect x="630" y="420" width="12" height="22" fill="#e84393"/></g>',
  },
  hat_beanie: {
    layer: 'accessory',
    draw: () =>
      '<path d="M392 430 Q512 290 632 430 z" fill="#e17055"/><rect x="385" y="420" width="254" height="30" rx="12" fill="#d35400"/><circle cx="512" cy="335" r="24" fill="#fab1a0"/>',
  },
  hat_wizard: {
    layer: 'accessory',
    draw: () =>
      `<polygon points="412,420 512,170 612,420" fill="#6c5ce7"/><ellipse cx="512" cy="420" rx="140" ry="22" fill="#5f27cd"/>${star(512, 330, 22, '#feca57')}`,
  },
  hat_graduation: {
    layer: 'accessory',
    draw: () =>
      '<rect x="440" y="370" width="144" height="50" fill="#222"/><polygon points="372,370 512,320 652,370 512,410" fill="#2d3436"/><path d="M512 365 L640 380 L640 450" stroke="#fdcb6e" stroke-width="6" fill="none"/>',
  },
  hat_crown: {
    layer: 'accessory',
    draw: () =>
      `<polygon points="420,420 420,330 466,380 512,310 558,380 604,330 604,420" fill="#f9ca24" stroke="#c7a008" stroke-width="5"/>${star(512, 385, 14, '#e84118')}`,
  },
  bow_tie: {
    layer: 'accessory',
    draw: () =>
      '<polygon points="462,640 462,690 512,665" fill="#e84118"/><polygon points="562,640 562,690 512,665" fill="#e84118"/><circle cx="512" cy="665" r="12" fill="#c23616"/>',
  },
  scarf_knitted: {
    layer: 'accessory',
    draw: () =>
      '<rect x="360" y="630" width="304" height="44" rx="20" fill="#00b894"/><rect x="580" y="650" width="44" height="130" rx="12" fill="#00a383"/>',
  },
  backpack_books: {
    layer: 'behind',
    draw: () => '<rect x="660" y="560" width="140" height="200" rx="30" fill="#8e5a2b"/>',
  },
  headphones_study: {
    layer: 'accessory',
    draw: () =>
      `<path d="M330 520 Q512 250 694 520" stroke="${INK}" stroke-width="16" fill="none"/><rect x="300" y="490" width="46" height="90" rx="18" fill="#0984e3"/><rect x="678" y="490" width="46" height="90" rx="18" fill="#0984e3"/>`,
  },
};

const patterns: Record<string, Part> = {
  pattern_stripes: {
    layer: 'pattern',
    draw: (body) =>
      Array.from(
        { length: 9 },
        (_, i) => `<rect x="300" y="${390 + i * 50}" width="424" height="20" fill="${shade(body, 0.78)}"/>`,
      ).join(''),
  },
  pattern_spots: {
    layer: 'pattern',
    draw: (body) => grid(90, (x, y) => `<circle cx="${x}" cy="${y}" r="18" fill="${shade(body, 0.75)}"/>`),
  },
  pattern_zigzag: {
    layer: 'pattern',
    draw: (body) =>
      Array.from({ length: 5 }, (_, row) => {
        const y = 420 + row * 90;
        const points = Array.from({ length: 12 }, (_, i) => `${300 + i * 40},${y + (i % 2) * 30}`).join(' ');
        return `<polyline points="${points}" fill="none" stroke="${shade(body, 0.75)}" stroke-width="10"/>`;
      }).join(''),
  },
  pattern_hearts: { layer: 'pattern', draw: () => grid(110, (x, y) => heart(x, y, 40, '#ff6b81')) },
  pattern_stars: { layer: 'pattern', draw: () => grid(110, (x, y) => star(x, y, 20, '#fff200')) },
  pattern_galaxy: {
    layer: 'pattern',
    draw: () =>
      `<rect x="300" y="380" width="424" height="440" fill="#1b1464" opacity="0.55"/>${grid(60, (x, y, i) => `<circle cx="${x}" cy="${y}" r="${2 + (i % 3) * 2}" fill="${WHITE}"/>`)}`,
  },
};

/** Whether a code has a drawing of its own (the shipped catalog's do), rather than its kind's generic one. */
export function hasOwnDrawing(kind: PartKind, code: string): boolean {
  return Object.hasOwn(drawings[kind], code);
}

const drawings: Record<PartKind, Record<string, Part>> = {
  accessory: accessories,
  clothing,
  feature: features,
  pattern: patterns,
};

/** A code's part of the given kind: its own drawing, or the kind's generic one. */
export function partOf(
  kind: 'accessory' | 'clothing' | 'feature' | 'pattern',
  code: string,
  index: number,
): Part {
  const own = { accessory: accessories, clothing, feature: features, pattern: patterns }[kind];
  if (Object.hasOwn(own, code)) return own[code] as Part;
  const color = colorOf(code);
  switch (kind) {
    case 'accessory':
      return {
        layer: 'accessory',
        draw: () =>
          `<circle cx="${420 + index * 46}" cy="720" r="20" fill="${color}" stroke="${INK}" stroke-width="4"/>`,
      };
    case 'clothing':
      return { layer: 'clothing', draw: () => garment(color, 620 + index * 20) };
    case 'feature':
      return {
        layer: 'behind',
        draw: () =>
          `<polygon points="${470 + index * 20},400 ${490 + index * 20},340 ${510 + index * 20},400" fill="${color}"/>`,
      };
    case 'pattern':
      return {
        layer: 'pattern',
        draw: () => grid(80, (x, y) => `<circle cx="${x}" cy="${y}" r="10" fill="${color}"/>`),
      };
  }
}
