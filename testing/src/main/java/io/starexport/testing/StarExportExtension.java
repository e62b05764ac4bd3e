package io.starexport.testing;

import io.starexport.PlatformInfo;
import io.starexport.StarExport;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.lang.reflect.Method;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A JUnit 5 extension that gives each test a {@link StarExport} wired for offline testing, and closes it
 * after the test. A test (or a {@code @BeforeEach} method) asks for it as a parameter:
 *
 * <ul>
 *   <li><b>Sandbox</b>, the default: {@code sandbox(true)}, so every URL a platform recognises yields
 *       deterministic sample items.</li>
 *   <li><b>Fake platform</b>, when the test method, or a {@code @BeforeEach} method run before the engine is
 *       given, has a {@link FakePlatform} parameter: a started fake, registered on the engine, scriptable in the
 *       test.</li>
 *   <li><b>Recorded responses</b>, when the test or its class is annotated {@link RecordedResponses}: a
 *       {@link RecordedResponseServer} (also injectable) serves the folder and the named platforms' endpoints
 *       point at it. A request no recording matched fails the test after it ran.</li>
 * </ul>
 *
 * In every mode the engine reads no credentials from the environment ({@code environment(Map.of())}), so a
 * developer's {@code STAREXPORT_*} variables cannot change what a test does. After each test the extension
 * closes the engine, checks that the servers' connections were closed and that no thread started during the
 * test is still running ({@link LeakCheck}), then stops the servers.
 *
 * <pre>{@code
 * @ExtendWith(StarExportExtension.class)
 * class ImportTest {
 *     @Test
 *     void importsEveryComment(StarExport star, FakePlatform fake) {
 *         fake.post("p1", 25);
 *         assertThat(star.export(fake.url("p1")).comments().stream()).hasSize(25);
 *     }
 * }
 * }</pre>
 *
 * To change the engine's other settings (a retry policy, credentials, a listener), register the extension
 * with {@code @RegisterExtension} and {@link #withEngine(Consumer)}. Immutable; one instance may serve
 * parallel tests.
 */
public final class StarExportExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(StarExportExtension.class);

    private final Consumer<StarExport.Builder> engine;
    private final boolean leakCheck;
    private final List<String> ignoredThreads;

    /** The extension with the engine's defaults and the leak check on, for {@code @ExtendWith}. */
    public StarExportExtension() {
        this(builder -> { }, true, List.of());
    }

    private StarExportExtension(Consumer<StarExport.Builder> engine, boolean leakCheck, List<String> ignoredThreads) {
        this.engine = engine;
        this.leakCheck = leakCheck;
        this.ignoredThreads = ignoredThreads;
    }

    /**
     * A copy that applies further settings to each test's engine builder, such as
     * {@code builder -> builder.retryPolicy(RetryPolicy.ofDefaults().withBackoff(ms(1), ms(10)))}. The extension
     * sets {@code sandbox}, {@code environment}, the fake platform and the recorded platforms' endpoints
     * itself; setting those here is an error. With {@link RecordedResponses} the settings are applied twice,
     * once to read the platforms' endpoints, so they must not have side effects.
     */
    public StarExportExtension withEngine(Consumer<StarExport.Builder> settings) {
        Objects.requireNonNull(settings, "settings");
        return new StarExportExtension(engine.andThen(settings), leakCheck, ignoredThreads);
    }

    /** A copy that skips the thread and connection check after each test. */
    public StarExportExtension withoutLeakCheck() {
        return new StarExportExtension(engine, false, ignoredThreads);
    }

    /**
     * A copy whose leak check ignores threads whose names start with this prefix: a pool the host keeps for the
     * JVM's life, such as the threads of an engine shared by several tests ({@code "starexport-"}).
     */
    public StarExportExtension ignoringThreads(String threadNamePrefix) {
        List<String> prefixes = new ArrayList<>(ignoredThreads);
        prefixes.add(Objects.requireNonNull(threadNamePrefix, "threadNamePrefix"));
        return new StarExportExtension(engine, leakCheck, List.copyOf(prefixes));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        LeakCheck leaks = LeakCheck.startWindow();
        for (String prefix : ignoredThreads) {
            leaks = leaks.ignoring(prefix);
        }
        context.getStore(NAMESPACE).put(Session.class, new Session(leaks, leakCheck));
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == StarExport.class || type == FakePlatform.class || type == RecordedResponseServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Session session = context.getStore(NAMESPACE).get(Session.class, Session.class);
        if (session == null) {
            throw new ParameterResolutionException("StarExportExtension can inject only into test methods and "
                    + "@BeforeEach/@AfterEach methods, not into " + parameter.getDeclaringExecutable());
        }
        Class<?> type = parameter.getParameter().getType();
        if (type == FakePlatform.class) {
            return session.fake();
        }
        Optional<RecordedResponses> recorded = recordedResponses(context);
        if (type == RecordedResponseServer.class) {
            return session.recorded(recorded.orElseThrow(() -> new ParameterResolutionException(
                    "a RecordedResponseServer parameter needs @RecordedResponses on the test or its class")));
        }
        return session.engine(recorded, wantsFake(context) || session.hasFake());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Session session = context.getStore(NAMESPACE).remove(Session.class, Session.class);
        if (session != null) {
            session.close();
        }
    }

    private static Optional<RecordedResponses> recordedResponses(ExtensionContext context) {
        return context.getTestMethod().map(m -> m.getAnnotation(RecordedResponses.class))
                .or(() -> context.getTestClass().map(c -> c.getAnnotation(RecordedResponses.class)));
    }

    private static boolean wantsFake(ExtensionContext context) {
        return context.getTestMethod().map(Method::getParameterTypes).map(Arrays::asList)
                .map(types -> types.contains(FakePlatform.class)).orElse(false);
    }

    /** What one test was given; closed in order after it: engine, then the checks, then the servers. */
    private final class Session {
        private final LeakCheck leaks;
        private final boolean checkLeaks;
        private StarExport star;
        private FakePlatform fake;
        private RecordedResponseServer recorded;

        Session(LeakCheck leaks, boolean checkLeaks) {
            this.leaks = leaks;
            this.checkLeaks = checkLeaks;
        }

        synchronized FakePlatform fake() {
            if (fake == null && star != null) {
                throw new ParameterResolutionException("this test's StarExport was already given without the fake "
                        + "platform; ask for the FakePlatform in the test method, or before (or with) the StarExport");
            }
            if (fake == null) {
                fake = FakePlatform.start();
            }
            return fake;
        }

        synchronized boolean hasFake() {
            return fake != null;
        }

        synchronized RecordedResponseServer recorded(RecordedResponses annotation) {
            if (recorded == null) {
                recorded = RecordedResponseServer.startFromClasspath(annotation.value());
            }
            return recorded;
        }

        synchronized StarExport engine(Optional<RecordedResponses> recordedResponses, boolean withFake) {
            if (star != null) {
                return star;
            }
            if (recordedResponses.isEmpty() && !withFake) {
                star = build(builder -> builder.sandbox(true));
                return star;
            }
            FakePlatform platform = withFake ? fake() : null;
            if (recordedResponses.isEmpty()) {
                star = build(builder -> builder.platform(platform));
                return star;
            }
            RecordedResponseServer server = recorded(recordedResponses.get());
            List<PlatformInfo> platforms;
            try (StarExport probe = build(builder -> {
                if (platform != null) {
                    builder.platform(platform);
                }
            })) {
                platforms = probe.platforms();
            }
            List<String> wanted = List.of(recordedResponses.get().platforms());
            for (String id : wanted) {
                if (platforms.stream().noneMatch(p -> p.id().equals(id))) {
                    throw new ParameterResolutionException("@RecordedResponses names platform '" + id + "', which is "
                            + "not installed; installed: " + platforms.stream().map(PlatformInfo::id).toList() + ". Add its module in test scope or register it with withEngine.");
                }
            }
            star = build(builder -> {
                if (platform != null) {
                    builder.platform(platform);
                }
                for (PlatformInfo info : platforms) {
                    if (wanted.contains(info.id())) {
                        info.endpoints().forEach((name, url) -> builder.endpoint(info.id(), name, pointAt(server, url)));
                    }
                }
            });
            return star;
        }

        private StarExport build(Consumer<StarExport.Builder> mode) {
            StarExport.Builder builder = StarExport.builder();
            mode.accept(builder);
            builder.environment(Map.of());
            try {
                engine.accept(builder);
            } catch (IllegalStateException e) {
                throw new ParameterResolutionException("StarExportExtension.withEngine set something the extension "
                        + "sets itself (sandbox, environment, the fake platform, recorded endpoints): " + e.getMessage(), e);
            }
            return builder.build();
        }

        synchronized void close() {
            List<Throwable> failures = new ArrayList<>();
            if (star != null) {
                try {
                    star.close();
                } catch (RuntimeException e) {
                    failures.add(e);
                }
            }
            if (recorded != null && !recorded.unmatched().isEmpty()) {
                failures.add(new AssertionError("no recorded response matched " + recorded.unmatched().size()
                        + " request(s): " + recorded.unmatched() + ". Record them into mappings/ (see RecordedResponseServer)."));
            }
            List<TestServer> servers = new ArrayList<>();
            if (fake != null) {
                servers.add(fake);
            }
            if (recorded != null) {
                servers.add(recorded);
            }
            if (checkLeaks) {
                try {
                    leaks.assertNoLeaks(servers.toArray(TestServer[]::new));
                } catch (AssertionError e) {
                    failures.add(e);
                }
            }
            try {
                servers.forEach(TestServer::close);
            } finally {
                leaks.endWindow();
            }
            if (!failures.isEmpty()) {
                Throwable first = failures.get(0);
                failures.subList(1, failures.size()).forEach(first::addSuppressed);
                if (first instanceof AssertionError error) {
                    throw error;
                }
                throw (RuntimeException) first;
            }
        }
    }

    private static String pointAt(RecordedResponseServer server, URI endpoint) {
        String path = endpoint.getRawPath() == null ? "" : endpoint.getRawPath();
        return server.baseUrl() + (path.endsWith("/") ? path.substring(0, path.length() - 1) : path);
    }
}
