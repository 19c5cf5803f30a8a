import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { hasOwnDrawing, type PartKind } from '../../../shared/adapters/procedural/monster-parts';
import { hasOwnColor } from '../../../shared/adapters/procedural/palette';
import { SCENE_RENDITIONS, webpRenditions } from '../../../shared/adapters/procedural/renditions';
import { sceneSvg } from '../../../shared/adapters/procedural/scene-svg';
import type { SceneLook } from '../../../shared/domain/monster/scene-look';
import { defaultRules } from '../../../shared/rules/load';

const look = (overrides: Partial<SceneLook> = {}): SceneLook => ({
  level: 2,
  color: 'color_orange',
  accessories: ['glasses_scholar'],
  clothing: ['tshirt_blue'],
  features: ['horns'],
  patterns: [],
  ...overrides,
});

describe('the procedural scene (SVG)', () => {
  it('is deterministic: the same look, the same document', () => {
    expect(sceneSvg(look())).toBe(sceneSvg(look()));
  });

  it('changes when any part changes, and differs at each of the seven levels', () => {
    const variants = [
      look(),
      look({ color: 'color_teal' }),
      look({ accessories: ['hat_wizard'] }),
      look({ clothing: ['hoodie_cozy'] }),
      look({ features: ['wings'] }),
      look({ patterns: ['pattern_stripes'] }),
      ...[0, 1, 3, 4, 5, 6].map((level) => look({ level })),
    ];
    expect(new Set(variants.map(sceneSvg)).size).toBe(variants.length);
  });

  it("draws every item and colour of the shipped catalog with its own drawing; others get their kind's", () => {
    const kinds: Record<string, PartKind> = {
      accessory: 'accessory',
      clothing: 'clothing',
      feature: 'feature',
      pattern: 'pattern',
    };
    for (const [code, item] of Object.entries(defaultRules().shop.items)) {
      if (item.type === 'color') expect(hasOwnColor(code), code).toBe(true);
      else expect(hasOwnDrawing(kinds[item.type] as PartKind, code), code).toBe(true);
    }
    const operators = look({ color: 'color_sunset', accessories: ['badge_x'], clothing: ['robe_y'] });
    expect(sceneSvg(operators)).toMatch(/hsl\(\d+ 70% 58%\)/);
  });

  it('holds no text: a Lambda has no fonts to draw it', () => {
    expect(sceneSvg(look())).not.toMatch(/<text|<tspan/);
  });
});

describe('scene renditions (sharp)', () => {
  it('are WebP squares of 1024, 512 and 200 pixels, each smaller than the last', async () => {
    const renditions = await webpRenditions(sceneSvg(look()));
    expect(renditions.map((r) => [r.name, r.size, r.contentType])).toEqual(
      SCENE_RENDITIONS.map((r) => [r.name, r.size, 'image/webp']),
    );
    let previous = Number.POSITIVE_INFINITY;
    for (const rendition of renditions) {
      const meta = await sharp(rendition.bytes).metadata();
      expect(meta).toMatchObject({ format: 'webp', width: rendition.size, height: rendition.size });
      expect(rendition.bytes.length).toBeGreaterThan(1_000);
      expect(rendition.bytes.length).toBeLessThan(previous);
      previous = rendition.bytes.length;
    }
    expect(renditions[0]?.bytes.length).toBeLessThan(80_000);
  });

  it('are the same bytes for the same look, and other bytes when a part changes', async () => {
    const [first, again, changed] = await Promise.all([
      webpRenditions(sceneSvg(look())),
      webpRenditions(sceneSvg(look())),
      webpRenditions(sceneSvg(look({ accessories: ['monocle'] }))),
    ]);
    expect(again?.map((r) => r.bytes.toString('base64'))).toEqual(
      first?.map((r) => r.bytes.toString('base64')),
    );
    expect(changed?.[0]?.bytes.equals(first?.[0]?.bytes ?? Buffer.alloc(0))).toBe(false);
  });

  it('take a model image (PNG) the same way, cropped to a square', async () => {
    const png = await sharp({ create: { width: 1152, height: 896, channels: 3, background: '#3a7bd5' } })
      .png()
      .toBuffer();
    const renditions = await webpRenditions(png);
    const meta = await sharp(renditions[0]?.bytes ?? Buffer.alloc(0)).metadata();
    expect(meta).toMatchObject({ format: 'webp', width: 1024, height: 1024 });
  });
});
