import { configure, getConfig, resetConfig } from '../../src/services/config';

afterEach(() => resetConfig());

test('autoLogin is off by default, set by configure, and must be a boolean', () => {
  expect(getConfig().autoLogin).toBe(false);
  configure({ autoLogin: true });
  expect(getConfig()).toEqual({ endpoint: 'http://127.0.0.1:5700', autoLogin: true });
  configure({ endpoint: 'https://tccc.example.com/' });
  expect(getConfig()).toEqual({ endpoint: 'https://tccc.example.com', autoLogin: true });
  expect(() => configure({ autoLogin: 'yes' })).toThrow(expect.objectContaining({ code: 'invalid-argument', detail: { argument: 'autoLogin' } }));
  expect(getConfig().autoLogin).toBe(true);
});
