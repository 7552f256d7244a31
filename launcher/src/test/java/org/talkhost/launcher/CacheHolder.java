package org.talkhost.launcher;

import java.io.IOException;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import org.apache.felix.framework.FrameworkFactory;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;

/**
 * A launch in another JVM, as the launcher does it: prepares the storage of a home, then runs a framework
 * on it until its input ends. Prints the storage folder once the framework holds it.
 * Arguments: the runtime folder, then one bundle file.
 */
public final class CacheHolder {
    private CacheHolder() {}

    public static void main(String[] args) throws Exception {
        Storage storage = new Storage(Paths.get(args[0]));
        storage.prepare(List.of(Paths.get(args[1])), false);
        Framework framework = new FrameworkFactory()
                .newFramework(Map.of(Constants.FRAMEWORK_STORAGE, storage.dir().toString()));
        framework.init();
        framework.start();
        System.out.println(storage.dir());
        System.out.flush();
        waitForEndOfInput();
        framework.stop();
        framework.waitForStop(10_000);
        System.exit(0);
    }

    private static void waitForEndOfInput() throws IOException {
        while (System.in.read() >= 0) {
            // until the test closes our input
        }
    }
}
