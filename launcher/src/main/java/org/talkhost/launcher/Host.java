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
import org.osgi.framework.wiring.FrameworkWiring;

/** Boots Apache Felix and installs the feature's bundles by start order. */
final class Host {
    private final FeatureFile feature;
    private final Path home;
    private Framework framework;
    private final List<Bundle> installed = new ArrayList<>();
    private final Map<Long, Boolean> optional = new HashMap<>();
    private StoredJar stored;

    Host(FeatureFile feature, Path home) {
        this.feature = feature;
        this.home = home;
    }

    /**
     * Bundles installed into a new kept storage go there uncompressed: their copies are made from now on, beside
     * the framework's start (see {@link StoredJar}). A storage made for one launch only gets them as they are.
     */
    void storeUncompressed(List<Path> files, Path storage) throws IOException {
        stored = StoredJar.start(files, storage);
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
        try {
            framework = new FrameworkFactory().newFramework(properties);
            framework.init();
            BootTrace.mark("framework initialised (bundle cache read)");
            BootTrace.watch(framework.getBundleContext());
            EventDeliveries.watch(framework);
            for (int i = 0; i < files.size(); i++) {
                FeatureFile.Entry entry = feature.bundles.get(i);
                Bundle b = install(files.get(i), i);
                b.adapt(BundleStartLevel.class).setStartLevel(entry.startOrder());
                optional.put(b.getBundleId(), entry.optional());
                installed.add(b);
                boolean fragment = b.getHeaders().get(Constants.FRAGMENT_HOST) != null;
                if (fragment) {
                    continue;
                }
                b.start(Bundle.START_ACTIVATION_POLICY);
            }
        } finally {
            storedDone();
        }
        // One resolver run for every bundle (about 50 ms) instead of one at each bundle's start (about 110 ms in
        // all). A bundle that cannot be resolved is left as it is, and reported when it does not start.
        framework.adapt(FrameworkWiring.class).resolveBundles(null);
        BootTrace.mark("bundles resolved");
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

    private void storedDone() {
        if (stored != null) {
            stored.close();
            stored = null;
        }
    }

    private Bundle install(Path file, int index) throws BundleException, IOException, InterruptedException {
        String location = file.toUri().toString();
        Bundle existing = framework.getBundleContext().getBundle(location);
        if (existing != null) {
            return existing;
        }
        Path copy = stored == null ? file : stored.take(index);
        try (InputStream in = Files.newInputStream(copy)) {
            return framework.getBundleContext().installBundle(location, in);
        } finally {
            if (copy != file) {
                Files.deleteIfExists(copy);
            }
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
