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
 * - read: the station photos (`stations/photos/…`, written only by stations.registerPhoto, which
 *   copies a clerk's checked photo there, domain/stations/photos.ts STATION_PHOTOS_FOLDER) to anyone,
 *   signed in or not, as the public station pages show them with `<Image src="cloud://…">`; and the
 *   join-poster 小程序码 images (`join-codes/<union>.png`, written by review.joinCode in
 *   cloud/features/join/poster.ts) to a signed-in WeChat user. Nothing else is readable by a client:
 *   金秋助学 documents under `aid/` and a report's photo under `stations/reports/` are opened by
 *   their owner and the clerks who may see them only through a 10-minute link the function makes
 *   after checking who asks (aid.fileLink, the report queue), a station photo staged under
 *   `stations/uploads/` is read only by registerPhoto (and deleted after), and a CSV under
 *   `stations/imports/` is read only by the function that imports it (and deleted after).
 * - write (upload, overwrite, delete): only a file the caller owns, and only under the folders the
 *   app uploads to, all of them unreadable by clients: `aid/` (src/platform/upload.weapp.ts, before
 *   aid.registerUpload checks it), `stations/uploads/` and `stations/reports/` (the same file,
 *   before stations.registerPhoto checks it) and `stations/imports/` (src/platform/csvFile.weapp.ts,
 *   before stations.checkImport). No client can write `stations/photos/`, `join-codes/` or
 *   anything else: the only publicly readable files are the ones a function put there.
 *
 * What it cannot express: "create but not overwrite", or "staff only". An owner can replace or
 * delete their own file after registering it (write covers both), which matters only for the files
 * the functions keep where they are (aid/, stations/reports/: read through their links, never
 * public). Any signed-in WeChat user can put a file in the private folders, which nobody can read
 * back but the functions: a file never registered stays until deleted (cloud storage cannot be
 * listed from a function), costing storage but serving no one. So a station photo is staged in a
 * private folder rather than written to the public one: "staff only" is checked by registerPhoto
 * before it copies the photo, which the rule could not do.
 *
 * Rules take 1–3 minutes to apply after a change (same page).
 */
export const STORAGE_RULE: StorageRule = {
  read: '/^stations\\/photos\\//.test(resource.path) == true || (auth != null && /^join-codes\\//.test(resource.path) == true)',
  write: 'auth != null && resource.openid == auth.openid && /^(aid|stations\\/(uploads|reports|imports))\\//.test(resource.path) == true',
}
