// Declarations for tim-wx-sdk 2.x, which ships none. Only what the opt-in `tccc-wx-sdk/im` entry uses.
declare module 'tim-wx-sdk' {
  namespace TIM {
    interface Message {
      type: string;
      to: string;
      conversationType: string;
      payload: { data?: string; description?: string; extension?: string; text?: string };
    }

    interface Instance {
      setLogLevel(level: number): void;
      login(options: { userID: string; userSig: string }): Promise<unknown>;
      logout(): Promise<unknown>;
      destroy(): Promise<unknown>;
      on(event: string, listener: (event: { name: string; data: unknown }) => void): void;
      off(event: string, listener: (event: { name: string; data: unknown }) => void): void;
      joinGroup(options: { groupID: string }): Promise<unknown>;
    }

    interface Static {
      create(options: { SDKAppID: number }): Instance;
      EVENT: {
        SDK_READY: string;
        MESSAGE_RECEIVED: string;
        KICKED_OUT: string;
        NET_STATE_CHANGE: string;
        ERROR: string;
      };
      TYPES: { MSG_CUSTOM: string; CONV_GROUP: string; CONV_C2C: string };
    }
  }

  const TIM: TIM.Static;
  export = TIM;
}
