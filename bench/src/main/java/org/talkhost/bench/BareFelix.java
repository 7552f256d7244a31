package org.talkhost.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.felix.framework.FrameworkFactory;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;

/**
 * The floor under TalkHost's boot: the same Felix with only SCR, Config Admin and Gogo (and what they need), started
 * the way the launcher starts TalkHost, in a JVM with ./talkhost's options. Prints one line, {@code bare Felix: N
 * bundles active, started in M ms} (JVM start to every bundle active, as the launcher counts), then stops.
 * Usage: {@code java -cp <felix framework jar>:bench/target/classes org.talkhost.bench.BareFelix BUNDLE.jar...}.
 */
public final class BareFelix {
    private BareFelix() {}

    public static void main(String[] args) throws Exception {
        Path storage = Files.createTempDirectory("bare-felix");
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, storage.toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.put("gosh.args", "--nointeractive");
        Framework felix = new FrameworkFactory().newFramework(config);
        try {
            felix.start();
            BundleContext context = felix.getBundleContext();
            List<Bundle> bundles = new ArrayList<>();
            for (String jar : args) {
                bundles.add(context.installBundle(Path.of(jar).toUri().toString()));
            }
            for (Bundle b : bundles) {
                b.start();
            }
            long millis = System.currentTimeMillis()
                    - ManagementFactory.getRuntimeMXBean().getStartTime();
            long active =
                    bundles.stream().filter(b -> b.getState() == Bundle.ACTIVE).count();
            System.out.println("bare Felix: " + active + " bundles active, started in " + millis + " ms");
        } finally {
            felix.stop();
            felix.waitForStop(10_000);
            Proc.deleteTree(storage);
        }
    }
}
