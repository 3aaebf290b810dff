export { eraseHousehold, type ErasureOrder } from './erase';
export { erasureNotices } from './notices';
export { erasureRequests, requestErasure } from './requests';
