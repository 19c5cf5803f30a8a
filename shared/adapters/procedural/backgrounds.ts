import { star } from './shapes';

/**
 * The seven scene backgrounds (levels 0..6, shared/domain/monster/scenes.ts)
 * as SVG fragments on a 1024 x 1024 canvas; the monster stands at about
 * (512, 600) on a floor line near y = 830. Flat shapes only: no text (a
 * Lambda has no fonts) and no randomness (the same level, the same bytes).
 */

const books = (x: number, y: number, count: number, height: number, colors: readonly string[]) =>
  Array.from({ length: count }, (_, i) => {
    const h = height - ((i * 7) % 23);
    return `<rect x="${x + i * 22}" y="${y + height - h}" width="18" height="${h}" fill="${colors[i % colors.length]}"/>`;
  }).join('');

const BOOK_COLORS = ['#e74c3c', '#3498db', '#f1c40f', '#2ecc71', '#9b59b6', '#e67e22'];

const shelf = (x: number, y: number, rows: number, width: number) =>
  `<rect x="${x}" y="${y}" width="${width}" height="${rows * 110 + 20}" fill="#6b4226"/>` +
  Array.from(
    { length: rows },
    (_, r) =>
      `<rect x="${x + 10}" y="${y + 10 + r * 110}" width="${width - 20}" height="100" fill="#4a2c17"/>` +
      books(x + 14, y + 14 + r * 110, Math.floor((width - 28) / 22), 92, BOOK_COLORS.slice(r % 3)),
  ).join('');

const floor = (color: string) => `<rect x="0" y="830" width="1024" height="194" fill="${color}"/>`;

const trophy = (x: number, y: number, scale: number) =>
  `<g transform="translate(${x} ${y}) scale(${scale})">` +
  '<path d="M-40 0 h80 v20 q0 60 -40 70 q-40 -10 -40 -70 z" fill="#f5c518"/>' +
  '<rect x="-8" y="90" width="16" height="40" fill="#d4a514"/><rect x="-35" y="130" width="70" height="18" fill="#8b5a2b"/>' +
  '<rect x="-45" y="148" width="90" height="90" fill="#dcdde1"/></g>';

const desk: string = [
  '<rect width="1024" height="1024" fill="#f6e3c5"/>',
  '<rect x="90" y="120" width="230" height="200" fill="#bde0fe" stroke="#8d6e63" stroke-width="14"/>',
  '<line x1="205" y1="120" x2="205" y2="320" stroke="#8d6e63" stroke-width="8"/>',
  floor('#c8955d'),
  '<rect x="640" y="640" width="330" height="30" fill="#8d5a2b"/><rect x="660" y="670" width="24" height="160" fill="#6d4520"/><rect x="926" y="670" width="24" height="160" fill="#6d4520"/>',
  '<rect x="860" y="520" width="12" height="120" fill="#555"/><path d="M820 520 h92 l-20 -70 h-52 z" fill="#ffcf56"/>',
  books(700, 560, 5, 80, BOOK_COLORS),
].join('');

const studyRoom: string = [
  '<rect width="1024" height="1024" fill="#d6ecf7"/>',
  shelf(40, 180, 5, 260),
  shelf(724, 180, 5, 260),
  floor('#9fb7c9'),
  '<rect x="330" y="760" width="364" height="24" fill="#7a5230"/>',
].join('');

const library: string = [
  '<rect width="1024" height="1024" fill="#5d3a1a"/>',
  '<path d="M362 90 h300 v260 h-300 z" fill="#ffe8a3"/><path d="M362 90 q150 -80 300 0" fill="#ffe8a3"/>',
  shelf(10, 60, 7, 320),
  shelf(694, 60, 7, 320),
  floor('#3e2612'),
  '<rect x="0" y="830" width="1024" height="12" fill="#8b0000"/>',
].join('');

const classroom: string = [
  '<rect width="1024" height="1024" fill="#fdf6e3"/>',
  '<rect x="150" y="90" width="724" height="330" fill="#2f5d3a" stroke="#8d6e63" stroke-width="16"/>',
  '<path d="M220 200 q60 -50 120 0 t120 0" stroke="#ffffff" stroke-width="8" fill="none"/>',
  '<circle cx="700" cy="230" r="50" stroke="#ffffff" stroke-width="8" fill="none"/>',
  floor('#d9b98c'),
  ...[110, 250, 774, 914].map(
    (x, i) =>
      `<ellipse cx="${x}" cy="900" rx="60" ry="70" fill="${['#ff8c2b', '#5bb8f0', '#6fae4a', '#ff7eb6'][i]}"/><circle cx="${x - 18}" cy="880" r="9" fill="#222"/><circle cx="${x + 18}" cy="880" r="9" fill="#222"/>`,
  ),
].join('');

const campus: string = [
  '<rect width="1024" height="1024" fill="#8fd3ff"/>',
  '<circle cx="880" cy="130" r="70" fill="#ffe066"/>',
  '<rect x="262" y="200" width="500" height="300" fill="#e9d8c4"/><polygon points="242,200 512,90 782,200" fill="#b5651d"/>',
  ...[300, 400, 500, 600, 700].map(
    (x) => `<rect x="${x - 14}" y="230" width="28" height="270" fill="#fff8ee"/>`,
  ),
  '<rect x="0" y="500" width="1024" height="524" fill="#7bc96f"/>',
  '<path d="M420 1024 L480 500 h64 L604 1024 z" fill="#d9c8a9"/>',
  ...[90, 934].map(
    (x) =>
      `<rect x="${x - 15}" y="380" width="30" height="150" fill="#7a5230"/><circle cx="${x}" cy="360" r="85" fill="#3f9142"/>`,
  ),
].join('');

const graduation: string = [
  '<rect width="1024" height="1024" fill="#1d2b53"/>',
  '<rect x="112" y="80" width="800" height="120" fill="#7e2553"/>',
  ...Array.from({ length: 24 }, (_, i) => {
    const x = 40 + ((i * 397) % 944);
    const y = 230 + ((i * 211) % 380);
    return `<rect x="${x}" y="${y}" width="16" height="10" fill="${BOOK_COLORS[i % BOOK_COLORS.length]}" transform="rotate(${(i * 37) % 90} ${x} ${y})"/>`;
  }),
  floor('#8b5a2b'),
  '<rect x="0" y="820" width="1024" height="20" fill="#c0392b"/>',
].join('');

const hallOfFame: string = [
  '<rect width="1024" height="1024" fill="#3c1f5c"/>',
  '<polygon points="420,0 604,0 860,830 164,830" fill="#ffffff" opacity="0.07"/>',
  star(150, 150, 40, '#ffd700'),
  star(874, 150, 40, '#ffd700'),
  star(512, 90, 30, '#ffd700'),
  trophy(130, 460, 1.3),
  trophy(894, 460, 1.3),
  floor('#2a1440'),
].join('');

export const sceneBackgrounds: readonly string[] = [
  desk,
  studyRoom,
  library,
  classroom,
  campus,
  graduation,
  hallOfFame,
];
