// The routing-service API the inbox and the queue view use. routing-service had not published its
// endpoints when the console was written: these follow the design doc (offers, presence, queue
// statistics) and are the one place to adjust when its OpenAPI lands.
import { get, post, put } from './api.js';

export const myOffers = () => get('/api/v1/routing/agents/me/offers');
export const accept = (offer) => post(`/api/v1/routing/offers/${encodeURIComponent(offer.offerId)}/acceptance`);
export const reject = (offer) => post(`/api/v1/routing/offers/${encodeURIComponent(offer.offerId)}/rejection`);
export const wrapUp = (offer, disposition) =>
  post(`/api/v1/routing/tasks/${encodeURIComponent(offer.taskId)}/wrap-up`, { disposition });
export const setPresence = (presence) => put('/api/v1/routing/agents/me/presence', { presence });
export const queueStatistics = () => get('/api/v1/routing/queues/statistics');
