/**
 * The items of WeChat's 《小程序用户隐私保护指引》 this app needs declared in the console (mp.weixin.qq.com
 * → 设置 → 服务内容声明 → 用户隐私保护指引), each with the WeChat APIs of ours that need it and the
 * purpose to write there. WeChat refuses an API whose item is not declared ("api scope is not
 * declared in the privacy agreement") once `__usePrivacyCheck__` is on. Which API needs which item:
 * https://developers.weixin.qq.com/miniprogram/dev/framework/user-privacy/miniprogram-intro.html
 *
 * tests/unit/privacy-declarations.test.ts reads every WeChat API the app calls and fails when this
 * list and the code disagree (an item declared for nothing, or an API used without its item), and
 * checks app.config.ts's requiredPrivateInfos against the location APIs used. The README's console
 * checklist and the in-app guide (domain/privacy/guide.ts) are written from it.
 */
export interface PrivacyDeclaration {
  /** WeChat's key for the item (the console lists it by name; the open API by this key). */
  key: 'Location' | 'Album' | 'MessageFile' | 'Clipboard'
  /** The item as the console and the guide name it. */
  name: string
  /** The WeChat APIs this app calls that need the item. */
  apis: string[]
  /** What to write after 为了 in the console (WeChat shows "为了<purpose>"). */
  purpose: string
  /** Whether WeChat also needs it in app.json's requiredPrivateInfos (its 8 location APIs). */
  requiredPrivateInfo: boolean
}

export const PRIVACY_DECLARATIONS: PrivacyDeclaration[] = [
  {
    key: 'Location',
    name: '位置信息',
    apis: ['getLocation'],
    purpose: '查找离你最近的户外劳动者服务站点和普惠商户',
    requiredPrivateInfo: true,
  },
  {
    key: 'Album',
    name: '选中的照片或视频信息',
    apis: ['chooseMedia'],
    purpose: '给驿站上传照片，以及反馈驿站问题时附上照片',
    requiredPrivateInfo: false,
  },
  {
    key: 'MessageFile',
    name: '选中的文件',
    apis: ['chooseMessageFile'],
    purpose: '上传金秋助学申请的证明材料，以及工会工作人员批量导入驿站的表格',
    requiredPrivateInfo: false,
  },
  {
    key: 'Clipboard',
    name: '剪切板',
    apis: ['setClipboardData'],
    purpose: '工会工作人员复制导出的金秋助学名单或其下载链接',
    requiredPrivateInfo: false,
  },
]
