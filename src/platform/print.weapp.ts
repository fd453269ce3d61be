/** WeChat cannot print: a poster's 小程序码 is saved or sent by a long press on it instead. */
export const canPrint = false

export function printPage(): void {}
