/**
 * The privacy guide's version (domain/privacy/guide.ts): a new one is agreed to again.
 * 2026-12: data rights, the guide's own page. 2026-12-b: station photos (选中的照片或视频信息) and the
 * stations CSV (选中的文件). In a file of its own so the main package can read it
 * without the contract's schemas.
 */
export const PRIVACY_VERSION = '2026-12-b'
