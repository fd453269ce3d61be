import Taro from '@tarojs/taro'

/**
 * WeChat's full-screen viewer takes network addresses and cloud file IDs. A site-relative path is a
 * file of the package (the demo pictures) that the viewer cannot open: those stay as shown on the page.
 */
export function previewPhotos(photos: string[], current: string): void {
  const remote = photos.filter((p) => /^(https:|cloud:)/.test(p))
  if (!remote.includes(current)) return
  void Taro.previewImage({ urls: remote, current })
}
