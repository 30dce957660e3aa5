package dev.outrigger.samples;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An unchanged client service: calls one URL again and again with a plain JDK HTTP client.
 *
 * <pre>
 * java dev.outrigger.samples.CallerApp URL [--count N | --duration SECONDS] [--rate PER_SECOND]
 *      [--method M] [--body-bytes N] [--buffered-body] [--header NAME:VALUE]... [--timeout MILLIS]
 *      [--client httpclient|urlconnection] [--print-body]
 * </pre>
 *
 * Prints one line per call ({@code status=200 instance=a error=-}, where error is the
 * {@code x-outrigger-error} header or the exception's class), one summary per second
 * ({@code second=3 ok=10 failed=0}) and a final {@code total sent=N ok=N failed=N}.
 * The body, when asked for, is the pattern of {@link PatternBody}: streamed, or with {@code --buffered-body} held
 * in memory as apps commonly send small bodies (a byte array; HttpURLConnection's default buffered output). The
 * timeout (default 30 s) is the HttpClient request's timeout, or HttpURLConnection's connect and read timeouts.
 */
public final class CallerApp {

    record Call(String method, URI uri, List<String[]> headers, long bodyBytes, boolean bufferedBody,
                Duration timeout) {
    }

    record Answer(int status, String instance, String outriggerError, String body) {
    }

    interface Client {
        Answer send(Call call) throws IOException, InterruptedException;
    }

    public static void main(String[] args) throws InterruptedException {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: CallerApp URL [--count N | --duration SECONDS] [--rate PER_SECOND] [--method M]"
                    + " [--body-bytes N] [--buffered-body] [--header NAME:VALUE]... [--timeout MILLIS]"
                    + " [--client httpclient|urlconnection] [--print-body]");
            System.exit(2);
            return;
        }
        new CallerApp().run(options);
    }

    private final AtomicInteger okThisSecond = new AtomicInteger();
    private final AtomicInteger failedThisSecond = new AtomicInteger();
    private int sent;
    private int ok;

    private void run(Options options) throws InterruptedException {
        Client client = options.client.equals("urlconnection") ? new UrlConnectionClient() : new JdkHttpClient();
        Call call = new Call(options.method, options.uri, options.headers, options.bodyBytes, options.bufferedBody,
                options.timeout);
        ScheduledExecutorService summary = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "per-second-summary");
            thread.setDaemon(true);
            return thread;
        });
        AtomicInteger second = new AtomicInteger();
        summary.scheduleAtFixedRate(() -> System.out.println("second=" + second.incrementAndGet()
                + " ok=" + okThisSecond.getAndSet(0) + " failed=" + failedThisSecond.getAndSet(0)), 1, 1, TimeUnit.SECONDS);

        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(options.durationSeconds);
        while (options.durationSeconds > 0 ? System.nanoTime() < end : sent < options.count) {
            if (options.rate > 0) {
                long due = start + (long) (sent * 1e9 / options.rate);
                TimeUnit.NANOSECONDS.sleep(due - System.nanoTime());
            }
            callOnce(client, call, options.printBody);
        }
        summary.shutdownNow();
        System.out.println("total sent=" + sent + " ok=" + ok + " failed=" + (sent - ok));
    }

    private void callOnce(Client client, Call call, boolean printBody) throws InterruptedException {
        sent++;
        try {
            Answer answer = client.send(call);
            boolean success = answer.status >= 200 && answer.status < 300;
            (success ? okThisSecond : failedThisSecond).incrementAndGet();
            ok += success ? 1 : 0;
            System.out.println("status=" + answer.status + " instance=" + orDash(answer.instance)
                    + " error=" + orDash(answer.outriggerError));
            if (printBody) {
                System.out.print(answer.body);
            }
        } catch (IOException | RuntimeException e) {
            failedThisSecond.incrementAndGet();
            System.out.println("status=- instance=- error=" + e.getClass().getSimpleName());
            System.err.println("call failed: " + e + (e.getCause() == null ? "" : ", caused by " + e.getCause()));
        }
    }

    private static String orDash(String value) {
        return value == null || value.isEmpty() ? "-" : value;
    }

    /** java.net.http.HttpClient as an application would create it: all defaults. */
    static final class JdkHttpClient implements Client {
        private final HttpClient client = HttpClient.newHttpClient();

        @Override
        public Answer send(Call call) throws IOException, InterruptedException {
            HttpRequest.BodyPublisher body = call.bodyBytes == 0 ? BodyPublishers.noBody()
                    : call.bufferedBody ? BodyPublishers.ofByteArray(new PatternBody(call.bodyBytes).readAllBytes())
                    : BodyPublishers.fromPublisher(BodyPublishers.ofInputStream(() -> new PatternBody(call.bodyBytes)),
                    call.bodyBytes);
            HttpRequest.Builder request = HttpRequest.newBuilder(call.uri).timeout(call.timeout)
                    .method(call.method, body);
            call.headers.forEach(header -> request.header(header[0], header[1]));
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(),
                    response.headers().firstValue("x-sample-instance").orElse(null),
                    response.headers().firstValue("x-outrigger-error").orElse(null),
                    response.body());
        }
    }

    /** java.net.HttpURLConnection, the older API many services still use. */
    static final class UrlConnectionClient implements Client {
        @Override
        public Answer send(Call call) throws IOException {
            HttpURLConnection connection = (HttpURLConnection) call.uri.toURL().openConnection();
            connection.setConnectTimeout((int) call.timeout.toMillis());
            connection.setReadTimeout((int) call.timeout.toMillis());
            connection.setRequestMethod(call.method);
            call.headers.forEach(header -> connection.addRequestProperty(header[0], header[1]));
            if (call.bodyBytes > 0) {
                connection.setDoOutput(true);
                if (!call.bufferedBody) {
                    connection.setFixedLengthStreamingMode(call.bodyBytes);
                }
                try (OutputStream out = connection.getOutputStream(); InputStream body = new PatternBody(call.bodyBytes)) {
                    body.transferTo(out);
                }
            }
            int status = connection.getResponseCode();
            InputStream stream = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
            String body = stream == null ? "" : readAll(stream);
            return new Answer(status, connection.getHeaderField("x-sample-instance"),
                    connection.getHeaderField("x-outrigger-error"), body);
        }

        private static String readAll(InputStream stream) throws IOException {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }

    static final class Options {
        URI uri;
        int count = 1;
        long durationSeconds;
        double rate;
        String method = "GET";
        long bodyBytes;
        final List<String[]> headers = new ArrayList<>();
        String client = "httpclient";
        boolean printBody;
        boolean bufferedBody;
        Duration timeout = Duration.ofSeconds(30);

        static Options parse(String[] args) {
            Options options = new Options();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (arg.equals("--print-body")) {
                    options.printBody = true;
                } else if (arg.equals("--buffered-body")) {
                    options.bufferedBody = true;
                } else if (arg.startsWith("--")) {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException(arg + " needs a value");
                    }
                    options.set(arg, args[++i]);
                } else if (options.uri == null) {
                    options.uri = URI.create(arg);
                } else {
                    throw new IllegalArgumentException("unexpected argument " + arg);
                }
            }
            if (options.uri == null) {
                throw new IllegalArgumentException("URL missing");
            }
            return options;
        }

        private void set(String option, String value) {
            switch (option) {
                case "--count" -> count = Integer.parseInt(value);
                case "--duration" -> durationSeconds = Long.parseLong(value);
                case "--rate" -> rate = Double.parseDouble(value);
                case "--method" -> method = value;
                case "--body-bytes" -> bodyBytes = Long.parseLong(value);
                case "--timeout" -> timeout = Duration.ofMillis(Long.parseLong(value));
                case "--client" -> {
                    if (!value.equals("httpclient") && !value.equals("urlconnection")) {
                        throw new IllegalArgumentException("--client is httpclient or urlconnection, got " + value);
                    }
                    client = value;
                }
                case "--header" -> {
                    int colon = value.indexOf(':');
                    if (colon <= 0) {
                        throw new IllegalArgumentException("--header wants NAME:VALUE, got " + value);
                    }
                    headers.add(new String[] {value.substring(0, colon), value.substring(colon + 1)});
                }
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
    }
}
