/**
 * The security rules the deploy sets. Rules only ever limit clients (the mini-program); the cloud
 * functions' server SDK and the console always read and write everything
 * (developers.weixin.qq.com/miniprogram/dev/wxcloud/guide/storage/security-rules/index.html,
 * docs.cloudbase.net/database/data-permission: "仅限制 C 端 … 不影响服务端（云函数）操作").
 */

/**
 * Every collection: 仅管理员可读写 (ADMINONLY), so no client reads or writes any document directly;
 * the app reaches data only through the cloud functions, which check who is calling.
 * Set per collection with the Tencent Cloud API ModifyDatabaseACL and read back with
 * DescribeDatabaseACL (cloud.tencent.com/document/api/876/34819, …/34821; AclTag READONLY, PRIVATE,
 * ADMINWRITE, ADMINONLY).
 */
export const DATABASE_ACL = 'ADMINONLY' as const

export interface StorageRule {
  read: string | boolean
  write: string | boolean
}

/**
 * Cloud storage: one custom rule for the whole bucket (ModifyStorageSafeRule with AclTag CUSTOM,
 * what manager-node's storage.setStorageAcl('CUSTOM', rule) sends).
 *
 * What CloudBase storage rules can express (docs.cloudbase.net/storage/security-rules/secure_resource):
 * `auth` (null when not signed in; `auth.openid` for WeChat users — a mini-program request has no
 * `auth.uid`), `resource.openid` (the file's owner, the uploader) and `resource.path` (the path in
 * the bucket without a leading slash, e.g. `aid/123.pdf`), and regular expressions written as
 * literals whose `test` result must be compared explicitly (`… == true`). So a rule CAN be per path
 * and per owner, and this one is both:
 *
 * - read: only the join-poster 小程序码 images (`join-codes/<union>.png`, written by review.joinCode in
 *   cloud/features/join/poster.ts and shown by the app with `<Image src="cloud://…">`), and only to a
 *   signed-in WeChat user. Nothing else is readable by a client: 金秋助学 documents under `aid/` are
 *   opened by reviewers and their owner only through aid.fileLink, a 10-minute link the function makes
 *   after checking who asks, so no client ever needs to read them directly.
 * - write (upload, overwrite, delete): only under `aid/`, and only a file the caller owns — what
 *   src/platform/upload.weapp.ts uploads before aid.registerUpload checks it. No client can write
 *   `join-codes/` or anything else.
 *
 * What it cannot express: "create but not overwrite". An owner can replace or delete their own file
 * under `aid/` after registering it (write covers both). Reviewers then see what the owner uploaded
 * last; nobody else's file is reachable.
 *
 * Rules take 1–3 minutes to apply after a change (same page).
 */
export const STORAGE_RULE: StorageRule = {
  read: 'auth != null && /^join-codes\\//.test(resource.path) == true',
  write: 'auth != null && resource.openid == auth.openid && /^aid\\//.test(resource.path) == true',
}
