import type { Principal } from '../core/principal';

/** Per-request state of the gateway: the authenticated caller and its signed form for subgraphs. */
export interface GatewayContext {
  principal: Principal;
  signedPrincipal: string;
  /** Set for the hub's own operations (REST compat), which the depth and cost limits do not apply to. */
  trusted?: boolean;
}
