import fs from 'node:fs';
import path from 'node:path';
import { contrastRatio, parseColour } from '../../src/common/contrast';
import { isColourVar, onBrandFor, varsFor } from '../../src/components/config-provider/theme-vars';
import { contrastProblems, DEFAULT_PALETTE } from '../../src/dev/theme-contrast';

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
  // .tccc-palette(@brand, @danger, …) declares the order; the two calls in .tccc-theme-vars() give the colours.
  const names = /\.tccc-palette\(([^)]*)\) \{/.exec(less)![1].split(',').map((name) => name.trim().replace(/^@/, ''));
  const calls = [...less.matchAll(/\.tccc-palette\((#[^)]*)\);/g)].map(([, args]) => args.split(',').map((value) => value.trim()));
  expect(calls).toHaveLength(2);
  const key = (name: string) => `color${name.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase())}`;
  for (const [scheme, values] of [['light', calls[0]], ['dark', calls[1]]] as const) {
    const fromLess = Object.fromEntries(names.map((name, index) => [key(name), values[index]]));
    for (const [name, value] of Object.entries(DEFAULT_PALETTE[scheme])) {
      if (name in fromLess) expect(`${scheme} ${name} ${value}`).toBe(`${scheme} ${name} ${fromLess[name]}`);
    }
    expect(Object.keys(fromLess).filter((name) => !(name in DEFAULT_PALETTE[scheme]))).toEqual(expect.not.arrayContaining(['colorBrand', 'colorText', 'colorBorder']));
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
