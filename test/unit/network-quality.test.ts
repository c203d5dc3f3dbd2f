import { networkQualityOf } from '../../src/services/media';

test("TRTC's netQualityLevel maps to three words, anything else to unknown", () => {
  expect([1, 2, 3, 4, 5, 6].map(networkQualityOf)).toEqual(['good', 'good', 'fair', 'fair', 'poor', 'poor']);
  for (const level of [0, 7, -1, '3', null, undefined, Number.NaN]) expect(networkQualityOf(level)).toBe('unknown');
});
