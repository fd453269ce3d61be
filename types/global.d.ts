/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.svg'
declare module '*.scss'

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production' | 'test'
    TARO_ENV: 'weapp' | 'h5' | undefined
    /** The WeChat cloud environment id, set in .env files for the weapp build. */
    TARO_APP_CLOUD_ENV?: string
    /** Subscribe-message templates for the weapp build (JSON; see domain/subscribe.ts). */
    TARO_APP_SUBSCRIBE_TEMPLATES?: string
  }
}
