import Taro from '@tarojs/taro'

/**
 * Photos full screen (tap to close). The web build: Taro's own viewer, with this site's paths made
 * absolute. WeChat: previewImage (preview.weapp.ts).
 */
export function previewPhotos(photos: string[], current: string): void {
  const absolute = (p: string) => (p.startsWith('/') ? `${window.location.origin}${p}` : p)
  void Taro.previewImage({ urls: photos.map(absolute), current: absolute(current) }).then(() => nameViewerPhotos(photos.length))
}

/** Taro's web viewer draws its <img>s without alt text: a screen reader would read only "image". */
function nameViewerPhotos(count: number): void {
  document.querySelectorAll('.swiper-zoom-container > img').forEach((img, i) => {
    if (!img.getAttribute('alt')) img.setAttribute('alt', `照片 ${(i % count) + 1} / ${count}`)
  })
}
