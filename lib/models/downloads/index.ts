/** Model downloads for offline use: plan, download, status, verify and delete, in WebLLM's own caches. */
export { planModelFiles, type FetchJson, type ModelFile, type ModelFileKind, type ModelFilePlan, type PlanError } from './model-files';
export { downloadModel, type DownloadDeps, type DownloadOptions, type DownloadResult } from './download-model';
export type { DownloadProgress } from './download-progress';
export type { DownloadError, DownloadErrorCode } from './download-errors';
export { modelCacheStatus, verifyModelFiles, type CacheDeps, type ModelCacheStatus, type ModelVerification } from './cache-status';
export { deleteAllModelFiles, deleteModelFiles, type DeleteModelResult } from './delete-model';
export type { CacheLike, CacheStorageLike } from './cache-store';
export { modelBaseUrl, type CacheScope } from './webllm-urls';
