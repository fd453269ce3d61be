// The demo login page exists only in the web build: in WeChat the platform says who you are.
const webOnlyPages = process.env.TARO_ENV === 'h5' ? ['pages/login/index'] : []
// The web build's pages switch at once, without Taro's slide: its router hides the page below on a
// timer when the slide ends, and a back before that timer fires (a slow phone, a hurried thumb) left
// the page below hidden for good: a blank 首页 after 返回. Less motion suits older eyes too.
const webOnlyConfig = process.env.TARO_ENV === 'h5' ? { animation: false } : {}

export default defineAppConfig({
  pages: ['pages/home/index', 'pages/me/index', ...webOnlyPages],
  // One subpackage per feature (WeChat: at most 2 MB each; the main package keeps 首页 and 我的).
  subPackages: [
    { root: 'features/join', pages: ['pages/entry/index', 'pages/card/index', 'pages/review/index', 'pages/notifications/index', 'pages/poster/index'] },
    { root: 'features/transfer', pages: ['pages/start/index', 'pages/status/index', 'pages/queue/index'] },
    { root: 'features/stations', pages: ['pages/map/index', 'pages/detail/index', 'pages/report/index', 'pages/reports/index', 'pages/checkin/index', 'pages/poster/index', 'pages/manage/index', 'pages/edit/index', 'pages/import/index'] },
    // The privacy guide's text, 我的 → 个人信息 (a person's rights over their data) and staff's queue of those requests.
    { root: 'features/privacy', pages: ['pages/guide/index', 'pages/data/index', 'pages/requests/index'] },
    { root: 'features/benefits', pages: ['pages/list/index', 'pages/detail/index', 'pages/coupons/index', 'pages/coupon/index', 'pages/redeem/index', 'pages/manage/index'] },
    { root: 'features/aid', pages: ['pages/index/index', 'pages/apply/index', 'pages/review/index', 'pages/notice/index', 'pages/programme/index'] },
    { root: 'features/admin', pages: ['pages/invite/index', 'pages/people/index', 'pages/merchants/index'] },
    { root: 'features/org', pages: ['pages/index/index', 'pages/edit/index', 'pages/close/index'] },
    // 会员核验: the one place the card's offline verifier (tweetnacl) is loaded.
    { root: 'features/check', pages: ['pages/index/index'] },
    // 工作台 and 统计 for clerks and reviewers (#17).
    { root: 'features/staff', pages: ['pages/desk/index', 'pages/figures/index'] },
    // 台账 (#17): the audit trail, the exports and the union's service deadlines.
    { root: 'features/ledger', pages: ['pages/audit/index', 'pages/exports/index', 'pages/settings/index'] },
  ],
  // A tap on 首页 most often opens 驿站地图: outdoor workers look for a station again and again, while
  // joining happens once. Its subpackage (about 40 KB) is fetched while 首页 shows, on any network,
  // since the people who need it are outdoors on mobile data. WeChat allows 2 MB of preloads per page.
  // https://developers.weixin.qq.com/miniprogram/dev/framework/subpackages/preload.html
  preloadRule: {
    'pages/home/index': { network: 'all', packages: ['features/stations'] },
  },
  window: {
    // WeChat's own bar; on the web, Taro draws its bar (title, back, home) only when this is said.
    navigationStyle: 'default',
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#c8161d',
    navigationBarTitleText: '工会会员服务',
    navigationBarTextStyle: 'white',
  },
  tabBar: {
    color: '#666666',
    selectedColor: '#c8161d',
    backgroundColor: '#ffffff',
    list: [
      { pagePath: 'pages/home/index', text: '首页', iconPath: 'assets/tabbar/home.png', selectedIconPath: 'assets/tabbar/home-active.png' },
      { pagePath: 'pages/me/index', text: '我的', iconPath: 'assets/tabbar/me.png', selectedIconPath: 'assets/tabbar/me-active.png' },
    ],
  },
  // Location finds the nearest rest station; the text is what WeChat shows when it asks. Only the
  // location APIs the code calls (domain/privacy/declarations.ts; checked by
  // tests/unit/privacy-declarations.test.ts): https://developers.weixin.qq.com/miniprogram/dev/reference/configuration/app.html#requiredPrivateInfos
  requiredPrivateInfos: ['getLocation'],
  permission: {
    'scope.userLocation': { desc: '用于查找离你最近的户外劳动者服务站点和普惠商户' },
  },
  __usePrivacyCheck__: true,
  lazyCodeLoading: 'requiredComponents',
  ...webOnlyConfig,
})
