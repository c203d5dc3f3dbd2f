// The doc's pusher child: it must sit inside tccc-wx-sdk. The double draws a placeholder.
Component({});
