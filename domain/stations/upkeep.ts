import type { StationStatus } from './types'

/**
 * Station upkeep in the app (#18 item 5): a clerk's form and a CSV through the cloud go through the
 * importer's one rule (station.ts's validateStationRow); these are the words and limits they share.
 */

/**
 * What one import through the cloud may hold. 5,000 rows is a city's stations several times over;
 * 2 MB holds them with room (a row is ~200 bytes) and stays far below what a cloud function reads
 * from storage in its time limit.
 */
export const IMPORT_LIMITS = { maxRows: 5000, maxBytes: 2 * 1024 * 1024 } as const

/**
 * Rows one stations.applyImport call writes. WeChat stops a cloud function at its timeout (the
 * platform's default 3 s, at most 60 s: docs.cloudbase.net/cloud-function/function-configuration/config;
 * stations runs with 20 s, cloud/functions/settings.ts), and the WeChat store writes an updated
 * station with one request: 5,000 changed rows are 5,000 requests, about 6 s through the WeChat
 * adapter on a stand-in server with no network at all, so more than 20 s once each request crosses
 * Tencent's network. 500 keep a call to a tenth of that; the app calls until done.
 */
export const IMPORT_APPLY_BATCH = 500

export const IMPORT_TOO_LARGE = `CSV 文件过大：一次最多导入 ${IMPORT_LIMITS.maxRows} 行、${IMPORT_LIMITS.maxBytes / 1024 / 1024} MB，请分成几个文件`

/** The columns an import file has (its first row), in the order the template writes them. */
export const IMPORT_COLUMNS = ['code', 'name', 'type', 'lat', 'lng', 'address', 'amenities', 'hours', 'phone', 'unionId', 'photos', 'verifiedOn', 'status'] as const

/** What an accepted row would do: 新增, 更新, or nothing (the same as stored). */
export const ROW_OUTCOMES = ['insert', 'update', 'unchanged'] as const
export type RowOutcome = (typeof ROW_OUTCOMES)[number]
export const ROW_OUTCOME_NAMES: Record<RowOutcome, string> = { insert: '新增', update: '更新', unchanged: '未变' }

/**
 * Pause and retire, as the upkeep form says them. Paused (suspended) stays reachable by its link and
 * keeps taking reports and 有用 (someone may say it reopened), but leaves nearby and search: both are
 * for finding a place to go now, and a paused one would send a rider to a shut door. Retired (closed)
 * leaves them too and refuses reports (the report's own rule since #18 item 1).
 */
export const STATUS_ACTIONS: Array<{ status: StationStatus; label: string; hint: string }> = [
  { status: 'active', label: '正常服务', hint: '在地图和查找中显示' },
  { status: 'suspended', label: '暂停服务', hint: '暂时不开放：不在地图和查找中显示，仍可反馈' },
  { status: 'closed', label: '撤销', hint: '不再开放：不在地图和查找中显示，不再接受反馈' },
]
