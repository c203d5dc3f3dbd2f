import fs from 'node:fs';
import path from 'node:path';
import { contrastRatio, parseColour } from '../../src/common/contrast';
import { contrastProblems, DEFAULT_PALETTE, isColourVar, onBrandFor, varsFor } from '../../src/components/config-provider/contrast-check';

test('WCAG contrast of known pairs', () => {
  expect(contrastRatio([0, 0, 0], [255, 255, 255])).toBeCloseTo(21, 5);
  expect(contrastRatio(parseColour('#fff')!, parseColour('#0066ff')!)).toBeCloseTo(4.83, 2);
  expect(contrastRatio(parseColour('rgb(255, 255, 255)')!, parseColour('#ff6a00')!)).toBeCloseTo(2.87, 2);
});

test('only opaque colours it can read are parsed', () => {
  expect(parseColour('#C2410C')).toEqual([0xc2, 0x41, 0x0c]);
  expect(parseColour('rgba(1, 2, 3, 1)')).toEqual([1, 2, 3]);
  expect(parseColour('White')).toEqual([255, 255, 255]);
  expect(parseColour('black')).toEqual([0, 0, 0]);
  for (const other of ['red', 'var(--x)', 'rgba(0, 0, 0, 0.5)', '#12345', 'rgb(300, 0, 0)', 42]) expect(parseColour(other)).toBeNull();
});

test("the check's default palette is the one _tokens.less declares, light and dark", () => {
  const less = fs.readFileSync(path.resolve(__dirname, '../../src/common/style/_tokens.less'), 'utf8');
  const [light, dark] = less.split('@media (prefers-color-scheme: dark)');
  const declared = (block: string) =>
    Object.fromEntries([...block.matchAll(/--tccc-default-(color-[a-z-]+):\s*(#[0-9a-f]{6})/g)].map(([, name, value]) => [name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()), value]));
  for (const [scheme, block] of [['light', light], ['dark', dark]] as const) {
    const fromLess = declared(block);
    for (const [key, value] of Object.entries(DEFAULT_PALETTE[scheme])) {
      if (key in fromLess) expect(`${scheme} ${key} ${value}`).toBe(`${scheme} ${key} ${fromLess[key]}`);
    }
    expect(Object.keys(fromLess).filter((key) => !(key in DEFAULT_PALETTE[scheme]))).toEqual(expect.not.arrayContaining(['colorBrand', 'colorText']));
  }
});

test('the default palette passes every pair it checks, in both modes', () => {
  for (const scheme of ['light', 'dark'] as const) {
    expect(contrastProblems(scheme, { ...DEFAULT_PALETTE[scheme] })).toEqual([]);
  }
});

test('dark mode keeps non-colour values of the light set, and only the dark set\'s colours', () => {
  expect(varsFor('dark', { colorBrand: '#fff', radiusRound: '8px', colorBackdrop: 'rgb(1,1,1)' }, { colorText: '#eee' })).toEqual({ radiusRound: '8px', colorText: '#eee' });
  // A colour by its name or by its value, however written (N6).
  const written = { colorBackdrop: 'white', callBarLabelColor: 'var(--x)', callScreenVideoScrim: 'rgba(0,0,0,.5)', '--mine': 'oklch(0.5 0.1 20)', spaceMd: '12px' };
  expect(varsFor('dark', written, {})).toEqual({ spaceMd: '12px' });
  expect(isColourVar('colorBrand', 'x')).toBe(true);
  expect(isColourVar('radiusRound', '16rpx')).toBe(false);
  expect(varsFor('light', { colorBrand: '#fff' }, { colorText: '#eee' })).toEqual({ colorBrand: '#fff' });
});

test('a light brand without its own label colour gets the dark text where white would not read', () => {
  expect(onBrandFor({ colorBrand: '#ff6a00' })).toBe('#1d2129');
  expect(onBrandFor({ colorBrand: '#c2410c' })).toBe('');
  expect(onBrandFor({ colorBrand: '#ff6a00', colorOnBrand: '#ffffff' })).toBe('');
  expect(onBrandFor({ colorBrand: 'var(--x)' })).toBe('');
  expect(onBrandFor({})).toBe('');
});
