import type { Texts } from '../../common/locale';

/** The video panel's texts, by language: here, not in the shared tables, so that only the panel loads them. */
export const videoTexts: Record<'zh-CN' | 'en-US', Texts['video']> = {
  'zh-CN': {
    waiting: '等待客服接入',
    cameraOff: '摄像头已关闭',
    reconnecting: '网络不稳定，正在重连…',
    network: { unknown: '', good: '网络良好', fair: '网络一般', poor: '网络较差' },
    pip: '我的画面，可拖动',
    pipCameraOff: '我的画面，摄像头已关闭，可拖动',
  },
  'en-US': {
    waiting: 'Waiting for an agent',
    cameraOff: 'Camera off',
    reconnecting: 'Reconnecting…',
    network: { unknown: '', good: 'Good network', fair: 'Fair network', poor: 'Poor network' },
    pip: 'Your camera, drag to move',
    pipCameraOff: 'Your camera, off, drag to move',
  },
};
