import type { KeyValueStorage } from '../token-store';

/** Storage on `wx.*StorageSync`. Failures (quota, a cleared cache) read as "nothing stored". */
export const wxStorage: KeyValueStorage = {
  get(key) {
    try {
      const value: unknown = wx.getStorageSync(key);
      return typeof value === 'string' && value !== '' ? value : undefined;
    } catch {
      return undefined;
    }
  },
  set(key, value) {
    wx.setStorageSync(key, value);
  },
  remove(key) {
    try {
      wx.removeStorageSync(key);
    } catch {
      // Nothing to remove is as good as removed.
    }
  },
};
