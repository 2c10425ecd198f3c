/** 12345 hotline round trip: inbound 派单/回访/催办/督办/撤回, outbound signed webhooks and their log (docs/12345.md). */
export { createHotlineService, type HotlineService } from './hotline.service';
export { hotlineModule, type HotlineModule } from './hotline.module';
export {
  sign,
  verify,
  signedHeaders,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  DELIVERY_HEADER,
} from './hotline-signature';
