/** Build-time constants defined in wxt.config.ts. */
declare const __TACIT_BUNDLED_MODEL_LIBS__: string[] | undefined;
