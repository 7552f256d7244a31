package org.talkhost.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;

/** Explains, in plain words, each bundle that did not resolve or start. */
final class BundleReport {
    private static final Pattern MISSING_PACKAGE =
            Pattern.compile("osgi\\.wiring\\.package; \\(&?\\(?osgi\\.wiring\\.package=([^)]+)\\)");
    private static final Pattern MISSING_EE = Pattern.compile("osgi\\.ee");

    /** One problem: the bundle, whether the feature requires it, and why it is not active. */
    record Problem(Bundle bundle, boolean required, String reason) {
        @Override
        public String toString() {
            return (required ? "" : "(optional) ") + bundle.getSymbolicName() + " " + bundle.getVersion()
                    + " is not running: " + reason;
        }
    }

    private BundleReport() {}

    /** Checks every bundle that should be active; {@code optional} maps bundle ids to "may fail". */
    static List<Problem> check(List<Bundle> expected, Map<Long, Boolean> optional) {
        List<Problem> problems = new ArrayList<>();
        for (Bundle b : expected) {
            if (b.getState() == Bundle.ACTIVE || b.getHeaders().get(Constants.FRAGMENT_HOST) != null) {
                continue;
            }
            String reason;
            try {
                b.start();
                continue;
            } catch (BundleException e) {
                reason = explain(e);
            } catch (RuntimeException e) {
                reason = "it failed while starting (" + e + ").";
            }
            problems.add(new Problem(b, !optional.getOrDefault(b.getBundleId(), false), reason));
        }
        return problems;
    }

    static String explain(BundleException e) {
        String msg = String.valueOf(e.getMessage());
        Matcher m = MISSING_PACKAGE.matcher(msg);
        if (e.getType() == BundleException.RESOLVE_ERROR && m.find()) {
            return "it needs the Java package " + m.group(1)
                    + ", which no installed bundle provides. Add the bundle that exports it to features/talkhost.json.";
        }
        if (e.getType() == BundleException.RESOLVE_ERROR
                && MISSING_EE.matcher(msg).find()) {
            return "it needs a newer Java than this one (" + System.getProperty("java.version") + ").";
        }
        if (e.getType() == BundleException.RESOLVE_ERROR) {
            return "its requirements cannot be met (" + msg + ").";
        }
        if (e.getType() == BundleException.ACTIVATOR_ERROR) {
            Throwable c = e.getCause() == null ? e : e.getCause();
            return "its start-up code failed (" + c + "). See log/talkhost.log.";
        }
        return msg;
    }
}
