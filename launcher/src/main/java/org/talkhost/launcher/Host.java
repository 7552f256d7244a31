package org.talkhost.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.felix.framework.FrameworkFactory;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.startlevel.BundleStartLevel;

/** Boots Apache Felix and installs the feature's bundles by start order. */
final class Host {
    private final FeatureFile feature;
    private final Path home;
    private Framework framework;
    private final List<Bundle> installed = new ArrayList<>();
    private final Map<Long, Boolean> optional = new HashMap<>();

    Host(FeatureFile feature, Path home) {
        this.feature = feature;
        this.home = home;
    }

    /** Resolves every bundle file; throws IOException naming the ones that are missing. */
    List<Path> locateBundles(BundleLocator locator) throws IOException {
        List<Path> files = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (FeatureFile.Entry e : feature.bundles) {
            locator.locate(e).ifPresentOrElse(files::add, () -> missing.add(e.coordinates()));
        }
        if (!missing.isEmpty()) {
            throw new IOException("These bundles were not found: " + String.join(", ", missing)
                    + ". Build TalkHost first: ./mvnw install -DskipTests (./talkhost does it for you).");
        }
        return files;
    }

    /**
     * Starts the framework with the bundles (the Gogo shell runs a console only when the launcher leaves
     * {@code gosh.args} without {@code --nointeractive}). Returns when every start level is reached.
     */
    Framework start(List<Path> files, Map<String, String> properties)
            throws BundleException, IOException, InterruptedException {
        framework = new FrameworkFactory().newFramework(properties);
        framework.init();
        BootTrace.mark("framework initialised (bundle cache read)");
        BootTrace.watch(framework.getBundleContext());
        EventDeliveries.watch(framework);
        int level = 0;
        for (int i = 0; i < files.size(); i++) {
            FeatureFile.Entry entry = feature.bundles.get(i);
            Bundle b = install(files.get(i));
            b.adapt(BundleStartLevel.class).setStartLevel(entry.startOrder());
            optional.put(b.getBundleId(), entry.optional());
            installed.add(b);
            boolean fragment = b.getHeaders().get(Constants.FRAGMENT_HOST) != null;
            if (fragment) {
                continue;
            }
            b.start(Bundle.START_ACTIVATION_POLICY);
            level = Math.max(level, entry.startOrder());
        }
        CountDownLatch started = new CountDownLatch(1);
        framework.getBundleContext().addFrameworkListener(ev -> {
            if (ev.getType() == FrameworkEvent.STARTED || ev.getType() == FrameworkEvent.STARTLEVEL_CHANGED) {
                started.countDown();
            }
        });
        framework.start();
        started.await(60, TimeUnit.SECONDS);
        return framework;
    }

    private Bundle install(Path file) throws BundleException, IOException {
        String location = file.toUri().toString();
        Bundle existing = framework.getBundleContext().getBundle(location);
        if (existing != null) {
            return existing;
        }
        try (InputStream in = Files.newInputStream(file)) {
            return framework.getBundleContext().installBundle(location, in);
        }
    }

    List<BundleReport.Problem> problems() {
        return BundleReport.check(installed, optional);
    }

    int activeCount() {
        return (int)
                installed.stream().filter(b -> b.getState() == Bundle.ACTIVE).count();
    }

    /** Stops the framework and waits up to {@code millis}; true when it stopped in time. */
    boolean stop(long millis) {
        if (framework == null) {
            return true;
        }
        try {
            if ((framework.getState() & (Bundle.ACTIVE | Bundle.STARTING | Bundle.STOPPING)) != 0) {
                framework.stop();
            }
            FrameworkEvent ev = framework.waitForStop(millis);
            return ev.getType() != FrameworkEvent.WAIT_TIMEDOUT;
        } catch (BundleException | InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    Path home() {
        return home;
    }
}
