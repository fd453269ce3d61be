import Taro from '@tarojs/taro'
import { createJSONStorage, type StateStorage } from 'zustand/middleware'

export interface SyncStorageApi {
  getStorageSync(key: string): unknown
  setStorageSync(key: string, value: string): void
  removeStorageSync(key: string): void
}

/**
 * Taro's h5 build rewrites `Taro.getStorageSync(...)` calls into imports of the single API, so the
 * Taro object itself must not be passed around: each method is called where it is named.
 */
const taroStorageApi: SyncStorageApi = {
  getStorageSync: (key) => Taro.getStorageSync(key),
  setStorageSync: (key, value) => Taro.setStorageSync(key, value),
  removeStorageSync: (key) => Taro.removeStorageSync(key),
}

/**
 * zustand persistence over Taro storage. Taro.getStorageSync answers '' for a missing key, which
 * createJSONStorage cannot parse and the store would never hydrate: a missing key must be null.
 */
export function taroStateStorage(api: SyncStorageApi = taroStorageApi): StateStorage {
  return {
    getItem(key) {
      const value = api.getStorageSync(key)
      return typeof value === 'string' && value !== '' ? value : null
    },
    setItem(key, value) {
      api.setStorageSync(key, value)
    },
    removeItem(key) {
      api.removeStorageSync(key)
    },
  }
}

export const taroJSONStorage = createJSONStorage(() => taroStateStorage())
