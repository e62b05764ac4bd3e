package io.starexport.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * Checks that code under test stopped every thread it started, and closed its connections to the test
 * servers. Take a snapshot before, check after:
 *
 * <pre>{@code
 * LeakCheck leaks = LeakCheck.start();
 * try (StarExport star = StarExport.builder().platform(fake).build()) {
 *     star.export(fake.url("p1")).comments().stream().forEach(comments::add);
 * }
 * leaks.assertNoLeaks(fake);
 * }</pre>
 *
 * A thread that started after the snapshot and is still alive after a grace period (2 s by default) is a
 * leak; so is a connection a {@link TestServer} passed to the check still has open (the servers' own threads
 * are not counted: close the servers after the check). Threads shared by the whole JVM that no
 * engine owns or can stop are not counted: OkHttp's {@code OkHttp TaskRunner} and {@code Okio Watchdog}
 * (each ends after 60 s idle), the JDK's HTTP keep-alive threads and {@code java.net.http.HttpClient} threads
 * (a JDK 17 client cannot be closed), the common fork-join pool, JUnit's worker and timeout threads and JVM
 * service threads. Virtual threads are not visible to the check. {@link StarExportExtension} runs this check
 * after each test; when JUnit runs tests in parallel, a thread created while another of the extension's tests
 * was running is left to that test's check, so only threads created while a test ran alone are counted.
 * Immutable and thread-safe.
 */
public final class LeakCheck {
    private static final List<String> SHARED_THREAD_PREFIXES = List.of("OkHttp TaskRunner", "Okio Watchdog",
            "ForkJoinPool.commonPool-", "process reaper", "Common-Cleaner", "Attach Listener", "Signal Dispatcher",
            "Reference Handler", "Finalizer", "Notification Thread", "Keep-Alive-Timer", "Keep-Alive-SocketCleaner",
            "junit-jupiter-timeout-watcher");

    /** The JDK HTTP client's selector and pool threads: JDK 17 cannot close a client, they end when it is collected. */
    private static final Pattern JDK_HTTP_CLIENT_THREAD = Pattern.compile("HttpClient-\\d+-(SelectorManager|Worker-\\d+)");
    /** JUnit's own worker threads when it runs tests in parallel. */
    private static final String JUNIT_WORKER_PACKAGE = "org.junit.platform.engine.support.hierarchical.";
    /**
     * The thread-id windows {@code [first, end)} of the tests {@link StarExportExtension} runs, the end
     * {@code Long.MAX_VALUE} while a test runs. Thread ids grow as threads are created, so a thread whose id falls in
     * another test's window may be that test's, and is left to its check. Guarded by itself.
     */
    private static final List<long[]> WINDOWS = new ArrayList<>();

    private final Set<Thread> before;
    private final Duration gracePeriod;
    private final List<String> ignoredPrefixes;
    /** This check's own window when the extension runs it, else null. */
    private final long[] window;

    private LeakCheck(Set<Thread> before, Duration gracePeriod, List<String> ignoredPrefixes, long[] window) {
        this.before = before;
        this.gracePeriod = gracePeriod;
        this.ignoredPrefixes = ignoredPrefixes;
        this.window = window;
    }

    /** Takes a snapshot of the threads alive now, with a 2 s grace period. */
    public static LeakCheck start() {
        return new LeakCheck(aliveNow(), Duration.ofSeconds(2), SHARED_THREAD_PREFIXES, null);
    }

    /** As {@link #start()}, and opens a window for the test, so checks of tests running alongside leave its threads to it. */
    static LeakCheck startWindow() {
        long[] window = {nextThreadId(), Long.MAX_VALUE};
        synchronized (WINDOWS) {
            WINDOWS.add(window);
        }
        return new LeakCheck(aliveNow(), Duration.ofSeconds(2), SHARED_THREAD_PREFIXES, window);
    }

    /** Closes this test's window; windows no running test overlapped are forgotten. */
    void endWindow() {
        synchronized (WINDOWS) {
            window[1] = nextThreadId();
            long oldestRunning = WINDOWS.stream().filter(w -> w[1] == Long.MAX_VALUE).mapToLong(w -> w[0]).min()
                    .orElse(Long.MAX_VALUE);
            WINDOWS.removeIf(w -> w[1] < oldestRunning);
        }
    }

    private static Set<Thread> aliveNow() {
        Set<Thread> alive = Collections.newSetFromMap(new IdentityHashMap<>());
        alive.addAll(Thread.getAllStackTraces().keySet());
        return Collections.unmodifiableSet(alive);
    }

    /** The id the next thread created will have at least: ids are handed out in creation order. */
    private static long nextThreadId() {
        return new Thread(() -> { }, "starexport-leak-check-mark").getId();
    }

    /** Whether a thread was created while another test the extension runs was running. */
    private boolean createdInAnotherTest(Thread thread) {
        long id = thread.getId();
        synchronized (WINDOWS) {
            return WINDOWS.stream().anyMatch(w -> w != window && w[0] < id && id < w[1]);
        }
    }

    private boolean shared(Thread thread) {
        String name = thread.getName();
        return ignoredPrefixes.stream().anyMatch(name::startsWith) || JDK_HTTP_CLIENT_THREAD.matcher(name).matches()
                || thread.getClass().getName().startsWith(JUNIT_WORKER_PACKAGE);
    }

    /** A copy that waits this long for threads to end and connections to close before failing. */
    public LeakCheck withGracePeriod(Duration gracePeriod) {
        Objects.requireNonNull(gracePeriod, "gracePeriod");
        if (gracePeriod.isNegative()) {
            throw new IllegalArgumentException("gracePeriod must not be negative but was " + gracePeriod);
        }
        return new LeakCheck(before, gracePeriod, ignoredPrefixes, window);
    }

    /** A copy that also ignores threads whose names start with this prefix (a pool the host owns for the JVM's life). */
    public LeakCheck ignoring(String threadNamePrefix) {
        List<String> prefixes = new ArrayList<>(ignoredPrefixes);
        prefixes.add(Objects.requireNonNull(threadNamePrefix, "threadNamePrefix"));
        return new LeakCheck(before, gracePeriod, List.copyOf(prefixes), window);
    }

    /**
     * Fails when threads started since {@link #start()} are still alive, or one of the servers still has open
     * connections, after the grace period.
     *
     * @param servers test servers whose connections must all be closed, such as a {@link FakePlatform}
     * @throws AssertionError naming each leaked thread (with its state and where it is) and open connection
     */
    public void assertNoLeaks(TestServer... servers) {
        long deadline = System.nanoTime() + gracePeriod.toNanos();
        List<Thread> leaked = leakedThreads(servers);
        int connections = openConnections(servers);
        while ((!leaked.isEmpty() || connections > 0) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            leaked = leakedThreads(servers);
            connections = openConnections(servers);
        }
        if (leaked.isEmpty() && connections == 0) {
            return;
        }
        StringJoiner message = new StringJoiner("\n");
        if (!leaked.isEmpty()) {
            message.add(leaked.size() + " thread" + (leaked.size() == 1 ? "" : "s") + " started during the test "
                    + (leaked.size() == 1 ? "is" : "are") + " still running after " + gracePeriod.toMillis() + " ms:");
            for (Thread thread : leaked) {
                StackTraceElement[] stack = thread.getStackTrace();
                message.add("  '" + thread.getName() + "' (" + thread.getState() + (thread.isDaemon() ? ", daemon" : "")
                        + ")" + (stack.length > 0 ? " at " + stack[0] : ""));
            }
        }
        for (TestServer server : servers) {
            if (server.openConnections() > 0) {
                message.add(server.openConnections() + " connection(s) to " + server + " still open after "
                        + gracePeriod.toMillis() + " ms");
            }
        }
        message.add("Close every StarExport, JobExecutor and export Stream the test opens (try-with-resources).");
        throw new AssertionError(message.toString());
    }

    /** Threads started since the snapshot, except shared ones and those of the servers passed (still running). */
    private List<Thread> leakedThreads(TestServer... servers) {
        List<Thread> leaked = new ArrayList<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.isAlive() && !before.contains(thread) && thread != Thread.currentThread() && !shared(thread)
                    && Arrays.stream(servers).noneMatch(server -> LoopbackHttp.of(server).owns(thread))
                    && !createdInAnotherTest(thread)) {
                leaked.add(thread);
            }
        }
        leaked.sort((a, b) -> a.getName().compareTo(b.getName()));
        return leaked;
    }

    private static int openConnections(TestServer... servers) {
        int open = 0;
        for (TestServer server : servers) {
            open += server.openConnections();
        }
        return open;
    }
}
