package org.talkhost.standin;

import org.talkhost.standin.api.CommonEndpoints;
import org.talkhost.standin.api.Context;
import org.talkhost.standin.api.V1Endpoints;
import org.talkhost.standin.api.V2Endpoints;
import org.talkhost.standin.http.Router;

/** The API of one flavour: the shared endpoints plus that flavour's own. */
final class Routes {

    private Routes() {}

    static Router of(Context ctx) {
        Router router = new Router();
        new CommonEndpoints(ctx).addTo(router);
        if (ctx.v1()) {
            new V1Endpoints(ctx).addTo(router);
        } else {
            new V2Endpoints(ctx).addTo(router);
        }
        return router;
    }
}
