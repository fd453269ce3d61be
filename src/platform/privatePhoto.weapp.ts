/**
 * WeChat: the cloud answers a report's photo as a short-lived cloud-storage link (stations.reports),
 * which <Image> and previewImage open as they are: nothing to fetch or free.
 */
export async function loadPrivatePhoto(src: string): Promise<string> {
  return src
}

export function releasePrivatePhoto(_url: string): void {}
