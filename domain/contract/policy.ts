import type { Access } from './define'
// Types only, one way: index.ts does not re-export this file, so there is no import loop.
import type { ActionName, FunctionName } from './index'

/** What the app must know about an action before sending it, without its schemas. */
export interface ActionPolicy {
  access: Access
  /** The input carries the caller's own personal data: ask for the privacy agreement first. */
  personal?: true
}

/**
 * Each action's access and personal flag, as the contract says them, in a file with no schema in
 * it: the client reads this table, so 首页 and 我的 can call the cloud without loading valibot and
 * every schema into WeChat's main package (#19 item 8). The type makes a new or removed action in
 * the contract fail `tsc` until it is listed here; tests/unit/action-policy.test.ts checks the values.
 */
export const ACTION_POLICY: { readonly [F in FunctionName]: { readonly [A in ActionName<F>]: ActionPolicy } } = {
  member: {
    profile: { access: 'user' },
    agreePrivacy: { access: 'user' },
    unionByCode: { access: 'user' },
    searchUnions: { access: 'user' },
    join: { access: 'user', personal: true },
    myApplication: { access: 'user' },
    card: { access: 'user' },
    verifyCard: { access: 'user' },
    cardKeys: { access: 'public' },
    recordOfflineChecks: { access: 'user' },
    cardChecks: { access: 'user' },
    notifications: { access: 'user' },
    lapseApplications: { access: 'system' },
    myData: { access: 'user' },
    requestRights: { access: 'user' },
    home: { access: 'user' },
  },
  transfer: {
    preview: { access: 'user' },
    start: { access: 'user', personal: true },
    mine: { access: 'user' },
    withdraw: { access: 'user' },
    queue: { access: 'user' },
    release: { access: 'user' },
    accept: { access: 'user' },
    reject: { access: 'user' },
  },
  review: {
    queue: { access: 'user' },
    posterUnions: { access: 'user' },
    joinCode: { access: 'user' },
    setAutoApprove: { access: 'user' },
    approve: { access: 'user' },
    reject: { access: 'user' },
    rightsQueue: { access: 'user' },
    answerRights: { access: 'user' },
    desk: { access: 'user' },
    figures: { access: 'user' },
    auditLog: { access: 'user' },
    serviceDays: { access: 'user' },
    setServiceDays: { access: 'user' },
    sendDigest: { access: 'system' },
    exportLedger: { access: 'user' },
  },
  stations: {
    nearby: { access: 'public' },
    get: { access: 'public' },
    update: { access: 'user' },
    search: { access: 'public' },
    report: { access: 'public' },
    reports: { access: 'user' },
    resolve: { access: 'user' },
    helpful: { access: 'user' },
    save: { access: 'user' },
    managed: { access: 'user' },
    registerPhoto: { access: 'user' },
    checkImport: { access: 'user' },
    applyImport: { access: 'user' },
  },
  aid: {
    programme: { access: 'user' },
    myProgrammes: { access: 'user' },
    saveProgramme: { access: 'user' },
    submit: { access: 'user', personal: true },
    correct: { access: 'user', personal: true },
    mine: { access: 'user' },
    reviewList: { access: 'user' },
    review: { access: 'user' },
    renewals: { access: 'user' },
    recordVisit: { access: 'user', personal: true },
    notice: { access: 'public' },
    object: { access: 'user', personal: true },
    resolveObjection: { access: 'user' },
    dismissObjections: { access: 'user' },
    markPaid: { access: 'user' },
    registerUpload: { access: 'user', personal: true },
    fileLink: { access: 'user' },
    exportCsv: { access: 'user' },
    purgeExports: { access: 'system' },
  },
  benefits: {
    list: { access: 'user' },
    detail: { access: 'user' },
    claim: { access: 'user' },
    myCoupons: { access: 'user' },
    remindExpiring: { access: 'system' },
    coupon: { access: 'user' },
    redeem: { access: 'user' },
    redemptions: { access: 'user' },
    manageList: { access: 'user' },
    saveOffer: { access: 'user' },
    setOfferStatus: { access: 'user' },
  },
  admin: {
    firstAdminInvite: { access: 'system' },
    invitation: { access: 'user' },
    acceptInvitation: { access: 'user' },
    invite: { access: 'user' },
    invitations: { access: 'user' },
    cancelInvitation: { access: 'user' },
    staffRoles: { access: 'user' },
    revokeRole: { access: 'user' },
    stepDown: { access: 'user' },
    subtreeUnions: { access: 'user' },
    merchants: { access: 'user' },
    saveMerchant: { access: 'user' },
    setMerchantStatus: { access: 'user' },
  },
  org: {
    list: { access: 'user' },
    get: { access: 'user' },
    add: { access: 'user' },
    edit: { access: 'user' },
    closeCheck: { access: 'user' },
    close: { access: 'user' },
    finish: { access: 'user' },
  },
}
