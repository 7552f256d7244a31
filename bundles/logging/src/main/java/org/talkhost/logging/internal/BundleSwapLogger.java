package org.talkhost.logging.internal;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.talkhost.api.logging.OperationsLog;

/** Logs installs, updates, starts, stops and removals of TalkHost bundles ({@code talkhost-*}). */
@Component(
        service = {},
        immediate = true)
public final class BundleSwapLogger implements BundleListener {
    static final String PREFIX = "talkhost-";

    private final OperationsLog log;
    private final BundleContext context;

    @Activate
    public BundleSwapLogger(BundleContext context, @Reference OperationsLog log) {
        this.context = context;
        this.log = log;
        context.addBundleListener(this);
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        Bundle b = event.getBundle();
        String name = b.getSymbolicName();
        if (name == null || !name.startsWith(PREFIX)) {
            return;
        }
        String what = what(event.getType());
        if (what != null) {
            log.info("Bundle {} {} {}", name, b.getVersion(), what);
        }
    }

    static String what(int type) {
        switch (type) {
            case BundleEvent.INSTALLED:
                return "installed";
            case BundleEvent.UPDATED:
                return "updated (new code loaded; it restarts its services)";
            case BundleEvent.STARTED:
                return "started";
            case BundleEvent.STOPPED:
                return "stopped";
            case BundleEvent.UNINSTALLED:
                return "uninstalled";
            default:
                return null;
        }
    }

    @Deactivate
    void stop() {
        context.removeBundleListener(this);
    }
}
