import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import { taroJSONStorage } from './taroStorage'

/** The web build's demo session: a signed token from the local server, and whom it stands for. */
interface SessionState {
  token: string | null
  displayName: string | null
  signIn(token: string, displayName: string): void
  signOut(): void
}

export const useSession = create<SessionState>()(
  persist(
    (set) => ({
      token: null,
      displayName: null,
      signIn: (token, displayName) => set({ token, displayName }),
      signOut: () => set({ token: null, displayName: null }),
    }),
    { name: 'session', storage: taroJSONStorage, partialize: ({ token, displayName }) => ({ token, displayName }) },
  ),
)
