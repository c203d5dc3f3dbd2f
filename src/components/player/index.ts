import { defineComponent } from '../../common/component';
import { mediaChildBehavior } from '../../common/media-child';

/** Where the caller sees the agent in a video call. Must sit inside <tccc-wx-sdk>. */
defineComponent({
  behaviors: [mediaChildBehavior],
  properties: {
    /** Shown instead of the video in WeChat DevTools, which cannot render it. */
    placeholder: { type: String, value: '远端画面：开发者工具不支持 live-player，请在真机上预览' },
    /** How the agent's video fills the area: 'contain' or 'fillCrop'. */
    objectFit: { type: String, value: 'fillCrop' },
  },
  methods: {
    mediaRole(): 'player' {
      return 'player';
    },
  },
});
