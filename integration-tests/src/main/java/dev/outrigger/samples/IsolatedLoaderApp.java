package dev.outrigger.samples;

import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An unchanged service that runs another app's {@code main} in a class loader of its own, whose parent is the
 * platform class loader, as plugin hosts and some application servers do: that app's classes and libraries see
 * nothing of the system class path.
 *
 * <pre>java dev.outrigger.samples.IsolatedLoaderApp CLASS_PATH MAIN_CLASS [ARGS]...</pre>
 */
public final class IsolatedLoaderApp {

    private IsolatedLoaderApp() {
    }

    public static void main(String[] args) throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String entry : args[0].split(File.pathSeparator)) {
            urls.add(new File(entry).toURI().toURL());
        }
        ClassLoader isolated = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
        Thread.currentThread().setContextClassLoader(isolated);
        Method main = Class.forName(args[1], true, isolated).getMethod("main", String[].class);
        main.invoke(null, (Object) Arrays.copyOfRange(args, 2, args.length));
    }
}
