import Taro from '@tarojs/taro'
import { createJSONStorage, type StateStorage } from 'zustand/middleware'

export interface SyncStorageApi {
  getStorageSync(key: string): unknown
  setStorageSync(key: string, value: string): void
  removeStorageSync(key: string): void
}

/**
 * zustand persistence over Taro storage. Taro.getStorageSync answers '' for a missing key, which
 * createJSONStorage cannot parse and the store would never hydrate: a missing key must be null.
 */
export function taroStateStorage(api: SyncStorageApi = Taro): StateStorage {
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
