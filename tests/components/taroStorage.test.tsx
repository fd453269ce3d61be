import Taro from '@tarojs/taro'
import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import { taroStateStorage } from '@/stores/taroStorage'
import { useSession } from '@/stores/session'
import { resetApp } from '../setup/app'

// Taro's real h5 storage, on jsdom's localStorage.
beforeEach(resetApp)

describe('taroStateStorage over Taro h5 storage', () => {
  it('answers null for a missing key, where Taro itself answers an empty string', () => {
    expect(Taro.getStorageSync('never-written')).toBe('')
    expect(taroStateStorage().getItem('never-written')).toBeNull()
  })

  it('round-trips a value through Taro storage, and removes it', () => {
    const storage = taroStateStorage()
    storage.setItem('greeting', '{"hello":"工会"}')
    expect(storage.getItem('greeting')).toBe('{"hello":"工会"}')
    // Written by Taro.setStorageSync, in its own envelope.
    expect(JSON.parse(localStorage.getItem('greeting') ?? 'null')).toEqual({ data: '{"hello":"工会"}' })
    storage.removeItem('greeting')
    expect(storage.getItem('greeting')).toBeNull()
    expect(localStorage.getItem('greeting')).toBeNull()
  })

  it('lets a store with nothing stored yet finish hydrating, which a plain getStorageSync adapter does not', async () => {
    const makeStore = (name: string, storage: ReturnType<typeof createJSONStorage>) =>
      create<{ n: number }>()(persist(() => ({ n: 0 }), { name, storage }))

    const naive = makeStore('naive', createJSONStorage(() => ({
      getItem: (key: string) => Taro.getStorageSync(key) as string,
      setItem: (key: string, value: string) => Taro.setStorageSync(key, value),
      removeItem: (key: string) => Taro.removeStorageSync(key),
    })))
    await naive.persist.rehydrate()
    expect(naive.persist.hasHydrated()).toBe(false) // JSON.parse('') threw

    const ours = makeStore('ours', createJSONStorage(() => taroStateStorage()))
    await ours.persist.rehydrate()
    expect(ours.persist.hasHydrated()).toBe(true)
  })
})

describe('the session store persisted through taroJSONStorage', () => {
  it('hydrates from what was stored before it', async () => {
    Taro.setStorageSync('session', JSON.stringify({ state: { token: 'stored-token', displayName: '李四' }, version: 0 }))
    expect(useSession.getState().token).toBeNull()

    await useSession.persist.rehydrate()

    expect(useSession.persist.hasHydrated()).toBe(true)
    expect(useSession.getState()).toMatchObject({ token: 'stored-token', displayName: '李四' })
  })

  it('hydrates to signed out when nothing was stored', async () => {
    await useSession.persist.rehydrate()
    expect(useSession.persist.hasHydrated()).toBe(true)
    expect(useSession.getState().token).toBeNull()
  })

  it('stores only the token and the display name', () => {
    useSession.getState().signIn('t-123', '王五')
    const stored: unknown = JSON.parse(Taro.getStorageSync('session') as string)
    expect(stored).toEqual({ state: { token: 't-123', displayName: '王五' }, version: 0 })

    useSession.getState().signOut()
    expect(JSON.parse(Taro.getStorageSync('session') as string)).toEqual({ state: { token: null, displayName: null }, version: 0 })
  })
})
