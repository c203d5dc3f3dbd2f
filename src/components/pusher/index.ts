import { defineComponent } from '../../common/component';
import { mediaChildBehavior } from '../../common/media-child';

/** Where the caller sees themself in a video call. Must sit inside <tccc-wx-sdk>. */
defineComponent({
  behaviors: [mediaChildBehavior],
  properties: {
    /** Shown instead of the video in WeChat DevTools, which cannot render it. */
    placeholder: { type: String, value: '本地画面：开发者工具不支持 live-pusher，请在真机上预览' },
  },
  methods: {
    mediaRole(): 'pusher' {
      return 'pusher';
    },
  },
});
