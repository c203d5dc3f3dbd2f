// call-screen/audio: the call screen for audio calls alone, without the video panel and its layout.
import { ErrorCode, TcccError } from '../../services/errors';
import { defineCallScreen } from './screen';

/** The error for a video call asked of this screen (`asked`: how it was asked). */
function audioOnly(asked: string): TcccError {
  return new TcccError(ErrorCode.InvalidArgument, `call-screen/audio places audio calls only (${asked}): for video, use tccc-call-kit/call-screen.`, { argument: 'media' });
}

const attached = new WeakSet<object>();

/** Asked for more than audio (media="video" or "both"), it says so and offers audio; once attached, where the page hears it. */
function refuseOtherMedia(screen: WechatMiniprogram.Component.TrivialInstance): void {
  const { media } = screen.data as { media?: unknown };
  if (media === 'audio') return;
  screen.triggerEvent('error', audioOnly(`media="${String(media)}"`).toJSON());
  screen.setData({ media: 'audio' });
}

const offersAudioOnly = Behavior({
  lifetimes: {
    attached(this: WechatMiniprogram.Component.TrivialInstance) {
      attached.add(this);
      refuseOtherMedia(this);
    },
  },
  observers: {
    media(this: WechatMiniprogram.Component.TrivialInstance) {
      if (attached.has(this)) refuseOtherMedia(this);
    },
  },
});

defineCallScreen({ behaviors: [offersAudioOnly], refuseStart: (kind) => (kind === 'video' ? audioOnly("start('video')") : null) });
