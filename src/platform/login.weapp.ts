/** The web build signs in as a demo person through the local server; WeChat needs no login. */
export const needsDemoLogin = false
