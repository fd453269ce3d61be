import { openDocument as openOnDevice } from '@/platform/document'
import { chooseAndUpload } from '@/platform/upload'
import { call } from '@/services/cloud'

/**
 * 材料 (an application's documents), composed here: the platform seam picks, stores and shows a
 * file (device work only); where the platform needs the cloud for it (WeChat: to record an upload
 * as the caller's, to get a short-lived link), this feature hands it the call.
 */
export const uploadDocument = () => chooseAndUpload((stored) => call('aid', 'registerUpload', stored))

export const openDocument = (fileId: string) => openOnDevice(fileId, () => call('aid', 'fileLink', { fileId }))
