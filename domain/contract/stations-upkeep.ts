import * as v from 'valibot'
import { defineAction } from './define'
import { IsoTime } from './common'
import { AMENITIES, STATION_STATUSES, STATION_TYPES } from '../stations/types'
import { MAX_PHOTOS } from '../stations/station'
import { IMPORT_APPLY_BATCH, IMPORT_LIMITS, ROW_OUTCOMES } from '../stations/upkeep'
import { PHOTO_PURPOSES } from '../stations/photos'

const Text = (what: string, max: number) => v.pipe(v.string(`${what}须为文字`), v.maxLength(max, `${what}过长`))

/**
 * The upkeep form's fields. The schema only bounds sizes and shapes; what a station may be is the
 * importer's rule (validateStationRow), which the cloud applies to the form as to a CSV row, so both
 * give the same reasons.
 */
export const StationForm = v.strictObject({
  code: Text('站点编码', 60),
  name: Text('名称', 200),
  type: v.picklist(STATION_TYPES, '请选择站点类型'),
  latitude: v.pipe(v.number('请选择或填写位置（纬度）'), v.finite('纬度须为数字')),
  longitude: v.pipe(v.number('请选择或填写位置（经度）'), v.finite('经度须为数字')),
  address: Text('地址', 300),
  hours: Text('营业时间', 200),
  amenities: v.pipe(v.array(v.picklist(AMENITIES, '未知的服务设施'), '服务设施格式不对'), v.maxLength(AMENITIES.length, '服务设施过多')),
  phone: Text('电话', 40),
  photos: v.pipe(v.array(Text('照片地址', 600), '照片格式不对'), v.maxLength(MAX_PHOTOS, `照片最多 ${MAX_PHOTOS} 张`)),
  unionId: Text('管理工会', 80),
  status: v.picklist(STATION_STATUSES, '未知的站点状态'),
  /** Left out: today (China time), as a clerk saving the form has just looked. */
  verifiedOn: v.optional(Text('核实日期', 20)),
  /** The updatedAt the editor saw; left out for a new station. A change by someone else meanwhile is a CONFLICT. */
  expectedUpdatedAt: v.optional(Text('版本信息', 40)),
})
export type StationForm = v.InferOutput<typeof StationForm>

/** One station in the clerk's list: every status, their own subtree only. */
export const ManagedStation = v.object({ code: v.string(), name: v.string(), address: v.string(), status: v.picklist(STATION_STATUSES), unionName: v.string(), updatedAt: IsoTime })
export type ManagedStation = v.InferOutput<typeof ManagedStation>

/** A CSV sent as text (the web pastes or reads a file), or a file the app put in WeChat cloud storage (stations/imports/…). */
const ImportSource = v.strictObject({
  csv: v.optional(v.pipe(v.string('CSV 须为文字'), v.maxLength(IMPORT_LIMITS.maxBytes, `CSV 文件过大：最多 ${IMPORT_LIMITS.maxBytes / 1024 / 1024} MB`))),
  fileId: v.optional(v.pipe(v.string('文件编号须为文字'), v.maxLength(300, '文件编号过长'))),
})

/** One row of the per-row report: its line in the file, the code it gave, and why it is refused (none: ok). */
export const ImportRowReport = v.object({ line: v.number(), code: v.string(), ok: v.boolean(), outcome: v.nullable(v.picklist(ROW_OUTCOMES)), reasons: v.array(v.string()) })
export type ImportRowReport = v.InferOutput<typeof ImportRowReport>

const ImportCounts = { total: v.number(), good: v.number(), bad: v.number() }

export const stationUpkeep = {
  save: defineAction({
    access: 'user',
    summary: '工会工作人员新增或修改本工会及下级工会的驿站：名称、类型、地址、位置、营业时间、设施、电话、照片、管理工会、状态（暂停、撤销）；与导入同样的规则，留痕',
    input: StationForm,
    output: v.object({ code: v.string(), updatedAt: IsoTime }),
  }),
  managed: defineAction({
    access: 'user',
    summary: '本工会及下级工会管理的驿站（含暂停、撤销的），最近修改的在前，可按名称或编码查找（最多 50 个）',
    input: v.strictObject({ q: v.optional(v.pipe(v.string('请输入名称或编码'), v.trim(), v.maxLength(30, '最多输入 30 个字'))) }),
    output: v.object({ stations: v.array(ManagedStation) }),
  }),
  registerPhoto: defineAction({
    access: 'user',
    summary: '记录在微信云存储上传的一张照片（驿站照片仅限工作人员，公开显示；反馈照片仅管理工会的工作人员可见）：读回检查确为 JPG、PNG 图片且不超过 5 MB',
    input: v.strictObject({
      fileId: v.pipe(v.string('请提供文件编号'), v.minLength(1, '请提供文件编号'), v.maxLength(300, '文件编号过长')),
      purpose: v.picklist(PHOTO_PURPOSES, '照片用途不对'),
    }),
    /** What the station's photos list or the report keeps. */
    output: v.object({ photo: v.string() }),
  }),
  checkImport: defineAction({
    access: 'user',
    summary: `检查一个驿站 CSV（最多 ${IMPORT_LIMITS.maxRows} 行、2 MB）：逐行说明能否导入及原因，不写入任何数据`,
    input: ImportSource,
    output: v.object({ ...ImportCounts, rows: v.array(ImportRowReport) }),
  }),
  applyImport: defineAction({
    access: 'user',
    summary: `导入检查过的驿站 CSV，每次调用写入一批（${IMPORT_APPLY_BATCH} 行，从 from 起），直到 next 为空：每次重新逐行检查整个文件，只写入本批合格的行（按站点编码新增或更新，重复或续传不重复写入），留痕`,
    // No retry key: the import is idempotent by code, so a retry after a lost answer writes nothing more.
    input: v.strictObject({
      ...ImportSource.entries,
      /** The first row (0-based, after the header) this call writes; left out: the first batch. */
      from: v.optional(v.pipe(v.number('导入位置须为数字'), v.integer('导入位置须为整数'), v.minValue(0, '导入位置不正确'), v.maxValue(IMPORT_LIMITS.maxRows, '导入位置不正确'))),
    }),
    /**
     * total, good, bad: the whole file. from, next: the rows this call wrote ([from, next), next null
     * once the file is done). inserted, updated, unchanged and rows: this batch's rows only.
     */
    output: v.object({ ...ImportCounts, from: v.number(), next: v.nullable(v.number()), inserted: v.number(), updated: v.number(), unchanged: v.number(), rows: v.array(ImportRowReport) }),
  }),
}
